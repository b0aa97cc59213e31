// The static part of a ScenarioGraph in the form propagation reads on every evaluation: every node gets an index (its
// position in the sorted ids) and each kind of neighbour list is a flat array with offsets (requirements, supplier
// shares, countries, baseline substitutes, enablers, counters). Built once per graph object (cached), so a run with its
// timeline evaluates many years without walking the SupplyGraph or allocating per node; its evaluation orders are
// kept on it (evaluation-order.ts). After a write (supply-graph.delta.ts `outlookLineageOf`) the compiled graph before
// is patched: only the changed nodes' lists are read again, and the orders carried over while they stay exact.
import { isRequirement } from '../dependency/availability.js';
import { effectiveShares } from '../dependency/shares.js';
import { dependenciesOf, enablersOf, substitutesOf, type SupplyKind } from '../supply-graph/supply-graph.js';
import { keptPerGraph, outlookLineageOf } from '../supply-graph/supply-graph.delta.js';
import { carryOrders, type ExtraSubstitutes, type Order } from './evaluation-order.js';
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
  orders: Map<string, { order: Order; extra: ExtraSubstitutes }>;
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

export const compile = (graph: ScenarioGraph): CompiledGraph =>
  keptPerGraph(
    cache,
    graph,
    outlookLineageOf(graph),
    (before, { prior, changed, sameNodes }) => (sameNodes ? patched(graph, prior, before, changed) : null),
    () => fresh(graph),
  );

interface Builders {
  requirements: ListBuilder;
  shares: ListBuilder;
  countries: ListBuilder;
  substitutes: ListBuilder;
  enablers: ListBuilder;
  counteredBy: ListBuilder;
}
const builders = (): Builders => ({
  requirements: new ListBuilder(2),
  shares: new ListBuilder(1),
  countries: new ListBuilder(),
  substitutes: new ListBuilder(),
  enablers: new ListBuilder(1),
  counteredBy: new ListBuilder(),
});

/** One node's entries in every list, each list closed; returns its `known` flag (1: an item with supplier data). */
function fillNode(graph: ScenarioGraph, id: string, kind: SupplyKind, at: (id: string) => number, b: Builders): number {
  const g = graph.supply;
  let known = 0;
  if (kind === 'Capability') {
    for (const e of enablersOf(g, id)) if (e.strength > 0) b.enablers.add(at(e.from), e.strength);
  } else {
    for (const e of dependenciesOf(g, id)) if (isRequirement(e)) b.requirements.add(at(e.to), e.criticality, e.substitutability);
    for (const e of substitutesOf(g, id)) b.substitutes.add(at(e.from));
    if (kind === 'Supplier') for (const e of g.out.get(id) ?? []) if (e.type === 'LOCATED_IN') b.countries.add(at(e.to));
    if (kind === 'Component' || kind === 'Material') {
      const shares = effectiveShares(g, id);
      known = shares.known ? 1 : 0;
      for (const s of shares.shares) if (s.share > 0) b.shares.add(at(s.supplier.id), s.share);
    }
    for (const cap of graph.counteredBy.get(id) ?? []) b.counteredBy.add(at(cap));
  }
  for (const list of Object.values(b)) list.next();
  return known;
}

