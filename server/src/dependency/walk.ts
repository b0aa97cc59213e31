/**
 * Walking a SupplyGraph downward, the way supply-graph.repository.ts fetches it: from a capability to its enabling
 * technologies (ENABLES, against its direction), then DEPENDS_ON, to a dependency's substitutes (SUBSTITUTES, against
 * its direction), SUPPLIED_BY and LOCATED_IN. Breadth-first with a visited set, so cycles and diamonds are walked once.
 */
import { reachingCapabilities } from '../supply-graph/capability-reach.js';
import { downwardIndex } from '../supply-graph/downward-index.js';
import type { SupplyEdge, SupplyGraph } from '../supply-graph/supply-graph.js';

export interface Step {
  /** The node the step arrives at. */
  to: string;
  edge: SupplyEdge;
}

/** The downward steps out of one node, in a stable order (by edge type, then far end id). */
export function stepsFrom(g: SupplyGraph, id: string, opts: { substitutes?: boolean } = {}): Step[] {
  const steps: Step[] = [];
  for (const e of g.in.get(id) ?? []) {
    if (e.type === 'ENABLES' || (e.type === 'SUBSTITUTES' && opts.substitutes !== false)) steps.push({ to: e.from, edge: e });
  }
  for (const e of g.out.get(id) ?? []) {
    if (e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') steps.push({ to: e.to, edge: e });
  }
  return steps;
}

/** Shortest distance (in steps) of every node reachable from the root, the root itself at 0 (in breadth-first order). */
export function levelsFrom(g: SupplyGraph, rootId: string, opts: { substitutes?: boolean; maxDepth?: number | null } = {}): Map<string, number> {
  const level = new Map<string, number>();
  const x = downwardIndex(g);
  const root = x.index.get(rootId);
  if (root === undefined) return level;
  const subs = opts.substitutes !== false;
  const maxDepth = opts.maxDepth ?? Infinity;
  const depth = new Int32Array(x.ids.length).fill(-1);
  depth[root] = 0;
  const queue = [root];
  level.set(rootId, 0);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const d = depth[v]!;
    if (d >= maxDepth) continue;
    for (let k = x.start[v]!, end = x.start[v + 1]!; k < end; k++) {
      const w = x.to[k]!;
      if (depth[w] !== -1 || (!subs && x.sub[k])) continue;
      depth[w] = d + 1;
      level.set(x.ids[w]!, d + 1);
      queue.push(w);
    }
  }
  return level;
}

/** For each node, the capabilities whose dependency subgraph contains it (sorted ids). */
export const capabilitiesReaching = reachingCapabilities;

export interface TreePath {
  /** Node ids from the root to the path's end. */
  nodeIds: string[];
  /** The edges walked, with their attributes, in order (ENABLES and SUBSTITUTES are walked against their direction). */
  steps: SupplyEdge[];
  /** True when the last node already occurs earlier on the path: the cycle is reported here and not walked again. */
  cycle: boolean;
}

export interface TreeResult {
  paths: TreePath[];
  /** The paths that close a cycle. */
  cycles: TreePath[];
  /** True when the number of paths hit the limit and the rest was not enumerated. */
  truncated: boolean;
}

/**
 * Every path from the root down (depth-first, one entry per path prefix, so "the paths leading to X" are the entries
 * ending at X), to at most maxDepth steps (null: unbounded). A step back onto the current path ends that path with
 * `cycle: true`. Substitutes are not expanded here (see `substitutesOf`); they are shown on the node they replace.
 */
export function enumeratePaths(g: SupplyGraph, rootId: string, maxDepth: number | null = null, limit = 5000): TreeResult {
  const result: TreeResult = { paths: [], cycles: [], truncated: false };
  const x = downwardIndex(g);
  const root = x.index.get(rootId);
  if (root === undefined) return result;
  const nodeIds = [rootId];
  const steps: SupplyEdge[] = [];
  const onPath = new Uint8Array(x.ids.length);
  onPath[root] = 1;
  const visit = (v: number): void => {
    if (maxDepth !== null && steps.length >= maxDepth) return;
    for (let k = x.start[v]!, end = x.start[v + 1]!; k < end; k++) {
      if (x.sub[k]) continue;
      if (result.paths.length >= limit) {
        result.truncated = true;
        return;
      }
      const w = x.to[k]!;
      const cycle = onPath[w] === 1;
      const path: TreePath = { nodeIds: [...nodeIds, x.ids[w]!], steps: [...steps, x.edge[k]!], cycle };
      result.paths.push(path);
      if (cycle) {
        result.cycles.push(path);
        continue;
      }
      nodeIds.push(x.ids[w]!);
      steps.push(x.edge[k]!);
      onPath[w] = 1;
      visit(w);
      onPath[w] = 0;
      steps.pop();
      nodeIds.pop();
    }
  };
  visit(root);
  return result;
}
