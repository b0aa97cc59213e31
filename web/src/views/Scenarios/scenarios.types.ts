// TypeScript shapes of what the Scenarios view asks for (see scenarios.operations.ts and /schema.graphql).
import type { EntityKind, MapEntity } from '../../lib/graphql/types';

export const EVENT_TYPES = ['DISRUPTION', 'MATURATION', 'SUBSTITUTE', 'THREAT'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What each event type may target (server/src/scenario/scenario.model.ts holds the same table). */
export const TARGET_KINDS: Record<EventType, readonly EntityKind[]> = {
  DISRUPTION: ['Country', 'Supplier', 'Material', 'Component', 'Technology'],
  MATURATION: ['Technology'],
  SUBSTITUTE: ['Technology', 'Component', 'Material'],
  THREAT: ['Technology'],
};

export const EVENT_LABELS: Record<EventType, { label: string; help: string }> = {
  DISRUPTION: { label: 'Disruption', help: 'Supply from a country, supplier, material, component or technology is cut by a share.' },
  MATURATION: { label: 'Maturation', help: 'A technology reaches a readiness level (TRL) by a year; TRL 7 or more makes it deployable.' },
  SUBSTITUTE: { label: 'New substitute', help: 'Something becomes able to replace another, covering a share of its shortfall.' },
  THREAT: { label: 'Threat emergence', help: 'Criminals start using a technology: the need for the capabilities that counter it grows.' },
};

export const STEEP = ['social', 'technological', 'economic', 'environmental', 'political'] as const;

export interface ScenarioEvent {
  index: number;
  type: EventType;
  targetId: string;
  target: MapEntity | null;
  replacesId: string | null;
  replaces: MapEntity | null;
  fraction: number | null;
  trl: number | null;
  year: number | null;
  note: string | null;
}

export interface Scenario {
  id: string;
  name: string;
  description: string | null;
  horizon: number;
  drivers: string[];
  assumptions: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  events: ScenarioEvent[];
}

export interface ScenarioSummary {
  id: string;
  name: string;
  horizon: number;
  author: string;
  updatedAt: string;
}

export interface ImpactStep {
  id: string;
  kind: EntityKind;
  name: string;
  before: number;
  after: number;
  via: string | null;
}

export interface ImpactPath {
  weight: number;
  eventIndexes: number[];
  summary: string;
  steps: ImpactStep[];
}

export interface CapabilityImpact {
  capabilityId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
  readinessBefore: number;
  readinessAfter: number;
  needBefore: number;
  needAfter: number;
  paths: ImpactPath[];
}

export interface NodeImpact {
  id: string;
  kind: EntityKind;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface CapabilityChange {
  capabilityId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface HorizonStep {
  year: number;
  maturing: { technologyId: string; name: string; year: number; baselineYear: number | null; trl: number | null; basis: string; byScenario: boolean }[];
  gains: CapabilityChange[];
  losses: CapabilityChange[];
}

export interface ScenarioRun {
  horizon: number;
  currentYear: number;
  capabilityCount: number;
  warnings: string[];
  impacts: CapabilityImpact[];
  nodes: NodeImpact[];
  timeline: HorizonStep[];
}

export interface ComparisonRun {
  scenario: { id: string; name: string; horizon: number };
  horizon: number;
  impacts: CapabilityChange[];
  warnings: string[];
}

export interface ComparisonRow {
  capabilityId: string;
  name: string;
  spread: number;
  cells: { scenarioId: string; before: number; after: number; delta: number }[];
}

export interface Comparison {
  runs: ComparisonRun[];
  rows: ComparisonRow[];
}

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
