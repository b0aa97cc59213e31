// When each technology becomes deployable for security use (TRL ≥ 7), in the baseline and under a scenario.
//
// Baseline, in this order:
//   - a known TRL ≥ 7                      → deployable now;
//   - a horizon ("now", "2030", …)         → deployable from that year;
//   - a known TRL below 7 and no horizon   → not within view (never);
//   - neither TRL nor horizon              → assumed in service now (the seed lists technologies in use today).
// A MATURATION event "T reaches TRL n by year y" with n ≥ 7 brings deployment forward to y (never later: a delay is a
// DISRUPTION of the technology). With n < 7 it changes the TRL shown, not deployability.
// Unknown readiness stays unknown: on a technology whose baseline deployment is only *assumed* (no TRL, no horizon),
// the event is the only statement of its readiness, so it replaces the assumption instead of being swallowed by it —
// deployable from y with n ≥ 7, not within view with n < 7 (basis 'scenario'). eventReadinessNotes says so on the event.
import { MATURE_TRL, type ScenarioEventSpec } from './scenario.model.js';
import { LayeredMap } from '../supply-graph/layered-map.js';
import { outlookLineageOf } from '../supply-graph/supply-graph.delta.js';
import { idsOfKind, type ScenarioGraph } from './scenario-graph.js';

export type DeploymentBasis = 'trl' | 'horizon' | 'assumed' | 'none' | 'scenario';

export interface Deployment {
  /** First year the technology is deployable; Infinity when not within view. */
  year: number;
  basis: DeploymentBasis;
  /** The TRL known or reached (the highest), null when unknown. */
  trl: number | null;
}

function horizonYear(horizon: string | undefined, thisYear: number): number | null {
  if (!horizon) return null;
  if (horizon === 'now') return thisYear;
  const year = Number(horizon);
  return Number.isInteger(year) ? Math.max(year, thisYear) : null;
}

export function baselineDeployment(trl: number | null | undefined, horizon: string | undefined, thisYear: number): Deployment {
  const known = typeof trl === 'number' ? trl : null;
  if (known !== null && known >= MATURE_TRL) return { year: thisYear, basis: 'trl', trl: known };
  const fromHorizon = horizonYear(horizon, thisYear);
  if (fromHorizon !== null) return { year: fromHorizon, basis: 'horizon', trl: known };
  if (known !== null) return { year: Infinity, basis: 'none', trl: known };
  return { year: thisYear, basis: 'assumed', trl: null };
}

/** Deployment of every technology; with `events`, the MATURATION events among them are applied (over the baseline's). */
export function deployments(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], thisYear: number): ReadonlyMap<string, Deployment> {
  const base = baselineDeployments(graph, thisYear);
  const changes = new Map<string, Deployment>();
  for (const event of events) {
    if (event.type !== 'MATURATION') continue;
    const current = changes.get(event.targetId) ?? base.get(event.targetId);
    if (!current || event.trl === null || event.trl === undefined || event.year === null || event.year === undefined) continue;
    const year = Math.max(event.year, thisYear);
    const trl = current.trl === null ? event.trl : Math.max(current.trl, event.trl);
    if (current.basis === 'assumed') changes.set(event.targetId, { year: event.trl >= MATURE_TRL ? year : Infinity, basis: 'scenario', trl });
    else if (event.trl >= MATURE_TRL && year < current.year) changes.set(event.targetId, { year, basis: 'scenario', trl });
    else changes.set(event.targetId, { ...current, trl });
  }
  return changes.size ? LayeredMap.over(base, changes) : base;
}

const baselines = new WeakMap<ScenarioGraph, Map<number, ReadonlyMap<string, Deployment>>>();

/**
 * Every technology's baseline deployment, per graph object and year. After a write (supply-graph.delta.ts) the graph
 * before's is carried with the touched technologies worked out again: one write no longer walks all of them.
 */
function baselineDeployments(graph: ScenarioGraph, thisYear: number): ReadonlyMap<string, Deployment> {
  let byYear = baselines.get(graph);
  if (!byYear) baselines.set(graph, (byYear = new Map()));
  let value = byYear.get(thisYear);
  if (value) return value;
  const of = (id: string) => baselineDeployment(graph.supply.nodes.get(id)!.trl, graph.horizons.get(id), thisYear);
  const lineage = outlookLineageOf(graph);
  const before = lineage && baselines.get(lineage.prior)?.get(thisYear);
  if (lineage && before) {
    const changes = new Map<string, Deployment | undefined>();
    for (const id of new Set([...lineage.touched, ...lineage.changed])) {
      if (graph.supply.nodes.get(id)?.kind === 'Technology') changes.set(id, of(id));
      else if (before.has(id)) changes.set(id, undefined);
    }
    value = LayeredMap.over(before, changes);
  } else value = new Map(idsOfKind(graph, 'Technology').map((id) => [id, of(id)]));
  byYear.set(thisYear, value);
  return value;
}

/** 1 when deployable in `year`, else 0. */
export function deployableIn(deployment: Deployment | undefined, year: number): 0 | 1 {
  return deployment && deployment.year <= year ? 1 : 0;
}

const remembered = new WeakMap<ScenarioGraph, Map<string, ReadonlyMap<string, Deployment>>>();

/**
 * `deployments`, remembered per graph object, year and MATURATION events (only those change deployments): a run asks
 * for them at every year it evaluates, and the baseline's serve every run. The maps are shared: read only.
 */
export function cachedDeployments(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], thisYear: number): ReadonlyMap<string, Deployment> {
  const maturations = events.filter((e) => e.type === 'MATURATION');
  const key = JSON.stringify([thisYear, maturations.map((e) => [e.targetId, e.trl ?? null, e.year ?? null])]);
  let byKey = remembered.get(graph);
  if (!byKey) remembered.set(graph, (byKey = new Map()));
  let value = byKey.get(key);
  if (!value) {
    value = deployments(graph, maturations, thisYear);
    // The baseline's stay; scenario ones are few per run, so keep a handful.
    if (byKey.size >= 8)
      for (const k of byKey.keys())
        if (k !== key && !k.endsWith(',[]]')) {
          byKey.delete(k);
          break;
        }
    byKey.set(key, value);
  }
  return value;
}
