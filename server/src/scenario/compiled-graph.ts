// The static part of a ScenarioGraph in the form propagation reads on every evaluation: every node gets an index (its
// position in the sorted ids) and each kind of neighbour list is a flat array with offsets (requirements, supplier
// shares, countries, baseline substitutes, enablers, counters). Built once per graph object (cached), so a run with its
// timeline evaluates many years without walking the SupplyGraph or allocating per node. Also the evaluation order:
// strongly connected components of "reads", dependencies first (Tarjan, iterative: deep chains cannot overflow).
import { isRequirement } from '../dependency/availability.js';
import { effectiveShares } from '../dependency/shares.js';
import { dependenciesOf, enablersOf, substitutesOf, type SupplyKind } from '../supply-graph/supply-graph.js';
import type { ScenarioGraph } from './scenario-graph.js';

/** Neighbour lists of every node, flattened: node i's entries are at positions start[i] … start[i + 1] − 1. */
export interface Lists {
  start: Int32Array;
  to: Int32Array;
}

export interface CompiledGraph {
  /** Every node, sorted by id (code-unit order, as Array.prototype.sort): the position is the node's index. */
  ids: string[];
  index: Map<string, number>;
  kind: SupplyKind[];
  isTechnology: Uint8Array;
  /** Indexes of capabilities, and of every other node, each ascending (so sorted by id). */
  capabilities: Int32Array;
  others: Int32Array;
  /** DEPENDS_ON with criticality > 0, in the SupplyGraph's order, with their criticality and substitutability. */
  requirements: Lists & { criticality: Float64Array; substitutability: Float64Array };
  /** Components and materials: named suppliers with an effective share above 0 (shares.ts); `known` 0 = unknown supply. */
  shares: Lists & { share: Float64Array; known: Uint8Array };
  countries: Lists;
  /** Baseline substitutes of a node (the `from` of SUBSTITUTES into it). */
  substitutes: Lists;
  /** Enablers of a capability with strength above 0. */
  enablers: Lists & { strength: Float64Array };
  /** Technology → the capabilities that counter it (ascending). */
  counteredBy: Lists;
  /** Evaluation orders already worked out, by the substitutes that SUBSTITUTE events add (see orderFor). */
  orders: Map<string, Order>;
}

class ListBuilder {
  readonly start: number[] = [0];
  readonly to: number[] = [];
  readonly extra: number[][];
  constructor(extras = 0) {
    this.extra = Array.from({ length: extras }, () => []);
  }
  add(to: number, ...extra: number[]): void {
    this.to.push(to);
    extra.forEach((x, k) => this.extra[k]!.push(x));
  }
  /** Closes the current node's list. */
  next(): void {
    this.start.push(this.to.length);
  }
  lists(): Lists {
    return { start: Int32Array.from(this.start), to: Int32Array.from(this.to) };
  }
}

const cache = new WeakMap<ScenarioGraph, CompiledGraph>();

