/**
 * The downward steps of a SupplyGraph (see walk.ts) in a compact indexed form, built once per graph object: node ids as
 * integers and every node's steps in flat arrays, in the order `stepsFrom` gives them. Walks then touch only the steps
 * they follow (a country's thousands of incoming LOCATED_IN edges are never scanned) and allocate nothing per step.
 * Graphs are never mutated after `supplyGraph()` builds them, so the index is kept per graph object.
 */
import { keptPerGraph, lineageOf } from './supply-graph.delta.js';
import type { SupplyEdge, SupplyGraph } from './supply-graph.js';

export interface DownwardIndex {
  ids: string[];
  index: Map<string, number>;
  /** The steps of node i are the entries start[i] … start[i + 1] − 1 of `to`, `edge` and `sub`. */
  start: Int32Array;
  to: Int32Array;
  edge: SupplyEdge[];
  /** 1 when the step follows a SUBSTITUTES edge (against its direction). */
  sub: Uint8Array;
}

const built = new WeakMap<SupplyGraph, DownwardIndex>();

// After a write (supply-graph.delta.ts) only the changed nodes' steps differ from the graph before: its index is patched.
export const downwardIndex = (g: SupplyGraph): DownwardIndex =>
  keptPerGraph(
    built,
    g,
    lineageOf(g),
    (before, { changed }) => patched(g, before, changed),
    () => fresh(g),
  );

/** The downward steps of one node, in the order `stepsFrom` gives them: incoming ENABLES, SUBSTITUTES, then outgoing. */
function stepsOf(g: SupplyGraph, id: string, visit: (far: string, e: SupplyEdge, isSub: boolean) => void): void {
  // Lists are sorted by type, then far end: incoming ENABLES sort before SUBSTITUTES.
  for (const e of g.in.get(id) ?? []) if (e.type === 'ENABLES' || e.type === 'SUBSTITUTES') visit(e.from, e, e.type === 'SUBSTITUTES');
  for (const e of g.out.get(id) ?? []) if (e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') visit(e.to, e, false);
}

function fresh(g: SupplyGraph): DownwardIndex {
  const ids = [...g.nodes.keys()];
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const start = new Int32Array(ids.length + 1);
  const to: number[] = [];
  const edge: SupplyEdge[] = [];
  const sub: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    start[i] = to.length;
    stepsOf(g, ids[i]!, (far, e, isSub) => {
      to.push(index.get(far)!);
      edge.push(e);
      sub.push(isSub ? 1 : 0);
    });
  }
  start[ids.length] = to.length;
  return { ids, index, start, to: Int32Array.from(to), edge, sub: Uint8Array.from(sub) };
}

/**
 * The index of `g` from the index of the graph before it: the unchanged nodes' steps copied (their lists are the same
 * objects, their far ends unchanged nodes too), the changed nodes' steps read again. Numbering: the nodes kept, in
 * their old order, then the new ones; when no node came or went, the numbering and its map are shared.
 */
function patched(g: SupplyGraph, before: DownwardIndex, changed: ReadonlySet<string>): DownwardIndex {
  const gone = [...changed].filter((id) => before.index.has(id) && !g.nodes.has(id));
  const added = [...changed].filter((id) => g.nodes.has(id) && !before.index.has(id));
  let ids = before.ids;
  let index = before.index;
  let renumber: Int32Array | null = null;
  if (gone.length || added.length) {
    const dropped = new Set(gone);
    ids = before.ids.filter((id) => !dropped.has(id)).concat(added);
    index = new Map();
    ids.forEach((id, i) => index.set(id, i));
    renumber = new Int32Array(before.ids.length).fill(-1);
    before.ids.forEach((id, i) => {
      if (!dropped.has(id)) renumber![i] = index.get(id)!;
    });
  }
  // The changed nodes' steps first, so the arrays can be allocated at their final length.
  const fresh = new Map<number, { to: number[]; edge: SupplyEdge[]; sub: number[] }>();
  let length = before.to.length;
  for (const id of changed) {
    const old = before.index.get(id);
    if (old !== undefined) length -= before.start[old + 1]! - before.start[old]!;
    const i = index.get(id);
    if (i === undefined) continue;
    const steps = { to: [] as number[], edge: [] as SupplyEdge[], sub: [] as number[] };
    stepsOf(g, id, (far, e, isSub) => {
      steps.to.push(index.get(far)!);
      steps.edge.push(e);
      steps.sub.push(isSub ? 1 : 0);
    });
    fresh.set(i, steps);
    length += steps.to.length;
  }
  const start = new Int32Array(ids.length + 1);
  const to = new Int32Array(length);
  const edge: SupplyEdge[] = new Array(length);
  const sub = new Uint8Array(length);
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    start[i] = k;
    const steps = fresh.get(i);
    if (steps) {
      for (let j = 0; j < steps.to.length; j++, k++) [to[k], edge[k], sub[k]] = [steps.to[j]!, steps.edge[j]!, steps.sub[j]!];
      continue;
    }
    const old = renumber ? before.index.get(ids[i]!)! : i;
    for (let j = before.start[old]!, end = before.start[old + 1]!; j < end; j++, k++) {
      to[k] = renumber ? renumber[before.to[j]!]! : before.to[j]!;
      edge[k] = before.edge[j]!;
      sub[k] = before.sub[j]!;
    }
  }
  start[ids.length] = k;
  return { ids, index, start, to, edge, sub };
}
