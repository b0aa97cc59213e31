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
 * Cycles: like availability.ts, the result is the greatest fixed point. Nodes are evaluated in dependency order
 * (compiled-graph.ts: strongly connected components, dependencies first), so an acyclic node is computed once from
 * final values; inside a cycle every member starts at 1 and is recomputed from the previous values (a Jacobi sweep)
 * until nothing moves — values only go down, so it converges.
 *
 * The work is done over the compiled graph's indexes and typed arrays (`evaluateIndexed`: one pass, no allocation per
 * node); `evaluate` gives the same numbers as maps by id, for reading and tests.
 */
import { compile, type CompiledGraph } from './compiled-graph.js';
import { orderFor } from './evaluation-order.js';
import { cachedDeployments, deployableIn, type Deployment } from './maturity.js';
import { eventFraction, eventYear, type ScenarioEventSpec } from './scenario.model.js';
import type { ScenarioGraph } from './scenario-graph.js';

/** What a set of events does in one year. */
export interface ActiveEvents {
  /** Node → the largest DISRUPTION fraction on it. */
  hit: Map<string, number>;
  /** Y → substitutes added by SUBSTITUTE events: X and the share of Y's shortfall it covers. */
  substitutes: Map<string, { from: string; coverage: number }[]>;
  /** Technology → summed THREAT severity. */
  threat: Map<string, number>;
  /** Deployment of every technology, MATURATION events applied (shared between evaluations: read only). */
  deployment: ReadonlyMap<string, Deployment>;
}

