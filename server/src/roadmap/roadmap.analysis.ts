/**
 * The capability roadmap: for one capability, a lane per enabling technology from this year to 2040 with its expected
 * readiness, the dependencies at risk below it, and the events of a saved scenario placed on the lanes they touch.
 * Pure: the supply graph, the lanes' readiness facts and the events come in; no GraphQL, no I/O.
 *
 * Readiness over time comes only from what the map says (TRL, the year it was assessed, the horizon):
 *   - a known TRL ≥ 7                       → deployable over the whole timeline;
 *   - a horizon year H (now = this year)    → deployable from H; before H "developing" with a known TRL, else "unknown";
 *   - a known TRL below 7 and no horizon    → developing this year, "unknown" after (nobody said when it matures);
 *   - neither                               → "unknown" throughout. Nothing is invented: an unknown stays unknown.
 * Dependencies at risk reuse the dependency analysis: its single points of failure (spof.ts) and its supply shares
 * (shares.ts), flagged when more than half of an item's supply comes from outside the EU.
 */
import { effectiveShares, originShares } from '../dependency/shares.js';
import { singlePointsOfFailure } from '../dependency/spof.js';
import type { SupplyGraph, SupplyKind } from '../supply-graph/supply-graph.js';
import { levelsFrom } from '../dependency/walk.js';
import { MATURE_TRL, STANDARD_HORIZONS, eventFraction, eventYear, type ScenarioEventSpec, type ScenarioEventType } from '../scenario/scenario.model.js';

/** The roadmap runs to the last standard horizon. */
export const ROADMAP_END = 2040;
/** Supply above this share from outside the EU marks a dependency at risk. */
export const NON_EU_RISK_SHARE = 0.5;

