import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityKind } from '../db/labels.js';
import { EntityKindEnum } from '../entity/entity.type.js';
import type { LinkType } from './mapping-model.js';
import { LinkTypeEnum } from './mapping-model.type.js';

@ObjectType({ description: 'An entity with a gap to fix; open it by id.' })
export class DataQualityItem {
  @Field(() => ID) id!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A link with no source; open either end to fix it.' })
export class DataQualityLink {
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => ID) fromId!: string;
  @Field(() => EntityKindEnum) fromKind!: EntityKind;
  @Field(() => String) fromName!: string;
  @Field(() => ID) toId!: string;
  @Field(() => EntityKindEnum) toKind!: EntityKind;
  @Field(() => String) toName!: string;
}

@ObjectType({ description: 'Entities with a gap: the first ones (by name) and how many in all.' })
export class DataQualityItems {
  @Field(() => Int) total!: number;
  @Field(() => [DataQualityItem]) items!: DataQualityItem[];
}

@ObjectType({ description: 'Links with a gap: the first ones and how many in all.' })
export class DataQualityLinks {
  @Field(() => Int) total!: number;
  @Field(() => [DataQualityLink]) items!: DataQualityLink[];
}

@ObjectType({ description: 'What the map still lacks: facts without a source, items with unknown supply, technologies with unknown TRL.' })
export class DataQualityReport {
  @Field(() => DataQualityItems, { description: 'Entities (not sources) citing no source.' }) unsourcedEntities!: DataQualityItems;
  @Field(() => DataQualityLinks, { description: 'Links citing no source.' }) unsourcedLinks!: DataQualityLinks;
  @Field(() => DataQualityItems, { description: 'Components and materials with no SUPPLIED_BY link.' }) unknownSupply!: DataQualityItems;
  @Field(() => DataQualityItems, { description: 'Technologies with no TRL.' }) unknownTrl!: DataQualityItems;
}
