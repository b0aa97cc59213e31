// The static part of a ScenarioGraph in the form propagation reads on every evaluation: requirements, supplier
// shares, countries, baseline substitutes and enablers per node, each list sorted. Built once per graph (cached), so a
// run with its timeline evaluates many years without walking the SupplyGraph again. Also the evaluation order:
// strongly connected components of "reads", dependencies first (Tarjan, iterative: deep chains cannot overflow).
import { isRequirement } from '../dependency/availability.js';
import { effectiveShares } from '../dependency/shares.js';
import { dependenciesOf, enablersOf, substitutesOf, type SupplyKind } from '../dependency/supply-graph.js';
import type { ScenarioGraph } from './scenario-graph.js';

export interface Requirement {
  to: string;
  criticality: number;
  substitutability: number;
}

export interface CompiledGraph {
  /** Every node but capabilities, sorted. */
  ids: string[];
  capabilityIds: string[];
  kind: Map<string, SupplyKind>;
  requirements: Map<string, Requirement[]>;
  /** Components and materials: named suppliers with a share above 0 (null: unknown supply). */
  shares: Map<string, { supplier: string; share: number }[] | null>;
  countries: Map<string, string[]>;
  /** Baseline substitutes of a node (the `from` of SUBSTITUTES into it), sorted. */
  substitutes: Map<string, string[]>;
  /** Enablers with strength above 0. */
  enablers: Map<string, { from: string; strength: number }[]>;
}

const cache = new WeakMap<ScenarioGraph, CompiledGraph>();

export function compile(graph: ScenarioGraph): CompiledGraph {
  const cached = cache.get(graph);
  if (cached) return cached;
  const g = graph.supply;
  const out: CompiledGraph = {
    ids: [],
    capabilityIds: [],
    kind: new Map(),
    requirements: new Map(),
    shares: new Map(),
    countries: new Map(),
    substitutes: new Map(),
    enablers: new Map(),
  };
  for (const id of [...g.nodes.keys()].sort()) {
    const kind = g.nodes.get(id)!.kind;
    out.kind.set(id, kind);
    if (kind === 'Capability') {
      out.capabilityIds.push(id);
      out.enablers.set(id, enablersOf(g, id).filter((e) => e.strength > 0).map((e) => ({ from: e.from, strength: e.strength })));
      continue;
    }
    out.ids.push(id);
    out.requirements.set(id, dependenciesOf(g, id).filter(isRequirement).map((e) => ({ to: e.to, criticality: e.criticality, substitutability: e.substitutability })));
    out.substitutes.set(id, substitutesOf(g, id).map((e) => e.from));
    if (kind === 'Supplier') out.countries.set(id, (g.out.get(id) ?? []).filter((e) => e.type === 'LOCATED_IN').map((e) => e.to));
    if (kind === 'Component' || kind === 'Material') {
      const b = effectiveShares(g, id);
      out.shares.set(id, b.known ? b.shares.filter((s) => s.share > 0).map((s) => ({ supplier: s.supplier.id, share: s.share })) : null);
    }
  }
  cache.set(graph, out);
  return out;
}

/**
 * Strongly connected components of `reads` (node → the nodes its value is computed from), each sorted, listed so
 * that a component comes after every component it reads: evaluating in this order, each acyclic node is computed
 * once, from final values.
 */
export function evaluationOrder(ids: readonly string[], reads: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; edges: readonly string[]; i: number }[] = [];
    const enter = (id: string) => {
      index.set(id, next);
      low.set(id, next);
      next++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, edges: reads(id), i: 0 });
    };
    enter(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i++]!;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.sort());
      }
    }
  }
  return components;
}
