import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Attribute, Entity, Source, type EntityRecord } from '../entity/entity.type.js';

@ObjectType({ description: 'A link between two entities of the map, as drawn in the explorer.' })
export class MapLink {
  @Field(() => ID, { description: 'Stable for the same two ends and type.' }) id!: string;
  @Field(() => String, { description: 'ENABLES, DEPENDS_ON, SUPPLIED_BY, …' }) type!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => [Attribute], { description: 'Strength, criticality, share… as text.' }) attributes!: Attribute[];
  @Field(() => [Source]) sources!: EntityRecord[];
  properties?: Record<string, unknown>;
  sourceIds?: string[];
}

@ObjectType({ description: 'An entity and what lies within a few links of it.' })
export class Neighbourhood {
  @Field(() => Entity) centre!: EntityRecord;
  @Field(() => [Entity], { description: 'Every entity reached, the centre included, nearest first.' }) entities!: EntityRecord[];
  @Field(() => [MapLink], { description: 'Every link among those entities.' }) links!: MapLink[];
  @Field(() => Boolean, { description: 'True when the limit cut the neighbourhood short.' }) truncated!: boolean;
}

@ObjectType({ description: 'A full-text match.' })
export class SearchHit {
  @Field(() => Entity) entity!: EntityRecord;
  @Field(() => Float, { description: 'Relevance; higher is better.' }) score!: number;
}