export function activeEvents(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], year: number, thisYear: number): ActiveEvents {
  const active: ActiveEvents = { hit: new Map(), substitutes: new Map(), threat: new Map(), deployment: cachedDeployments(graph, events, thisYear) };
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

/** One substitute of a node and what it covers under the final values. */
export interface SubstituteCover {
  from: string;
  /** Share of the node's shortfall it can take over: coverage · a(substitute) (· deployable). */
  cover: number;
  /** true for a SUBSTITUTE event, false for a SUBSTITUTES link of the baseline. */
  fromEvent: boolean;
}

/** One evaluation over the compiled graph's indexes. Shared when cached (baselines): read only. */
export interface IndexedEvaluation {
  year: number;
  active: ActiveEvents;
  c: CompiledGraph;
  /** Availability by node index (capabilities and untouched nodes: 1). */
  a: Float64Array;
  /** 1 where a node counts as deployable in the year (every node but a technology not yet deployable). */
  gate: Uint8Array;
  /** Substitutes added by events, by the index of the node they replace. */
  extra: Map<number, { from: number; coverage: number }[]>;
  /** Capabilities (by node index; 0 elsewhere). */
  readiness: Float64Array;
  need: Float64Array;
  score: Float64Array;
  converged: boolean;
}

export interface Evaluation {
  year: number;
  active: ActiveEvents;
  /** Availability of every node but capabilities. */
  availability: Map<string, number>;
  /** Availability as dependants see it: 1 − (1 − a)·(1 − best substitute cover). */
  effective: Map<string, number>;
  /** Substitutes of each node that has any, sorted by id (baseline link before event). */
  covers: Map<string, SubstituteCover[]>;
  /** Components and materials: share of named supply left; null for unknown supply. */
  supply: Map<string, number | null>;
  readiness: Map<string, number>;
  need: Map<string, number>;
  score: Map<string, number>;
  /** False if a cycle hit the sweep limit before its values settled (not seen in practice; reported as a warning). */
  converged: boolean;
}

const TOLERANCE = 1e-12;
const MAX_SWEEPS = 10_000;

/** What one requirement X→D leaves of X: 1 − c·(1 − s)·(1 − eff(D)). */
export function requirementFactor(criticality: number, substitutability: number, effective: number): number {
  return 1 - criticality * (1 - substitutability) * (1 - effective);
}

/** The best cover among a node's substitutes (0 without any): max is order-free, so baseline and event lists are read apart. */
function bestCover(e: IndexedEvaluation, i: number): number {
  const { c, a, gate } = e;
  let best = 0;
  for (let s = c.substitutes.start[i]!; s < c.substitutes.start[i + 1]!; s++) {
    const from = c.substitutes.to[s]!;
    best = Math.max(best, 1 * a[from]! * gate[from]!);
  }
  for (const s of e.extra.get(i) ?? []) best = Math.max(best, s.coverage * a[s.from]! * gate[s.from]!);
  return best;
}

/** Availability as dependants see it: 1 − (1 − a)·(1 − best substitute cover). */
export function effectiveAt(e: IndexedEvaluation, i: number): number {
  return 1 - (1 - e.a[i]!) * (1 - bestCover(e, i));
}

/** A node's substitutes with their cover, sorted by id (a baseline link before an event on the same node). */
export function coversAt(e: IndexedEvaluation, i: number): { from: number; cover: number; fromEvent: boolean }[] {
  const { c, a, gate } = e;
  const list: { from: number; coverage: number; fromEvent: boolean }[] = [];
  for (let s = c.substitutes.start[i]!; s < c.substitutes.start[i + 1]!; s++) list.push({ from: c.substitutes.to[s]!, coverage: 1, fromEvent: false });
  for (const s of e.extra.get(i) ?? []) list.push({ from: s.from, coverage: s.coverage, fromEvent: true });
  // Indexes follow the sorted ids, so ordering by index is ordering by id.
  list.sort((x, y) => (x.from === y.from ? Number(x.fromEvent) - Number(y.fromEvent) : x.from - y.from));
  return list.map((s) => ({ from: s.from, cover: s.coverage * a[s.from]! * gate[s.from]!, fromEvent: s.fromEvent }));
}

/** Share of named supply left (components and materials), null for unknown supply; undefined for other kinds. */
export function supplyAt(e: IndexedEvaluation, i: number): number | null {
  const { shares } = e.c;
  if (!shares.known[i]) return null;
  let total = 0;
  let left = 0;
  for (let s = shares.start[i]!; s < shares.start[i + 1]!; s++) {
    total += shares.share[s]!;
    left += shares.share[s]! * e.a[shares.to[s]!]!;
  }
  return total > 0 ? left / total : 0;
}

function local(e: IndexedEvaluation, i: number, hit: Float64Array): number {
  const { c, a } = e;
  const kind = c.kind[i];
  let v = 1 - hit[i]!;
  if (kind === 'Supplier' && c.countries.start[i + 1]! > c.countries.start[i]!) {
    let any = -Infinity;
    for (let k = c.countries.start[i]!; k < c.countries.start[i + 1]!; k++) any = Math.max(any, a[c.countries.to[k]!]!);
    v = Math.min(v, any);
  }
  if (kind === 'Technology') v = Math.min(v, e.gate[i]!);
  const r = c.requirements;
  for (let k = r.start[i]!; k < r.start[i + 1]!; k++) v = Math.min(v, requirementFactor(r.criticality[k]!, r.substitutability[k]!, effectiveAt(e, r.to[k]!)));
  if (kind === 'Component' || kind === 'Material') {
    const supply = supplyAt(e, i);
    if (supply !== null) v = Math.min(v, supply);
  }
  return Math.max(0, v);
}

/** Evaluates a set of events in one year over the compiled graph (no events: the baseline of that year). */
/**
 * An evaluation of the graph before a write, and the nodes whose value may differ after it (`dirty`: closed upward
 * over "reads", baseline.ts): a component with no dirty member keeps its values, the others are evaluated as usual.
 */
export interface EvaluatedBefore {
  before: IndexedEvaluation;
  dirty: Uint8Array;
}

export function evaluateIndexed(
  graph: ScenarioGraph,
  events: readonly ScenarioEventSpec[],
  year: number,
  thisYear: number,
  from?: EvaluatedBefore,
): IndexedEvaluation {
  const c = compile(graph);
  const n = c.ids.length;
  const active = activeEvents(graph, events, year, thisYear);
  const hit = new Float64Array(n);
  for (const [id, f] of active.hit) hit[c.index.get(id)!] = f;
  const gate = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) if (c.isTechnology[i]) gate[i] = deployableIn(active.deployment.get(c.ids[i]!), year);
  const extra = new Map<number, { from: number; coverage: number }[]>();
  for (const [id, list] of active.substitutes)
    extra.set(
      c.index.get(id)!,
      list.map((s) => ({ from: c.index.get(s.from)!, coverage: s.coverage })),
    );
  const e: IndexedEvaluation = {
    year,
    active,
    c,
    a: from ? from.before.a.slice() : new Float64Array(n).fill(1),
    gate,
    extra,
    readiness: new Float64Array(n),
    need: new Float64Array(n),
    score: new Float64Array(n),
    converged: true,
  };
  const order = orderFor(c, extra);
  const next = new Float64Array(n);
  for (let k = 0; k < order.cyclic.length; k++) {
    const first = order.start[k]!;
    const to = order.start[k + 1]!;
    if (from && !anyDirty(from.dirty, order.nodes, first, to)) continue;
    if (!order.cyclic[k]) {
      const i = order.nodes[first]!;
      if (c.kind[i] !== 'Capability') e.a[i] = local(e, i, hit);
      continue;
    }
    // Inside a cycle every member starts at 1 (a component redone after a write too).
    if (from) for (let m = first; m < to; m++) e.a[order.nodes[m]!] = 1;
    let settled = false;
    for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
      // Jacobi: every member from the previous sweep's values.
      for (let m = first; m < to; m++) next[m] = local(e, order.nodes[m]!, hit);
      let moved = 0;
      for (let m = first; m < to; m++) {
        const i = order.nodes[m]!;
        moved = Math.max(moved, Math.abs(next[m]! - e.a[i]!));
        e.a[i] = next[m]!;
      }
      settled = moved <= TOLERANCE;
    }
    e.converged &&= settled;
  }
  scoreCapabilities(e);
  return e;
}

