// Scenarios as plain data: the event kinds, what each may target, and the constants of the impact model.
// No GraphQL and no I/O here, so propagation, validation and the web view's rules all read the same table.
import type { EntityKind } from '../db/labels.js';
import { Steep, storedValues } from '../vocabulary/vocabularies.js';

export const EVENT_TYPES = ['DISRUPTION', 'MATURATION', 'SUBSTITUTE', 'THREAT'] as const;
export type ScenarioEventType = (typeof EVENT_TYPES)[number];

/** The kinds of node each event type may point at (`targetId`). SUBSTITUTE's `replacesId` takes the same kinds. */
export const EVENT_TARGET_KINDS: Record<ScenarioEventType, readonly EntityKind[]> = {
  DISRUPTION: ['Supplier', 'Country', 'Material', 'Component', 'Technology'],
  MATURATION: ['Technology'],
  SUBSTITUTE: ['Technology', 'Component', 'Material'],
  THREAT: ['Technology'],
};

/** STEEP drivers; analysts may add free tags besides these. */
export const STEEP_DRIVERS: readonly string[] = storedValues(Steep);

/** The planning horizons every timeline shows (plus the scenario's own horizon). */
export const STANDARD_HORIZONS = [2030, 2035, 2040] as const;
export const LATEST_HORIZON = 2100;

/** A technology counts as deployable for security use from TRL 7 (system prototype in an operational environment). */
export const MATURE_TRL = 7;

/** Limits that keep a scenario readable and a run cheap. */
export const LIMITS = { events: 100, drivers: 20, driverLength: 60, assumptions: 50, assumptionLength: 1000, compare: 6 } as const;

/** One event of a scenario, as stored and as run. Which fields matter depends on `type` (see docs/scenarios.md). */
export interface ScenarioEventSpec {
  type: ScenarioEventType;
  /** DISRUPTION: what becomes unavailable; MATURATION/THREAT: the technology; SUBSTITUTE: the new substitute X. */
  targetId: string;
  /** SUBSTITUTE only: Y, what X can replace. */
  replacesId?: string | null;
  /** DISRUPTION: share of supply or use lost (required); SUBSTITUTE: share of Y's shortfall X covers (default 1);
   *  THREAT: how much the need for countering capabilities grows (default 1 = doubles). */
  fraction?: number | null;
  /** MATURATION only: the TRL reached. */
  trl?: number | null;
  /** MATURATION: by when (required). Other types: from when (default: now). */
  year?: number | null;
  note?: string | null;
}

/** What a run needs of a scenario. */
export interface ScenarioSpec {
  horizon: number;
  events: ScenarioEventSpec[];
}

/** The year an event takes effect. */
export function eventYear(event: ScenarioEventSpec, currentYear: number): number {
  return event.year ?? currentYear;
}

/** The magnitude used when an optional fraction is left out. */
export function eventFraction(event: ScenarioEventSpec): number {
  if (event.fraction !== null && event.fraction !== undefined) return event.fraction;
  return event.type === 'DISRUPTION' ? 0 : 1;
}

export function currentYear(now: Date = new Date()): number {
  return now.getUTCFullYear();
}

/** The years a timeline shows: the standard horizons and the scenario's, from this year on, ascending. */
export function timelineYears(horizon: number, thisYear: number): number[] {
  return [...new Set([...STANDARD_HORIZONS, horizon])].filter((y) => y >= thisYear).sort((a, b) => a - b);
}

/** Rounds model outputs so that the same input gives the same bytes, whatever float noise the sums carry. */
export function round9(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

/** Differences at or below this are "no change". */
export const EPSILON = 1e-9;
