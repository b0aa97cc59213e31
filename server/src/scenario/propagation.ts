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
 */
import { compile, evaluationOrder, type CompiledGraph } from './compiled-graph.js';
import { deployableIn, deployments, type Deployment } from './maturity.js';
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

/** One substitute of a node and what it covers under the final values. */
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

const value = (m: Map<string, number>, id: string) => m.get(id) ?? 1;

/** What one requirement X→D leaves of X: 1 − c·(1 − s)·(1 − eff(D)). */
export function requirementFactor(criticality: number, substitutability: number, effective: number): number {
  return 1 - criticality * (1 - substitutability) * (1 - effective);
}

/** The propagation of one set of events in one year, over a compiled graph. */
class Propagation {
  readonly a: Map<string, number>;
  readonly #substitutes = new Map<string, { from: string; coverage: number; fromEvent: boolean }[]>();

  constructor(
    readonly c: CompiledGraph,
    readonly active: ActiveEvents,
    readonly year: number,
  ) {
    this.a = new Map(c.ids.map((id) => [id, 1]));
    for (const id of c.ids) {
      const list = c.substitutes.get(id)!.map((from) => ({ from, coverage: 1, fromEvent: false }));
      for (const s of active.substitutes.get(id) ?? []) list.push({ from: s.from, coverage: s.coverage, fromEvent: true });
      if (list.length) this.#substitutes.set(id, list.sort((x, y) => (x.from === y.from ? Number(x.fromEvent) - Number(y.fromEvent) : x.from < y.from ? -1 : 1)));
    }
  }

  /** The nodes whose values `id` is computed from. */
  reads = (id: string): string[] => {
    const out: string[] = [];
    for (const r of this.c.requirements.get(id) ?? []) {
      out.push(r.to);
      for (const s of this.#substitutes.get(r.to) ?? []) out.push(s.from);
    }
    for (const s of this.c.shares.get(id) ?? []) out.push(s.supplier);
    out.push(...(this.c.countries.get(id) ?? []));
    return out;
  };

  covers(id: string): SubstituteCover[] {
    const gate = (x: string) => (this.c.kind.get(x) === 'Technology' ? deployableIn(this.active.deployment.get(x), this.year) : 1);
    return (this.#substitutes.get(id) ?? []).map((s) => ({ from: s.from, cover: s.coverage * value(this.a, s.from) * gate(s.from), fromEvent: s.fromEvent }));
  }

  effective(id: string): number {
    const best = this.covers(id).reduce((m, c) => Math.max(m, c.cover), 0);
    return 1 - (1 - value(this.a, id)) * (1 - best);
  }

  supplyLeft(id: string): number | null {
    const shares = this.c.shares.get(id);
    if (shares === null || shares === undefined) return null;
    let total = 0;
    let left = 0;
    for (const s of shares) {
      total += s.share;
      left += s.share * value(this.a, s.supplier);
    }
    return total > 0 ? left / total : 0;
  }

  local(id: string): number {
    const kind = this.c.kind.get(id)!;
    let v = 1 - (this.active.hit.get(id) ?? 0);
    if (kind === 'Supplier') {
      const countries = this.c.countries.get(id)!;
      if (countries.length) v = Math.min(v, Math.max(...countries.map((c) => value(this.a, c))));
    }
    if (kind === 'Technology') v = Math.min(v, deployableIn(this.active.deployment.get(id), this.year));
    for (const r of this.c.requirements.get(id) ?? []) v = Math.min(v, requirementFactor(r.criticality, r.substitutability, this.effective(r.to)));
    if (kind === 'Component' || kind === 'Material') {
      const supply = this.supplyLeft(id);
      if (supply !== null) v = Math.min(v, supply);
    }
    return Math.max(0, v);
  }

  /** Every node, in dependency order; cycles iterated to their greatest fixed point. Returns false if one did not settle. */
  run(): boolean {
    let converged = true;
    for (const component of evaluationOrder(this.c.ids, this.reads)) {
      const only = component[0]!;
      if (component.length === 1 && !this.reads(only).includes(only)) {
        this.a.set(only, this.local(only));
        continue;
      }
      let settled = false;
      for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
        const next = component.map((id) => this.local(id));
        let moved = 0;
        component.forEach((id, i) => {
          moved = Math.max(moved, Math.abs(next[i]! - this.a.get(id)!));
          this.a.set(id, next[i]!);
        });
        settled = moved <= TOLERANCE;
      }
      converged &&= settled;
    }
    return converged;
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

/** Evaluates a set of events in one year (no events: the baseline of that year). */
export function evaluate(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], year: number, thisYear: number): Evaluation {
  const c = compile(graph);
  const active = activeEvents(graph, events, year, thisYear);
  const p = new Propagation(c, active, year);
  const converged = p.run();
  const effective = new Map<string, number>();
  const covers = new Map<string, SubstituteCover[]>();
  const supply = new Map<string, number | null>();
  for (const id of c.ids) {
    effective.set(id, p.effective(id));
    const list = p.covers(id);
    if (list.length) covers.set(id, list);
    if (c.shares.has(id)) supply.set(id, p.supplyLeft(id));
  }
  const readiness = new Map<string, number>();
  const need = new Map<string, number>();
  const score = new Map<string, number>();
  for (const id of c.capabilityIds) {
    const enablers = c.enablers.get(id)!;
    let total = 0;
    let sum = 0;
    for (const e of enablers) {
      total += e.strength;
      sum += e.strength * value(p.a, e.from);
    }
    // No enabler mapped: nothing on the map can move it (availability.ts calls it "unknown").
    const r = enablers.length ? sum / total : 1;
    const n = 1 + threatsCountered(graph, active, id).reduce((s, t) => s + t.severity, 0);
    readiness.set(id, r);
    need.set(id, n);
    score.set(id, r / n);
  }
  return { year, active, availability: p.a, effective, covers, supply, readiness, need, score, converged };
}