function anyDirty(dirty: Uint8Array, nodes: Int32Array, first: number, to: number): boolean {
  for (let m = first; m < to; m++) if (dirty[nodes[m]!]) return true;
  return false;
}

function scoreCapabilities(e: IndexedEvaluation): void {
  const { c, a } = e;
  // Summed in technology-id order, as threatsCountered lists them.
  const threats = new Float64Array(c.ids.length);
  for (const [id, severity] of [...e.active.threat].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const t = c.index.get(id)!;
    for (let k = c.counteredBy.start[t]!; k < c.counteredBy.start[t + 1]!; k++) threats[c.counteredBy.to[k]!] += severity;
  }
  const en = c.enablers;
  for (const i of c.capabilities) {
    let total = 0;
    let sum = 0;
    for (let k = en.start[i]!; k < en.start[i + 1]!; k++) {
      total += en.strength[k]!;
      sum += en.strength[k]! * a[en.to[k]!]!;
    }
    // No enabler mapped: nothing on the map can move it (availability.ts calls it "unknown").
    const r = en.start[i + 1]! > en.start[i]! ? sum / total : 1;
    const need = 1 + threats[i]!;
    e.readiness[i] = r;
    e.need[i] = need;
    e.score[i] = r / need;
  }
}

/** The THREAT events a capability answers: the countered technologies under threat, sorted, with severity. */
export function threatsCountered(graph: ScenarioGraph, active: ActiveEvents, capabilityId: string): { technologyId: string; severity: number }[] {
  const out: { technologyId: string; severity: number }[] = [];
  for (const [technologyId, severity] of [...active.threat].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (graph.counteredBy.get(technologyId)?.includes(capabilityId)) out.push({ technologyId, severity });
  }
  return out;
}

/** An indexed evaluation as maps by id. */
export function asMaps(e: IndexedEvaluation): Evaluation {
  const { c } = e;
  const availability = new Map<string, number>();
  const effective = new Map<string, number>();
  const covers = new Map<string, SubstituteCover[]>();
  const supply = new Map<string, number | null>();
  for (const i of c.others) {
    const id = c.ids[i]!;
    availability.set(id, e.a[i]!);
    effective.set(id, effectiveAt(e, i));
    const list = coversAt(e, i);
    if (list.length)
      covers.set(
        id,
        list.map((s) => ({ ...s, from: c.ids[s.from]! })),
      );
    if (c.kind[i] === 'Component' || c.kind[i] === 'Material') supply.set(id, supplyAt(e, i));
  }
  const byCapability = (values: Float64Array) => new Map([...c.capabilities].map((i) => [c.ids[i]!, values[i]!]));
  return {
    year: e.year,
    active: e.active,
    availability,
    effective,
    covers,
    supply,
    readiness: byCapability(e.readiness),
    need: byCapability(e.need),
    score: byCapability(e.score),
    converged: e.converged,
  };
}

/** Evaluates a set of events in one year (no events: the baseline of that year), as maps by id. */
export function evaluate(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], year: number, thisYear: number): Evaluation {
  return asMaps(evaluateIndexed(graph, events, year, thisYear));
}
