// What running and comparing scenarios return. Plain objects from run.ts / compare.ts map onto these one to one.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EVENT_NOTE_REASONS, type EventNoteReason } from './readiness-notes.js';
import { EntityKindEnum, type EntityRecord } from '../entity/entity.type.js';
import type { EntityKind } from '../db/labels.js';
import { Scenario } from './scenario.type.js';

@ObjectType({ description: 'One node on an impact path, with its availability (a capability: its score) before and after.' })
export class ImpactStep {
  @Field(() => ID) id!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) name!: string;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The link to the next step: ENABLES, COUNTERS, DEPENDS_ON, SUBSTITUTES, SUPPLIED_BY or LOCATED_IN; null on the capability.',
  })
  via!: string | null;
}

@ObjectType({ description: 'A chain of links that carries a change from an event to a capability.' })
export class ImpactPath {
  @Field(() => [ImpactStep], { description: "From the event's target up to the capability." }) steps!: ImpactStep[];
  @Field(() => Float, { description: 'How much of the change the path can carry (event magnitude × link weights); paths are ranked by it.' })
  weight!: number;
  @Field(() => [Int], { description: 'Positions (from 0) of the events the path starts from.' }) eventIndexes!: number[];
  @Field(() => String) summary!: string;
}

@ObjectType({ description: 'A capability whose score a scenario changes. Score = readiness ÷ need (see docs/scenarios.md).' })
export class CapabilityImpact {
  @Field(() => ID) capabilityId!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => Float) delta!: number;
  @Field(() => Float, { description: 'Strength-weighted availability of its enabling technologies.' }) readinessBefore!: number;
  @Field(() => Float) readinessAfter!: number;
  @Field(() => Float, { description: '1 plus the severity of threats it counters.' }) needBefore!: number;
  @Field(() => Float) needAfter!: number;
  @Field(() => [ImpactPath], { description: 'The strongest paths that carry the change, at most 5.' }) paths!: ImpactPath[];
}

@ObjectType({ description: 'A technology, component, material, supplier or country whose availability a scenario changes.' })
export class NodeImpact {
  @Field(() => ID) id!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) name!: string;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => Float) delta!: number;
}

@ObjectType({ description: 'A technology becoming deployable (TRL ≥ 7) in a timeline step.' })
export class MaturingTechnology {
  @Field(() => ID) technologyId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: 'When it would in the baseline; null when not within view.' }) baselineYear!: number | null;
  @Field(() => Int, { nullable: true }) trl!: number | null;
  @Field(() => String, { description: 'What the year rests on: trl, horizon, scenario.' }) basis!: string;
  @Field(() => Boolean, { description: 'A MATURATION event of the scenario brought it forward.' }) byScenario!: boolean;
}

@ObjectType({ description: "A capability's score against the baseline of the same year." })
export class CapabilityChange {
  @Field(() => ID) capabilityId!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => Float) delta!: number;
}

@ObjectType({ description: 'One year of the capability-planning timeline.' })
export class HorizonStep {
  @Field(() => Int) year!: number;
  @Field(() => [MaturingTechnology], { description: 'Technologies reaching TRL ≥ 7 since the previous step.' }) maturing!: unknown[];
  @Field(() => [CapabilityChange]) gains!: unknown[];
  @Field(() => [CapabilityChange]) losses!: unknown[];
}

export const EventNoteReasonEnum = Object.fromEntries(EVENT_NOTE_REASONS.map((r) => [r, r])) as { [K in EventNoteReason]: K };
registerEnumType(EventNoteReasonEnum, {
  name: 'ScenarioEventNoteReason',
  description: 'Why an event has little or no effect.',
  valuesConfig: { UNKNOWN_TRL: { description: 'A MATURATION event on a technology whose current TRL is unknown.' } },
});

@ObjectType({ description: 'Why an event has little or no effect, and how to fix that.' })
export class ScenarioEventNote {
  @Field(() => Int, { description: 'Position of the event in the scenario, from 0.' }) eventIndex!: number;
  @Field(() => EventNoteReasonEnum) reason!: EventNoteReason;
  @Field(() => ID, { description: 'The technology to fix (set its current TRL).' }) technologyId!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'The impact of a scenario on the capability portfolio at its horizon.' })
export class ScenarioRun {
  @Field(() => Scenario, { nullable: true, description: 'The saved scenario run; null for a draft.' }) scenario!: EntityRecord | null;
  @Field(() => Int) horizon!: number;
  @Field(() => Int) currentYear!: number;
  @Field(() => Int, { description: 'Capabilities evaluated.' }) capabilityCount!: number;
  @Field(() => [CapabilityImpact], { description: 'Capabilities whose score changed, largest change first.' }) impacts!: unknown[];
  @Field(() => [NodeImpact], { description: 'Nodes whose availability changed, largest change first.' }) nodes!: unknown[];
  @Field(() => [HorizonStep], {
    description: 'Per horizon year (2030, 2035, 2040 and the horizon): maturing technologies, gains and losses. Empty in comparisons.',
  })
  timeline!: unknown[];
  @Field(() => [String], { description: 'E.g. events whose target was deleted since the scenario was saved (they are skipped).' })
  warnings!: string[];
  @Field(() => [ScenarioEventNote], {
    description: 'Events with little or no effect because the map lacks a fact (a maturing technology’s current TRL), each with the fix.',
  })
  eventNotes!: unknown[];
}

@ObjectType({ description: "One scenario's figures for a capability in a comparison." })
export class ComparisonCell {
  @Field(() => ID) scenarioId!: string;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
  @Field(() => Float) delta!: number;
}

@ObjectType({ description: 'A capability whose change differs between the scenarios compared.' })
export class ComparisonRow {
  @Field(() => ID) capabilityId!: string;
  @Field(() => String) name!: string;
  @Field(() => [ComparisonCell], { description: 'One per scenario, in the order asked for.' }) cells!: ComparisonCell[];
  @Field(() => Float, { description: 'Largest minus smallest change across the scenarios.' }) spread!: number;
}

@ObjectType({ description: 'Scenarios side by side, each against the baseline.' })
export class ScenarioComparison {
  @Field(() => [ScenarioRun], { description: 'One run per scenario, in the order asked for (without timelines).' }) runs!: ScenarioRun[];
  @Field(() => [ComparisonRow], { description: 'Capabilities whose change differs, largest spread first.' }) rows!: ComparisonRow[];
}
