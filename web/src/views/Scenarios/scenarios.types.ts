// The Scenarios view's shapes: its result types (generated), the event table it shows and the draft being edited.
import type * as Api from '../../lib/graphql/api-types';
import type { MapEntity } from '../../lib/graphql/types';

export type EventType = Api.ScenarioEventType;
/** The event types and what each may target: generated from the API (npm run codegen). */
export { SCENARIO_EVENT_TYPES as EVENT_TYPES, SCENARIO_TARGET_KINDS as TARGET_KINDS } from '../../lib/graphql/api-rules';

export const EVENT_LABELS: Record<EventType, { label: string; help: string }> = {
  DISRUPTION: { label: 'Disruption', help: 'Supply from a country, supplier, material, component or technology is cut by a share.' },
  MATURATION: { label: 'Maturation', help: 'A technology reaches a readiness level (TRL) by a year; TRL 7 or more makes it deployable.' },
  SUBSTITUTE: { label: 'New substitute', help: 'Something becomes able to replace another, covering a share of its shortfall.' },
  THREAT: { label: 'Threat emergence', help: 'Criminals start using a technology: the need for the capabilities that counter it grows.' },
};

export const STEEP = ['social', 'technological', 'economic', 'environmental', 'political'] as const;

// Result shapes: the generated types of scenarios.operations.ts (npm run codegen), named for this view.
export type Scenario = Api.ScenarioFieldsFragment;
export type ScenarioEvent = Scenario['events'][number];
export type ScenarioSummary = Api.ScenarioListQuery['scenarios']['edges'][number]['node'];
export type ScenarioRun = Api.RunFieldsFragment;
export type CapabilityImpact = ScenarioRun['impacts'][number];
export type ImpactPath = CapabilityImpact['paths'][number];
export type ImpactStep = ImpactPath['steps'][number];
export type NodeImpact = ScenarioRun['nodes'][number];
export type HorizonStep = ScenarioRun['timeline'][number];
export type CapabilityChange = HorizonStep['gains'][number];
/** Why an event has little or no effect (a maturing technology's unknown TRL), and which technology to fix. */
export type EventNote = ScenarioRun['eventNotes'][number];
type ComparisonAnswer = Api.CompareScenariosQuery['compareScenarios'];
type RunAnswer = ComparisonAnswer['runs'][number];
/** Compared runs are of saved scenarios, so each names its scenario (the API's field is null only for a draft). */
export type ComparisonRun = RunAnswer & { scenario: NonNullable<RunAnswer['scenario']> };
export type Comparison = Omit<ComparisonAnswer, 'runs'> & { runs: ComparisonRun[] };
export type ComparisonRow = Comparison['rows'][number];

/** An event being edited: the picked entities are kept whole, for their names. */
export interface DraftEvent {
  /** Stable key for the list while editing (not sent). */
  key: number;
  type: EventType;
  target: MapEntity | null;
  replaces: MapEntity | null;
  /** Percent 0–100 in the form; the API takes 0–1. */
  percent: number | null;
  trl: number | null;
  year: number | null;
  note: string;
}

export interface Draft {
  /** Null until saved. */
  id: string | null;
  name: string;
  description: string;
  horizon: number;
  drivers: string[];
  assumptions: string[];
  events: DraftEvent[];
}
