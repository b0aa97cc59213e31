/**
 * Impact propagation: the yes/no availability semantics of dependency/availability.ts, generalised to fractions.
 * Plain functions, deterministic (every loop walks ids or edges in sorted order), safe on cycles. docs/scenarios.md
 * states the model with a worked example that propagation.test.ts checks.
 *
 * Every node gets an availability a ∈ [0, 1] (1 = as in the baseline, 0 = lost). With o(n) = 1 − the largest
 * DISRUPTION fraction on n active in the year evaluated:
 *
 *   Country      a = o
 *   Supplier     a = min(o, max over its countries a(c))                     ANY country (no country: o)
 *   supply(X)    Σ share·a(s) / Σ share over X's named suppliers (share > 0)  ANY supplier, by its share
 *                (shares from dependency/shares.ts; no supplier at all = unknown supply, not counted against X)
 *   requirement  X→D with criticality c > 0, substitutability s:
 *                  1 − c·(1 − s)·(1 − eff(D)),  eff(D) = 1 − (1 − a(D))·(1 − best substitute of D)
 *                best substitute = max over direct substitutes S of coverage·a(S) (·0 for a technology not yet
 *                deployable); baseline SUBSTITUTES cover 1, a SUBSTITUTE event covers its fraction; not chained.
 *   Technology   a = min(o, deployable in the year ? 1 : 0, every requirement)   ALL requirements
 *   Component /  a = min(o, every requirement, supply)                            ALL requirements AND supply
 *   Material
 *   Capability   readiness = Σ strength·a(t) / Σ strength over enablers with strength > 0 (none mapped: 1)   ANY enabler
 *                need = 1 + Σ severity of THREAT events on technologies it COUNTERS
 *                score = readiness / need
 *
 * With fractions 0 or 1, every criticality 0 or 1 and no declared substitutability, a is 0 exactly where
 * availability.ts says "unavailable" (a property test checks it): min is AND, and a weighted mean is OR (it is > 0
 * as soon as one term is). Below 1, criticality and substitutability soften the loss the way their definitions read
 * ("how badly the dependant suffers without it", "how much of it a substitute can take over").
 *
 * Cycles: like availability.ts, the result is the greatest fixed point — start from everything at 1 and recompute
 * every node from the previous values (a Jacobi sweep) until nothing moves; values only go down, so it converges.
 */
import { isRequirement } from '../dependency/availability.js';
import { effectiveShares } from '../dependency/shares.js';
import { dependenciesOf, enablersOf, substitutesOf, type SupplyGraph } from '../dependency/supply-graph.js';
import { deployableIn, deployments, type Deployment } from './maturity.js';
import { eventFraction, eventYear, type ScenarioEventSpec } from './scenario.model.js';
import { idsOfKind, type ScenarioGraph } from './scenario-graph.js';

/** What a set of events does in one year. */
export interface ActiveEvents {
  /** Node → the largest DISRUPTION fraction on it. */
  hit: Map<string, number>;
  /** Y → substitutes added by SUBSTITUTE events: X and the share of Y's shortfall it covers. */
  substitutes: Map<string, { from: string; coverage: number }[]>;
  /** Technology → summed THREAT severity. */
  threat: Map<string, number>;
  /** Deployment of every technology, MATURATION events applied. */
  deployment: Map<string, Deployment>;
}

export function activeEvents(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], year: number, thisYear: number): ActiveEvents {
  const active: ActiveEvents = { hit: new Map(), substitutes: new Map(), threat: new Map(), deployment: deployments(graph, events, thisYear) };
  for (const event of events) {
    if (!graph.supply.nodes.has(event.targetId) || eventYear(event, thisYear) > year) continue;
    const f = eventFraction(event);
    if (event.type === 'DISRUPTION') active.hit.set(event.targetId, Math.max(active.hit.get(event.targetId) ?? 0, f));
    else if (event.type === 'THREAT') active.threat.set(event.targetId, (active.threat.get(event.targetId) ?? 0) + f);
    else if (event.type === 'SUBSTITUTE' && event.replacesId && graph.supply.nodes.has(event.replacesId)) {
      const list = active.substitutes.get(event.replacesId) ?? [];
      list.push({ from: event.targetId, coverage: f });
      active.substitutes.set(event.replacesId, list);
    }
  }
  return active;
}

/** One substitute of a node and what it covers under the current values. */
export interface SubstituteCover {
  from: string;
  /** Share of the node's shortfall it can take over: coverage · a(substitute) (· deployable). */
  cover: number;
  /** true for a SUBSTITUTE event, false for a SUBSTITUTES link of the baseline. */
  fromEvent: boolean;
}

export interface Evaluation {
  year: number;
  active: ActiveEvents;
  /** Availability of every node but capabilities. */
  availability: Map<string, number>;
  /** Components and materials: share of named supply left; null for unknown supply. */
  supply: Map<string, number | null>;
  readiness: Map<string, number>;
  need: Map<string, number>;
  score: Map<string, number>;
  /** False if the sweep limit was hit before the values settled (not seen in practice; reported as a warning). */
  converged: boolean;
}

const TOLERANCE = 1e-12;
const MAX_SWEEPS = 10_000;

const value = (m: Map<string, number>, id: string) => m.get(id) ?? 1;