function fresh(graph: ScenarioGraph): CompiledGraph {
  const g = graph.supply;
  const ids = [...g.nodes.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const kind = ids.map((id) => g.nodes.get(id)!.kind);
  const at = (id: string) => index.get(id)!;
  const b = builders();
  const known = new Uint8Array(ids.length);
  ids.forEach((id, i) => (known[i] = fillNode(graph, id, kind[i]!, at, b)));
  const positions = (want: boolean) => Int32Array.from(ids.keys()).filter((i) => (kind[i] === 'Capability') === want);
  return {
    ids,
    index,
    kind,
    isTechnology: Uint8Array.from(kind, (k) => (k === 'Technology' ? 1 : 0)),
    capabilities: positions(true),
    others: positions(false),
    requirements: {
      ...b.requirements.lists(),
      criticality: Float64Array.from(b.requirements.extra[0]!),
      substitutability: Float64Array.from(b.requirements.extra[1]!),
    },
    shares: { ...b.shares.lists(), share: Float64Array.from(b.shares.extra[0]!), known },
    countries: b.countries.lists(),
    substitutes: b.substitutes.lists(),
    enablers: { ...b.enablers.lists(), strength: Float64Array.from(b.enablers.extra[0]!) },
    counteredBy: b.counteredBy.lists(),
    orders: new Map(),
  };
}

/**
 * The compiled graph before a write, with the lists of the nodes it changed (and of technologies whose COUNTERS
 * changed) read again and every other node's entries copied. Only when no node came or went (`sameNodes`): the
 * numbering stays.
 */
function patched(graph: ScenarioGraph, prior: ScenarioGraph, c: CompiledGraph, changed: ReadonlySet<string>): CompiledGraph {
  const g = graph.supply;
  const redo = new Set<number>();
  const mark = (id: string) => {
    const i = c.index.get(id);
    if (i !== undefined) redo.add(i);
  };
  changed.forEach(mark);
  for (const [tech, caps] of graph.counteredBy) if (prior.counteredBy.get(tech) !== caps) mark(tech);
  for (const [tech, caps] of prior.counteredBy) if (graph.counteredBy.get(tech) !== caps) mark(tech);
  if (redo.size === 0) return c;

  const nodes = [...redo].sort((x, y) => x - y);
  const at = (id: string) => c.index.get(id)!;
  const b = builders();
  const known = c.shares.known.slice();
  for (const i of nodes) known[i] = fillNode(graph, c.ids[i]!, c.kind[i]!, at, b);
  const splice = (old: Lists, extras: readonly Float64Array[], scratch: ListBuilder) => spliced(old, extras, scratch, nodes);
  const requirements = splice(c.requirements, [c.requirements.criticality, c.requirements.substitutability], b.requirements);
  const shares = splice(c.shares, [c.shares.share], b.shares);
  const enablers = splice(c.enablers, [c.enablers.strength], b.enablers);
  const next: CompiledGraph = {
    ...c,
    requirements: { ...requirements.lists, criticality: requirements.extras[0]!, substitutability: requirements.extras[1]! },
    shares: { ...shares.lists, share: shares.extras[0]!, known },
    countries: splice(c.countries, [], b.countries).lists,
    substitutes: splice(c.substitutes, [], b.substitutes).lists,
    enablers: { ...enablers.lists, strength: enablers.extras[0]! },
    counteredBy: splice(c.counteredBy, [], b.counteredBy).lists,
    orders: new Map(),
  };
  // Whose reads may differ: the nodes redone, and whatever requires one of them (it reads their substitutes too).
  const readers = new Set(redo);
  for (const i of nodes)
    for (const list of [prior.supply.in.get(c.ids[i]!), g.in.get(c.ids[i]!)])
      for (const e of list ?? []) if (e.type === 'DEPENDS_ON' && c.index.has(e.from)) readers.add(c.index.get(e.from)!);
  next.orders = carryOrders(c, next, readers);
  return next;
}

/**
 * Lists with the entries of `nodes` (ascending) taken from `scratch` (one closed list per node, in that order) and
 * every other node's entries copied from `old`, in runs between them.
 */
function spliced(old: Lists, extras: readonly Float64Array[], scratch: ListBuilder, nodes: readonly number[]) {
  const n = old.start.length - 1;
  let length = old.to.length;
  nodes.forEach((i, r) => (length += scratch.start[r + 1]! - scratch.start[r]! - (old.start[i + 1]! - old.start[i]!)));
  const start = new Int32Array(n + 1);
  const to = new Int32Array(length);
  const copies = extras.map(() => new Float64Array(length));
  let k = 0;
  let from = 0;
  for (let r = 0; r <= nodes.length; r++) {
    const upTo = r < nodes.length ? nodes[r]! : n;
    const a = old.start[from]!;
    const z = old.start[upTo]!;
    to.set(old.to.subarray(a, z), k);
    extras.forEach((x, e) => copies[e]!.set(x.subarray(a, z), k));
    for (let m = from; m < upTo; m++) start[m] = old.start[m]! - a + k;
    k += z - a;
    if (r === nodes.length) break;
    start[upTo] = k;
    for (let j = scratch.start[r]!; j < scratch.start[r + 1]!; j++, k++) {
      to[k] = scratch.to[j]!;
      scratch.extra.forEach((x, e) => (copies[e]![k] = x[j]!));
    }
    from = upTo + 1;
  }
  start[n] = k;
  return { lists: { start, to }, extras: copies };
}