export function compile(graph: ScenarioGraph): CompiledGraph {
  const cached = cache.get(graph);
  if (cached) return cached;
  const g = graph.supply;
  const ids = [...g.nodes.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const kind = ids.map((id) => g.nodes.get(id)!.kind);
  const at = (id: string) => index.get(id)!;
  const requirements = new ListBuilder(2);
  const shares = new ListBuilder(1);
  const known = new Uint8Array(ids.length);
  const countries = new ListBuilder();
  const substitutes = new ListBuilder();
  const enablers = new ListBuilder(1);
  const counteredBy = new ListBuilder();
  ids.forEach((id, i) => {
    if (kind[i] === 'Capability') {
      for (const e of enablersOf(g, id)) if (e.strength > 0) enablers.add(at(e.from), e.strength);
    } else {
      for (const e of dependenciesOf(g, id)) if (isRequirement(e)) requirements.add(at(e.to), e.criticality, e.substitutability);
      for (const e of substitutesOf(g, id)) substitutes.add(at(e.from));
      if (kind[i] === 'Supplier') for (const e of g.out.get(id) ?? []) if (e.type === 'LOCATED_IN') countries.add(at(e.to));
      if (kind[i] === 'Component' || kind[i] === 'Material') {
        const b = effectiveShares(g, id);
        known[i] = b.known ? 1 : 0;
        for (const s of b.shares) if (s.share > 0) shares.add(at(s.supplier.id), s.share);
      }
      for (const cap of graph.counteredBy.get(id) ?? []) counteredBy.add(at(cap));
    }
    for (const b of [requirements, shares, countries, substitutes, enablers, counteredBy]) b.next();
  });
  const positions = (want: boolean) => Int32Array.from(ids.keys()).filter((i) => (kind[i] === 'Capability') === want);
  const out: CompiledGraph = {
    ids,
    index,
    kind,
    isTechnology: Uint8Array.from(kind, (k) => (k === 'Technology' ? 1 : 0)),
    capabilities: positions(true),
    others: positions(false),
    requirements: {
      ...requirements.lists(),
      criticality: Float64Array.from(requirements.extra[0]!),
      substitutability: Float64Array.from(requirements.extra[1]!),
    },
    shares: { ...shares.lists(), share: Float64Array.from(shares.extra[0]!), known },
    countries: countries.lists(),
    substitutes: substitutes.lists(),
    enablers: { ...enablers.lists(), strength: Float64Array.from(enablers.extra[0]!) },
    counteredBy: counteredBy.lists(),
    orders: new Map(),
  };
  cache.set(graph, out);
  return out;
}

/** Components in evaluation order: component k is nodes[start[k] … start[k + 1] − 1]; `cyclic` when it must be iterated. */
export interface Order {
  nodes: Int32Array;
  start: Int32Array;
  cyclic: Uint8Array;
}

/** Substitutes added by events: node → the nodes that can now replace it. */
export type ExtraSubstitutes = ReadonlyMap<number, readonly { from: number }[]>;

/**
 * The evaluation order of the non-capability nodes when `extra` substitutes are added (a substitute of D is read by
 * whatever requires D, so it can close a cycle). Cached on the compiled graph per set of extra substitutes.
 */
export function orderFor(c: CompiledGraph, extra: ExtraSubstitutes): Order {
  const key = [...extra]
    .map(([to, list]) => `${to}<${list.map((s) => s.from).join(',')}`)
    .sort()
    .join(';');
  let order = c.orders.get(key);
  if (!order) {
    order = indexedOrder(c.ids.length, c.others, readsOf(c, extra));
    if (c.orders.size >= 32) c.orders.delete(c.orders.keys().next().value!);
    c.orders.set(key, order);
  }
  return order;
}

/** What each node's value is computed from: its requirements and their substitutes, its suppliers, its countries. */
function readsOf(c: CompiledGraph, extra: ExtraSubstitutes): Lists {
  const start = new Int32Array(c.ids.length + 1);
  const to: number[] = [];
  for (let i = 0; i < c.ids.length; i++) {
    for (let r = c.requirements.start[i]!; r < c.requirements.start[i + 1]!; r++) {
      const d = c.requirements.to[r]!;
      to.push(d);
      for (let s = c.substitutes.start[d]!; s < c.substitutes.start[d + 1]!; s++) to.push(c.substitutes.to[s]!);
      for (const s of extra.get(d) ?? []) to.push(s.from);
    }
    for (let s = c.shares.start[i]!; s < c.shares.start[i + 1]!; s++) to.push(c.shares.to[s]!);
    for (let s = c.countries.start[i]!; s < c.countries.start[i + 1]!; s++) to.push(c.countries.to[s]!);
    start[i + 1] = to.length;
  }
  return { start, to: Int32Array.from(to) };
}

/** Tarjan's algorithm over index lists, iterative; components come out dependencies first. */
export function indexedOrder(n: number, roots: Int32Array, reads: Lists): Order {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  const nodes = new Int32Array(n);
  const start: number[] = [0];
  const cyclic: number[] = [];
  let written = 0;
  let next = 0;
  for (const root of roots) {
    if (index[root] !== -1) continue;
    let depth = 0;
    const enter = (v: number) => {
      index[v] = low[v] = next++;
      stack[sp++] = v;
      onStack[v] = 1;
      frameNode[depth] = v;
      frameEdge[depth++] = reads.start[v]!;
    };
    enter(root);
    while (depth > 0) {
      const v = frameNode[depth - 1]!;
      const e = frameEdge[depth - 1]!;
      if (e < reads.start[v + 1]!) {
        frameEdge[depth - 1] = e + 1;
        const w = reads.to[e]!;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = frameNode[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const first = written;
        let member: number;
        do {
          member = stack[--sp]!;
          onStack[member] = 0;
          nodes[written++] = member;
        } while (member !== v);
        let selfLoop = false;
        if (written - first === 1) for (let k = reads.start[v]!; k < reads.start[v + 1]!; k++) selfLoop ||= reads.to[k] === v;
        cyclic.push(written - first > 1 || selfLoop ? 1 : 0);
        start.push(written);
      }
    }
  }
  return { nodes: nodes.subarray(0, written), start: Int32Array.from(start), cyclic: Uint8Array.from(cyclic) };
}

/**
 * The same order over string ids (each component sorted), for reading and testing: `reads` gives what a node is
 * computed from.
 */
export function evaluationOrder(ids: readonly string[], reads: (id: string) => readonly string[]): string[][] {
  const all = [...new Set([...ids, ...ids.flatMap((id) => reads(id))])];
  const at = new Map(all.map((id, i) => [id, i]));
  const start = new Int32Array(all.length + 1);
  const to: number[] = [];
  all.forEach((id, i) => {
    for (const r of reads(id)) to.push(at.get(r)!);
    start[i + 1] = to.length;
  });
  const order = indexedOrder(
    all.length,
    Int32Array.from(ids, (id) => at.get(id)!),
    { start, to: Int32Array.from(to) },
  );
  const out: string[][] = [];
  for (let k = 0; k + 1 < order.start.length; k++) out.push([...order.nodes.subarray(order.start[k]!, order.start[k + 1]!)].map((i) => all[i]!).sort());
  return out;
}
