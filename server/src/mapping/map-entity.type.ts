// The generic mapping inputs and results: create, edit, link, delete any kind of the map (mapping-model.ts says which
// fields each kind and link type has; attributes and properties are checked against it).
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { EntityKind } from '../db/labels.js';
import { Entity, EntityKindEnum, Source, type EntityRecord } from '../entity/entity.type.js';
import type { LinkType } from './mapping-model.js';
import { LinkTypeEnum } from './mapping-model.type.js';

@InputType({
  description: 'A document to cite, created in the same change: title, publisher, year and URL, optionally a page or quote and the date it was read.',
})
export class NewSourceInput {
  @Field(() => ID, { nullable: true, description: 'Made from the title when not given (src:…).' }) id?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) publisher!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) page?: string | null;
  @Field(() => String, { nullable: true }) quote?: string | null;
  @Field(() => String, { nullable: true, description: 'When it was read, YYYY-MM-DD.' }) accessed?: string | null;
}

@InputType({ description: 'A new entity of any kind. The id is made from the name when not given.' })
export class CreateEntityInput {
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Acronyms, synonyms, other-language names.' }) aliases?: string[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The kind\u2019s own fields (mappingModel.kinds.fields), e.g. {"trl": 6}.' })
  attributes?: Record<string, unknown> | null;
  @Field(() => [ID], { nullable: true, description: 'Existing sources it is taken from.' }) sourceIds?: string[] | null;
  @Field(() => [NewSourceInput], { nullable: true, description: 'New sources, created and cited in the same change.' }) newSources?: NewSourceInput[] | null;
  @Field(() => String, { nullable: true, description: 'Why, shown in history.' }) comment?: string | null;
}

@InputType({ description: 'Changes to an entity: only the fields given change; null clears an optional one. expectedRevision is the revision you opened.' })
export class UpdateEntityInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The revision the change was made on; a newer one is refused with CONFLICT (what changed since is in extensions.changes).' })
  expectedRevision!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Only the fields given change; null clears one.' }) attributes?: Record<
    string,
    unknown
  > | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the sources (new sources are added to these).' }) sourceIds?: string[] | null;
  @Field(() => [NewSourceInput], { nullable: true, description: 'New sources, added to its sources.' }) newSources?: NewSourceInput[] | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType({ description: 'Map a link (creates it or replaces its properties).' })
export class LinkInput {
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The link type\u2019s properties (mappingModel.linkTypes.properties), e.g. {"share": 0.4}.' })
  properties?: Record<string, unknown> | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
  @Field(() => [NewSourceInput], { nullable: true }) newSources?: NewSourceInput[] | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@ObjectType({ description: 'A link of the map with its properties and sources.' })
export class Link {
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => Entity) from!: EntityRecord;
  @Field(() => Entity) to!: EntityRecord;
  @Field(() => GraphQLJSONObject) properties!: Record<string, unknown>;
  @Field(() => [Source]) sources!: EntityRecord[];
  @Field(() => Boolean, { description: 'No source backs it.' }) unsourced!: boolean;
  sourceIds?: string[];
}

@ObjectType({ description: 'What deleting an entity would do, to show before deleting.' })
export class DeletionImpact {
  @Field(() => Entity) entity!: EntityRecord;
  @Field(() => [Link], { description: 'The links that would go with it.' }) links!: unknown[];
  @Field(() => [Entity], { description: 'Saved scenarios with events on it (those events would become warnings).' }) scenarios!: EntityRecord[];
  @Field(() => [Entity], { description: 'Capabilities whose readiness or availability would change.' }) capabilities!: EntityRecord[];
  @Field(() => Int, { description: 'For a source: how many entities and links cite it.' }) citations!: number;
  @Field(() => Boolean, { description: 'Whether the caller may delete it (analysts: what they created; admins: anything).' }) canDelete!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, when canDelete is false.' }) reason?: string | null;
}
