/**
 * The downward steps of a SupplyGraph (see walk.ts) in a compact indexed form, built once per graph object: node ids as
 * integers and every node's steps in flat arrays, in the order `stepsFrom` gives them. Walks then touch only the steps
 * they follow (a country's thousands of incoming LOCATED_IN edges are never scanned) and allocate nothing per step.
 * Graphs are never mutated after `supplyGraph()` builds them, so the index is kept per graph object.
 */
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

export function downwardIndex(g: SupplyGraph): DownwardIndex {
  const cached = built.get(g);
  if (cached) return cached;
  const ids = [...g.nodes.keys()];
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const start = new Int32Array(ids.length + 1);
  const to: number[] = [];
  const edge: SupplyEdge[] = [];
  const sub: number[] = [];
  const push = (far: string, e: SupplyEdge, isSub: boolean) => {
    to.push(index.get(far)!);
    edge.push(e);
    sub.push(isSub ? 1 : 0);
  };
  for (let i = 0; i < ids.length; i++) {
    start[i] = to.length;
    // Same order as stepsFrom: incoming ENABLES then SUBSTITUTES (lists are sorted by type, then far end), then outgoing.
    for (const e of g.in.get(ids[i]!) ?? []) if (e.type === 'ENABLES' || e.type === 'SUBSTITUTES') push(e.from, e, e.type === 'SUBSTITUTES');
    for (const e of g.out.get(ids[i]!) ?? []) if (e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') push(e.to, e, false);
  }
  start[ids.length] = to.length;
  const result: DownwardIndex = { ids, index, start, to: Int32Array.from(to), edge, sub: Uint8Array.from(sub) };
  built.set(g, result);
  return result;
}

// Kept per graph object too: a memoised whole graph is scored by many requests. Shared: never mutate the lists.
const reached = new WeakMap<SupplyGraph, Map<string, string[]>>();

/**
 * For each node, the capabilities whose dependency subgraph contains it (sorted ids; the capability itself excluded).
 * One breadth-first walk per capability over the index: the cost is the size of the answer times the steps per node.
 */
export function reachingCapabilities(g: SupplyGraph): Map<string, string[]> {
  const known = reached.get(g);
  if (known) return known;
  const x = downwardIndex(g);
  const n = x.ids.length;
  const lists: (string[] | undefined)[] = new Array(n);
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const caps = x.ids.filter((id) => g.nodes.get(id)!.kind === 'Capability').sort();
  caps.forEach((cap, c) => {
    const root = x.index.get(cap)!;
    seen[root] = c;
    queue[0] = root;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let k = x.start[v]!, end = x.start[v + 1]!; k < end; k++) {
        const w = x.to[k]!;
        if (seen[w] === c) continue;
        seen[w] = c;
        queue[tail++] = w;
        (lists[w] ??= []).push(cap);
      }
    }
  });
  const reaching = new Map<string, string[]>();
  for (let i = 0; i < n; i++) if (lists[i]) reaching.set(x.ids[i]!, lists[i]!);
  reached.set(g, reaching);
  return reaching;
}
