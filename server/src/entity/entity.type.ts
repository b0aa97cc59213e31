// The Entity interface every node of the map implements, plus the types shared by all of them.
import { Field, ID, InterfaceType, ObjectType, Int, registerEnumType } from 'type-graphql';
import { ENTITY_KINDS, type EntityKind } from '../db/labels.js';

export const EntityKindEnum = Object.fromEntries(ENTITY_KINDS.map((k) => [k, k])) as { [K in EntityKind]: K };
registerEnumType(EntityKindEnum, { name: 'EntityKind', description: 'What an entity of the map is.' });

/** The shape every repository hands to GraphQL: the node's properties plus its kind. */
export interface EntityRecord {
  id: string;
  name: string;
  kind: EntityKind;
  description?: string | null;
  [property: string]: unknown;
}

@ObjectType({ description: 'A property shown in the details panel, as text.' })
export class Attribute {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@InterfaceType({
  description: 'Anything on the map: a technology, a capability, a material, a supplier, a country…',
  // Type names equal the kinds (labels), so plain objects need no class instances.
  resolveType: (value: EntityRecord) => value.kind,
})
export abstract class Entity {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { description: 'Acronyms, synonyms and other-language names; search matches them.' }) aliases!: string[];
  @Field(() => Int, { description: 'Bumped on every edit; send it back as expectedRevision so a concurrent edit is not overwritten (0: never edited here).' })
  revision!: number;
  @Field(() => Boolean, { description: 'No source backs it (a source itself never is).' }) unsourced!: boolean;
}

@ObjectType({ implements: Entity, description: 'A document a fact was taken from.' })
export class Source extends Entity {
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

// Kinds whose properties need no field of their own: the generic `attributes` shows them.
function plainEntity(kind: EntityKind, description: string) {
  @ObjectType(kind, { implements: Entity, description })
  class PlainEntity extends Entity {}
  return PlainEntity;
}

export const KetArea = plainEntity('KetArea', 'A Key Enabling Technology area (COM(2009) 512 or its 2018 update).');
export const CriticalTechnologyArea = plainEntity('CriticalTechnologyArea', 'One of the ten critical technology areas of Recommendation (EU) 2023/2113.');
export const Component = plainEntity('Component', 'A component a technology is built from (a chip, a sensor, a magnet…).');
export const CaseStudy = plainEntity('CaseStudy', 'A technology-scanning case study, such as drug markets.');
export const Project = plainEntity('Project', 'A research project the cluster engages with, such as AHEAD or TESSERA.');
export const Organisation = plainEntity('Organisation', 'An organisation, such as a member of the EU Innovation Hub.');

@ObjectType({ implements: Entity, description: 'A raw or processed material.' })
export class Material extends Entity {
  @Field(() => Boolean, { nullable: true }) criticalRawMaterial?: boolean | null;
  @Field(() => Boolean, { nullable: true }) strategicRawMaterial?: boolean | null;
}

@ObjectType({ implements: Entity, description: 'A company or group of producers that supplies a component or material.' })
export class Supplier extends Entity {}

@ObjectType({ implements: Entity, description: 'A country where suppliers are located.' })
export class Country extends Entity {
  @Field(() => String, { nullable: true }) iso2?: string | null;
  @Field(() => Boolean, { description: 'Whether the country is an EU member state.' }) eu!: boolean;
}

/** The object types to register with the schema (type-graphql only emits types it is given or reaches). */
export const ENTITY_TYPES = [Source, KetArea, CriticalTechnologyArea, Component, CaseStudy, Project, Organisation, Material, Supplier, Country];
