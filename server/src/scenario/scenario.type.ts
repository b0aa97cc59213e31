// A Scenario and its events as GraphQL types and inputs. The run results are in scenario-run.type.ts.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type.js';
import { Connection } from '../graphql/connection.js';
import { EVENT_TYPES, type ScenarioEventType } from './scenario.model.js';

export const ScenarioEventTypeEnum = Object.fromEntries(EVENT_TYPES.map((t) => [t, t])) as { [K in ScenarioEventType]: K };
registerEnumType(ScenarioEventTypeEnum, {
  name: 'ScenarioEventType',
  description: 'What happens in a scenario.',
  valuesConfig: {
    DISRUPTION: { description: 'A supplier, country, material, component or technology becomes unavailable or degraded by `fraction` (0–1).' },
    MATURATION: { description: 'A technology reaches `trl` by `year` (TRL ≥ 7 makes it deployable from then).' },
    SUBSTITUTE: { description: 'The target becomes a substitute for `replacesId`, covering `fraction` of its shortfall (default 1).' },
    THREAT: {
      description: 'A technology becomes usable by criminals: the need for the capabilities that counter it grows by `fraction` (default 1 = doubles).',
    },
  },
});

@ObjectType({ description: 'One event of a saved scenario; it points at a baseline entity without changing it.' })
export class ScenarioEvent {
  @Field(() => Int, { description: 'Position in the scenario, from 0.' }) index!: number;
  @Field(() => ScenarioEventTypeEnum) type!: ScenarioEventType;
  @Field(() => ID, { description: 'Kept even if the entity is deleted later (then `target` is null).' }) targetId!: string;
  @Field(() => ID, { nullable: true }) replacesId?: string | null;
  @Field(() => Float, { nullable: true }) fraction?: number | null;
  @Field(() => Int, { nullable: true }) trl?: number | null;
  @Field(() => Int, { nullable: true, description: 'MATURATION: by when; otherwise from when (null: now).' }) year?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  scenarioId?: string;
}

@ObjectType({ implements: Entity, description: 'A what-if scenario: events laid over the baseline map, with its horizon, drivers and assumptions.' })
export class Scenario extends Entity {
  @Field(() => Int, { description: 'The year the scenario looks at.' }) horizon!: number;
  @Field(() => [String], { description: 'STEEP drivers (social, technological, economic, environmental, political) and free tags.' })
  drivers!: string[];
  @Field(() => [String]) assumptions!: string[];
  @Field(() => String) author!: string;
  @Field(() => String, { nullable: true, description: 'Who last changed it (the owner, or an admin); null when never changed.' }) updatedBy?: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
}

export const ScenarioConnection = Connection(Scenario, 'Scenario');

@InputType({ description: 'One event. Which fields apply depends on `type` (see ScenarioEventType).' })
export class ScenarioEventInput {
  @Field(() => ScenarioEventTypeEnum) type!: ScenarioEventType;
  @Field(() => ID) targetId!: string;
  @Field(() => ID, { nullable: true, description: 'SUBSTITUTE only: what the target can replace.' }) replacesId?: string | null;
  @Field(() => Float, { nullable: true, description: '0–1. DISRUPTION: share lost (required). SUBSTITUTE: coverage. THREAT: severity.' })
  fraction?: number | null;
  @Field(() => Int, { nullable: true, description: 'MATURATION only: the TRL reached (1–9).' }) trl?: number | null;
  @Field(() => Int, { nullable: true, description: 'MATURATION: by when (required). Others: from when (default: now).' }) year?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'A new scenario. The id is made from the name when not given.' })
export class ScenarioInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { description: 'A year from this year to 2100.' }) horizon!: number;
  @Field(() => [String], { nullable: true }) drivers?: string[] | null;
  @Field(() => [String], { nullable: true }) assumptions?: string[] | null;
  @Field(() => [ScenarioEventInput], { nullable: true }) events?: ScenarioEventInput[] | null;
}

@InputType({ description: 'Changes to a scenario: only the fields given change; `events` replaces the whole list.' })
export class ScenarioUpdate {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) horizon?: number | null;
  @Field(() => [String], { nullable: true }) drivers?: string[] | null;
  @Field(() => [String], { nullable: true }) assumptions?: string[] | null;
  @Field(() => [ScenarioEventInput], { nullable: true }) events?: ScenarioEventInput[] | null;
}

@InputType({ description: 'A scenario to run without saving it.' })
export class ScenarioRunInput {
  @Field(() => Int) horizon!: number;
  @Field(() => [ScenarioEventInput]) events!: ScenarioEventInput[];
}

/** A scenario as repositories hand it over: an entity record with the scenario's properties. */
export type ScenarioRecord = EntityRecord & { horizon: number; drivers: string[]; assumptions: string[]; author: string };
