/**
 * For each node, the capabilities whose dependency subgraph contains it: the "reach" of the criticality score
 * (dependency/scores.ts), portfolio-wide. One breadth-first walk per capability over the downward index, once per graph
 * object; after a write (supply-graph.delta.ts `lineageOf`) only the capabilities that could walk differently are
 * walked again, in the graph before and in the graph after, and only the lists they are in are rewritten.
 */
import { downwardIndex, type DownwardIndex } from './downward-index.js';
import { LayeredMap } from './layered-map.js';
import { keptPerGraph, lineageOf } from './supply-graph.delta.js';
import type { SupplyGraph } from './supply-graph.js';

/** Node id → the capabilities reaching it (sorted ids; a capability is not in its own). Shared: never mutate. */
export type CapabilityReach = ReadonlyMap<string, readonly string[]>;

const reached = new WeakMap<SupplyGraph, CapabilityReach>();

export const reachingCapabilities = (g: SupplyGraph): CapabilityReach =>
  keptPerGraph(
    reached,
    g,
    lineageOf(g),
    (before, { prior, changed }) => updatedReach(g, prior, before, changed),
    () => wholeReach(g),
  );

/** Walks from one node over the index, calling `visit` for every node reached (the start excluded). */
function walker(x: DownwardIndex) {
  const seen = new Int32Array(x.ids.length).fill(-1);
  const queue = new Int32Array(x.ids.length);
  let walk = 0;
  return (root: number, visit: (node: number) => void): void => {
    const stamp = walk++;
    seen[root] = stamp;
    queue[0] = root;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let k = x.start[v]!, end = x.start[v + 1]!; k < end; k++) {
        const w = x.to[k]!;
        if (seen[w] === stamp) continue;
        seen[w] = stamp;
        queue[tail++] = w;
        visit(w);
      }
    }
  };
}

const NONE: readonly string[] = [];
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Two sorted lists as one (code-unit order, as Array.prototype.sort): linear, where a node is reached by thousands. */
function merged(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! < b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

const capabilitiesOf = (g: SupplyGraph, ids: readonly string[]) => ids.filter((id) => g.nodes.get(id)?.kind === 'Capability').sort();

function wholeReach(g: SupplyGraph): CapabilityReach {
  const x = downwardIndex(g);
  const lists: (string[] | undefined)[] = new Array(x.ids.length);
  const walk = walker(x);
  for (const cap of capabilitiesOf(g, x.ids)) walk(x.index.get(cap)!, (w) => (lists[w] ??= []).push(cap));
  const reach = new Map<string, string[]>();
  for (let i = 0; i < x.ids.length; i++) if (lists[i]) reach.set(x.ids[i]!, lists[i]!);
  return reach;
}

/** The far ends of a node's steps, with the substitute flag: what a walk through the node follows. */
function stepKey(x: DownwardIndex, id: string): string | null {
  const i = x.index.get(id);
  if (i === undefined) return null;
  const parts: string[] = [];
  for (let k = x.start[i]!; k < x.start[i + 1]!; k++) parts.push(`${x.ids[x.to[k]!]}${x.sub[k] ? '~' : ''}`);
  return parts.join('|');
}

/**
 * A capability walks differently after the write only if, before it, it reached a node whose steps changed (or it is
 * such a node): a walk follows the same steps until it meets one. So those capabilities are taken out of every list
 * their old walk put them in, and put into the lists their new walk reaches; the other lists are shared.
 */
function updatedReach(g: SupplyGraph, prior: SupplyGraph, before: CapabilityReach, changed: ReadonlySet<string>): CapabilityReach {
  const x = downwardIndex(g);
  const old = downwardIndex(prior);
  const moved = new Set<string>();
  for (const id of changed) {
    if (stepKey(old, id) === stepKey(x, id)) continue;
    for (const cap of before.get(id) ?? []) moved.add(cap);
    if (prior.nodes.get(id)?.kind === 'Capability' || g.nodes.get(id)?.kind === 'Capability') moved.add(id);
  }
  const gone = [...changed].filter((id) => before.has(id) && !g.nodes.has(id));
  if (moved.size === 0 && gone.length === 0) return before;

  // Per node, the moved capabilities reaching it before and after (each in sorted order, as `moved` is walked).
  const walks = (ix: DownwardIndex, graph: SupplyGraph) => {
    const marks = new Map<string, string[]>();
    const walk = walker(ix);
    for (const cap of capabilitiesOf(graph, [...moved])) {
      const root = ix.index.get(cap);
      if (root === undefined) continue;
      walk(root, (w) => {
        const id = ix.ids[w]!;
        const list = marks.get(id);
        if (list) list.push(cap);
        else marks.set(id, [cap]);
      });
    }
    return marks;
  };
  const was = walks(old, prior);
  const now = walks(x, g);
  // Most nodes are reached by the same moved capabilities as before: their lists stay the same objects.
  const rewrite = [...new Set([...was.keys(), ...now.keys()])].filter((id) => !sameList(was.get(id) ?? NONE, now.get(id) ?? NONE));
  if (rewrite.length === 0 && gone.length === 0) return before;
  const changes = new Map<string, readonly string[] | undefined>(gone.map((id) => [id, undefined]));
  for (const id of rewrite) {
    const kept = (before.get(id) ?? NONE).filter((cap) => !moved.has(cap));
    const list = merged(kept, now.get(id) ?? NONE);
    changes.set(id, list.length && g.nodes.has(id) ? list : undefined);
  }
  // A layer over the lists before (layered-map.ts), not a copy of 80k entries.
  const reach = LayeredMap.over(before, changes);
  return reach;
}
