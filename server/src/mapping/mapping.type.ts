// The two links analysts map by hand: a technology ENABLES a capability; something DEPENDS_ON something.
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Capability } from '../capability/capability.type.js';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import { Technology } from '../technology/technology.type.js';

@ObjectType({ description: 'A technology enables a capability, with a strength from 0 (barely) to 1 (essential).' })
export class EnablesLink {
  @Field(() => Technology) technology!: EntityRecord;
  @Field(() => Capability) capability!: EntityRecord;
  @Field(() => Float) strength!: number;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [Source]) sources!: EntityRecord[];
  sourceIds?: string[];
}

@ObjectType({ description: 'One thing depends on another (a technology, component or material).' })
export class DependencyLink {
  @Field(() => Entity, { description: 'The one that depends.' }) dependant!: EntityRecord;
  @Field(() => Entity, { description: 'The one depended on.' }) dependency!: EntityRecord;
  @Field(() => Float, { description: '0–1: how badly the dependant suffers without it.' }) criticality!: number;
  @Field(() => Float, { description: '0–1: 0 means no substitute is known.' }) substitutability!: number;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [Source]) sources!: EntityRecord[];
  sourceIds?: string[];
}

@InputType({ description: 'Map that a technology enables a capability (creates or updates the link).' })
export class EnablesInput {
  @Field(() => ID) technologyId!: string;
  @Field(() => ID) capabilityId!: string;
  @Field(() => Float) strength!: number;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'Map a dependency (creates or updates the link).' })
export class DependsOnInput {
  @Field(() => ID, { description: 'A technology or component.' }) dependantId!: string;
  @Field(() => ID, { description: 'A technology, component or material.' }) dependencyId!: string;
  @Field(() => Float) criticality!: number;
  @Field(() => Float, { defaultValue: 0 }) substitutability!: number;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@ObjectType({ description: 'What an unlink removed.' })
export class UnlinkResult {
  @Field(() => Boolean) removed!: boolean;
  @Field(() => ID, { nullable: true, description: 'The UNLINK change in history (restore undoes it).' }) changeId?: string | null;
}