export const READINESS_STATES = ['DEPLOYABLE', 'DEVELOPING', 'UNKNOWN'] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];
export const READINESS_BASES = ['TRL', 'HORIZON', 'UNKNOWN'] as const;
export type ReadinessBasis = (typeof READINESS_BASES)[number];
export const RISK_TYPES = ['SINGLE_POINT_OF_FAILURE', 'NON_EU_SUPPLY'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

/** What the map says of one enabling technology. */
export interface LaneFact {
  id: string;
  name: string;
  strength: number | null;
  trl: number | null;
  trlYear: number | null;
  horizon: string | null;
}

/** A stretch of years [from, to) in one state; the last one ends at ROADMAP_END + 1. */
export interface ReadinessSegment {
  from: number;
  to: number;
  state: ReadinessState;
  label: string;
}

export interface RoadmapRisk {
  type: RiskType;
  nodeId: string;
  nodeName: string;
  nodeKind: SupplyKind;
  /** Share of supply from outside the EU (NON_EU_SUPPLY; also given for a single point with known supply). */
  nonEuShare: number | null;
  detail: string;
}

export interface RoadmapLane extends LaneFact {
  /** First year deployable (TRL ≥ 7) as the map has it; null when unknown. */
  deployableFrom: number | null;
  basis: ReadinessBasis;
  readiness: ReadinessSegment[];
  /** First year deployable under the chosen scenario's MATURATION events, when they bring it forward. */
  scenarioDeployableFrom: number | null;
  risks: RoadmapRisk[];
}

export interface RoadmapEvent {
  /** Position of the event in its scenario, from 0. */
  index: number;
  type: ScenarioEventType;
  year: number;
  targetId: string;
  targetName: string | null;
  /** The lanes whose technology it targets or lies below; empty when it touches none of them. */
  laneIds: string[];
  summary: string;
}

export interface Roadmap {
  capability: { id: string; name: string };
  currentYear: number;
  endYear: number;
  /** The standard horizons within the timeline. */
  horizons: number[];
  lanes: RoadmapLane[];
  events: RoadmapEvent[];
}

/** The year a horizon value names; "now" is this year; null when absent or not a year. */
export function horizonYear(horizon: string | null, thisYear: number): number | null {
  if (!horizon) return null;
  if (horizon === 'now') return thisYear;
  const year = Number(horizon);
  return Number.isInteger(year) ? Math.max(year, thisYear) : null;
}

const assessed = (fact: LaneFact) => `TRL ${fact.trl}${fact.trlYear ? ` (assessed ${fact.trlYear})` : ''}`;

/** The lane's readiness from this year to the end, as the map has it. */
export function laneReadiness(
  fact: LaneFact,
  thisYear: number,
  end = ROADMAP_END,
): { basis: ReadinessBasis; deployableFrom: number | null; readiness: ReadinessSegment[] } {
  const last = end + 1;
  const known = fact.trl !== null;
  if (known && fact.trl! >= MATURE_TRL) {
    return { basis: 'TRL', deployableFrom: thisYear, readiness: [{ from: thisYear, to: last, state: 'DEPLOYABLE', label: `Deployable: ${assessed(fact)}` }] };
  }
  const h = horizonYear(fact.horizon, thisYear);
  if (h !== null) {
    const before: ReadinessSegment = known
      ? { from: thisYear, to: Math.min(h, last), state: 'DEVELOPING', label: `Developing: ${assessed(fact)}` }
      : { from: thisYear, to: Math.min(h, last), state: 'UNKNOWN', label: 'Readiness unknown (no TRL) until its horizon' };
    const segments = h > thisYear ? [before] : [];
    if (h <= end) segments.push({ from: h, to: last, state: 'DEPLOYABLE', label: `Expected deployable from ${h} (horizon ${fact.horizon})` });
    return { basis: 'HORIZON', deployableFrom: h, readiness: segments };
  }
  if (known) {
    return {
      basis: 'TRL',
      deployableFrom: null,
      readiness: [
        { from: thisYear, to: Math.min(thisYear + 1, last), state: 'DEVELOPING', label: `Developing: ${assessed(fact)}` },
        ...(thisYear + 1 < last ? [{ from: thisYear + 1, to: last, state: 'UNKNOWN' as const, label: 'No horizon given: when it matures is unknown' }] : []),
      ],
    };
  }
  return {
    basis: 'UNKNOWN',
    deployableFrom: null,
    readiness: [{ from: thisYear, to: last, state: 'UNKNOWN', label: 'Readiness unknown: no TRL and no horizon on the map' }],
  };
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** Single points of failure and mostly non-EU supply below each lane's technology, from the capability's subgraph. */
export function risksByLane(g: SupplyGraph, capabilityId: string, laneIds: readonly string[]): Map<string, RoadmapRisk[]> {
  const out = new Map<string, RoadmapRisk[]>(laneIds.map((id) => [id, []]));
  const nonEu = (id: string) => originShares(effectiveShares(g, id))?.nonEu ?? null;
  const spof = singlePointsOfFailure(g, capabilityId);
  for (const point of spof?.points ?? []) {
    for (const t of point.technologyIds) {
      const supplied = point.node.kind === 'Component' || point.node.kind === 'Material';
      out.get(t)?.push({
        type: 'SINGLE_POINT_OF_FAILURE',
        nodeId: point.node.id,
        nodeName: point.node.name,
        nodeKind: point.node.kind,
        nonEuShare: supplied ? nonEu(point.node.id) : null,
        detail: point.reason,
      });
    }
  }
  for (const laneId of laneIds) {
    const below = [...levelsFrom(g, laneId).keys()].filter((id) => {
      const kind = g.nodes.get(id)?.kind;
      return kind === 'Component' || kind === 'Material';
    });
    for (const id of below.sort()) {
      const share = nonEu(id);
      if (share === null || share <= NON_EU_RISK_SHARE) continue;
      const node = g.nodes.get(id)!;
      out.get(laneId)!.push({
        type: 'NON_EU_SUPPLY',
        nodeId: id,
        nodeName: node.name,
        nodeKind: node.kind,
        nonEuShare: share,
        detail: `${percent(share)} of the supply of ${node.name} comes from outside the EU.`,
      });
    }
  }
  return out;
}

function eventSummary(e: ScenarioEventSpec, name: string, thisYear: number): string {
  const year = eventYear(e, thisYear);
  switch (e.type) {
    case 'DISRUPTION':
      return `${name} disrupted (${percent(eventFraction(e))}) from ${year}`;
    case 'MATURATION':
      return `${name} reaches TRL ${e.trl ?? '?'} by ${year}`;
    case 'SUBSTITUTE':
      return `${name} substitutes ${e.replacesId ?? '?'} from ${year}`;
    case 'THREAT':
      return `${name} misused by criminals from ${year}`;
  }
}

export interface RoadmapInput {
  capability: { id: string; name: string };
  lanes: readonly LaneFact[];
  /** The capability's subgraph (dependency analysis), for risks and for placing events. */
  graph: SupplyGraph;
  /** The chosen scenario's events, in order (index = position); empty without a scenario. */
  events: readonly (ScenarioEventSpec & { index: number })[];
  thisYear: number;
}

export function buildRoadmap(input: RoadmapInput): Roadmap {
  const { graph: g, thisYear } = input;
  const laneIds = input.lanes.map((l) => l.id);
  const risks = risksByLane(g, input.capability.id, laneIds);
  const reach = new Map(laneIds.map((id) => [id, levelsFrom(g, id)]));
  const lanes: RoadmapLane[] = input.lanes.map((fact) => ({
    ...fact,
    ...laneReadiness(fact, thisYear),
    scenarioDeployableFrom: null,
    risks: risks.get(fact.id) ?? [],
  }));
  // Strongest enabler first; events name their lanes in this order.
  lanes.sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const events: RoadmapEvent[] = input.events.map((e) => {
    const touched = [e.targetId, e.replacesId].filter((x): x is string => !!x);
    const laneHits = lanes.map((l) => l.id).filter((id) => touched.some((t) => reach.get(id)!.has(t)));
    return {
      index: e.index,
      type: e.type,
      year: eventYear(e, thisYear),
      targetId: e.targetId,
      targetName: g.nodes.get(e.targetId)?.name ?? null,
      laneIds: laneHits,
      summary: eventSummary(e, g.nodes.get(e.targetId)?.name ?? e.targetId, thisYear),
    };
  });
  // A scenario's maturation to TRL ≥ 7 brings a lane's deployment forward (never later: a delay is a disruption).
  for (const e of input.events) {
    if (e.type !== 'MATURATION' || e.trl === null || e.trl === undefined || e.trl < MATURE_TRL || e.year === null || e.year === undefined) continue;
    const lane = lanes.find((l) => l.id === e.targetId);
    if (!lane) continue;
    const year = Math.max(e.year, thisYear);
    const current = lane.scenarioDeployableFrom ?? lane.deployableFrom;
    if (current === null || year < current) lane.scenarioDeployableFrom = year;
  }
  events.sort((a, b) => a.year - b.year || a.index - b.index);
  return {
    capability: input.capability,
    currentYear: thisYear,
    endYear: ROADMAP_END,
    horizons: STANDARD_HORIZONS.filter((y) => y >= thisYear && y <= ROADMAP_END),
    lanes,
    events,
  };
}
