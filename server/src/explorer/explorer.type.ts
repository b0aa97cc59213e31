import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityKind } from '../db/labels.js';
import { Attribute, Entity, EntityKindEnum, Source, type EntityRecord } from '../entity/entity.type.js';
import { PageInfo } from '../graphql/connection.js';
import type { MatchedField } from './search.analysis.js';

export const SearchFieldEnum: { [F in MatchedField]: F } = { NAME: 'NAME', ALIAS: 'ALIAS', DESCRIPTION: 'DESCRIPTION' };
registerEnumType(SearchFieldEnum, { name: 'SearchField', description: 'Which field of an entity a search matched.' });

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
  @Field(() => Float, { description: 'Relevance; higher is better. An exact match of the name or an alias ranks first whatever its score.' }) score!: number;
  @Field(() => Boolean, { description: 'The whole text equals the name or an alias (case aside).' }) exact!: boolean;
  @Field(() => SearchFieldEnum, { description: 'Where the text matched: the name, an alias or the description.' }) matchedField!: MatchedField;
  @Field(() => String, { nullable: true, description: 'The alias that matched, when matchedField is ALIAS.' }) matchedText!: string | null;
}

@ObjectType({ description: 'How many hits of a search are of one kind.' })
export class SearchFacet {
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A page of search hits, with the total and the counts per kind.' })
export class SearchResults {
  @Field(() => Int, { description: 'How many entities match, in all pages, within the kinds asked for.' }) total!: number;
  @Field(() => [SearchHit], { description: 'This page: exact name or alias matches first, then by relevance, then by kind.' }) hits!: SearchHit[];
  @Field(() => [SearchFacet], { description: 'Matches per kind, whatever kinds were asked for (to offer filters), most first.' }) facets!: SearchFacet[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