/** Substitutes of `id` (baseline SUBSTITUTES and active SUBSTITUTE events), sorted by id then source. */
export function substituteCovers(graph: ScenarioGraph, active: ActiveEvents, a: Map<string, number>, year: number, id: string): SubstituteCover[] {
  const gate = (x: string) => (graph.supply.nodes.get(x)?.kind === 'Technology' ? deployableIn(active.deployment.get(x), year) : 1);
  const covers: SubstituteCover[] = substitutesOf(graph.supply, id).map((e) => ({ from: e.from, cover: value(a, e.from) * gate(e.from), fromEvent: false }));
  for (const s of active.substitutes.get(id) ?? []) covers.push({ from: s.from, cover: s.coverage * value(a, s.from) * gate(s.from), fromEvent: true });
  return covers.sort((x, y) => (x.from === y.from ? Number(x.fromEvent) - Number(y.fromEvent) : x.from < y.from ? -1 : 1));
}

/** D's availability as its dependants see it: its own, or what its best direct substitute covers of the rest. */
export function effectiveAvailability(graph: ScenarioGraph, active: ActiveEvents, a: Map<string, number>, year: number, id: string): number {
  const best = substituteCovers(graph, active, a, year, id).reduce((m, c) => Math.max(m, c.cover), 0);
  return 1 - (1 - value(a, id)) * (1 - best);
}

/** What one requirement X→D leaves of X: 1 − c·(1 − s)·(1 − eff(D)). */
export function requirementFactor(criticality: number, substitutability: number, effective: number): number {
  return 1 - criticality * (1 - substitutability) * (1 - effective);
}

/** Share of named supply left: Σ share·a / Σ share over suppliers with share > 0; null for unknown supply. */
export function supplyLeft(g: SupplyGraph, itemId: string, a: Map<string, number>): number | null {
  const breakdown = effectiveShares(g, itemId);
  if (!breakdown.known) return null;
  let total = 0;
  let left = 0;
  for (const s of breakdown.shares) {
    if (s.share <= 0) continue;
    total += s.share;
    left += s.share * value(a, s.supplier.id);
  }
  return total > 0 ? left / total : 0;
}

function nodeAvailability(graph: ScenarioGraph, active: ActiveEvents, a: Map<string, number>, year: number, id: string): number {
  const g = graph.supply;
  const node = g.nodes.get(id)!;
  let v = 1 - (active.hit.get(id) ?? 0);
  const requirements = () => {
    for (const e of dependenciesOf(g, id)) {
      if (isRequirement(e)) v = Math.min(v, requirementFactor(e.criticality, e.substitutability, effectiveAvailability(graph, active, a, year, e.to)));
    }
  };
  switch (node.kind) {
    case 'Country':
      break;
    case 'Supplier': {
      const countries = (g.out.get(id) ?? []).filter((e) => e.type === 'LOCATED_IN');
      if (countries.length) v = Math.min(v, Math.max(...countries.map((e) => value(a, e.to))));
      break;
    }
    case 'Technology':
      v = Math.min(v, deployableIn(active.deployment.get(id), year));
      requirements();
      break;
    case 'Component':
    case 'Material': {
      requirements();
      const supply = supplyLeft(g, id, a);
      if (supply !== null) v = Math.min(v, supply);
      break;
    }
    case 'Capability':
      break;
  }
  return Math.max(0, v);
}

/** Readiness of one capability: the strength-weighted mean availability of its enablers (1 when none is mapped). */
export function readinessOf(g: SupplyGraph, a: Map<string, number>, capabilityId: string): number {
  const enablers = enablersOf(g, capabilityId).filter((e) => e.strength > 0);
  if (enablers.length === 0) return 1;
  let total = 0;
  let sum = 0;
  for (const e of enablers) {
    total += e.strength;
    sum += e.strength * value(a, e.from);
  }
  return sum / total;
}

/** The THREAT events a capability answers: the countered technologies under threat, sorted, with severity. */
export function threatsCountered(graph: ScenarioGraph, active: ActiveEvents, capabilityId: string): { technologyId: string; severity: number }[] {
  const out: { technologyId: string; severity: number }[] = [];
  for (const [technologyId, severity] of [...active.threat].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (graph.counteredBy.get(technologyId)?.includes(capabilityId)) out.push({ technologyId, severity });
  }
  return out;
}

/** Evaluates a set of events in one year (no events: the baseline of that year). */
export function evaluate(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], year: number, thisYear: number): Evaluation {
  const active = activeEvents(graph, events, year, thisYear);
  const ids = [...graph.supply.nodes.keys()].filter((id) => graph.supply.nodes.get(id)!.kind !== 'Capability').sort();
  let a = new Map(ids.map((id) => [id, 1]));
  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    const next = new Map<string, number>();
    let moved = 0;
    for (const id of ids) {
      const v = nodeAvailability(graph, active, a, year, id);
      next.set(id, v);
      moved = Math.max(moved, Math.abs(v - a.get(id)!));
    }
    a = next;
    converged = moved <= TOLERANCE;
  }
  const supply = new Map<string, number | null>();
  for (const id of ids) {
    const kind = graph.supply.nodes.get(id)!.kind;
    if (kind === 'Component' || kind === 'Material') supply.set(id, supplyLeft(graph.supply, id, a));
  }
  const readiness = new Map<string, number>();
  const need = new Map<string, number>();
  const score = new Map<string, number>();
  for (const c of idsOfKind(graph, 'Capability')) {
    const r = readinessOf(graph.supply, a, c);
    const n = 1 + threatsCountered(graph, active, c).reduce((s, t) => s + t.severity, 0);
    readiness.set(c, r);
    need.set(c, n);
    score.set(c, r / n);
  }
  return { year, active, availability: a, supply, readiness, need, score, converged };
}
