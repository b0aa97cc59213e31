/**
 * Walking a SupplyGraph downward, the way dependency.repository.ts fetches it: from a capability to its enabling
 * technologies (ENABLES, against its direction), then DEPENDS_ON, to a dependency's substitutes (SUBSTITUTES, against
 * its direction), SUPPLIED_BY and LOCATED_IN. Breadth-first with a visited set, so cycles and diamonds are walked once.
 */
import type { SupplyEdge, SupplyGraph } from './supply-graph.js';

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

/** Shortest distance (in steps) of every node reachable from the root, the root itself at 0. */
export function levelsFrom(g: SupplyGraph, rootId: string, opts: { substitutes?: boolean; maxDepth?: number | null } = {}): Map<string, number> {
  const level = new Map<string, number>();
  if (!g.nodes.has(rootId)) return level;
  level.set(rootId, 0);
  const queue = [rootId];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const d = level.get(id)!;
    if (opts.maxDepth != null && d >= opts.maxDepth) continue;
    for (const s of stepsFrom(g, id, opts)) {
      if (!level.has(s.to)) {
        level.set(s.to, d + 1);
        queue.push(s.to);
      }
    }
  }
  return level;
}

/** For each node, the capabilities whose dependency subgraph contains it (sorted ids). */
export function capabilitiesReaching(g: SupplyGraph): Map<string, string[]> {
  const reaching = new Map<string, string[]>();
  const caps = [...g.nodes.values()].filter((n) => n.kind === 'Capability').map((n) => n.id).sort();
  for (const cap of caps) {
    for (const id of levelsFrom(g, cap).keys()) {
      if (id === cap) continue;
      const list = reaching.get(id);
      if (list) list.push(cap);
      else reaching.set(id, [cap]);
    }
  }
  return reaching;
}

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
  if (!g.nodes.has(rootId)) return result;
  const nodeIds = [rootId];
  const steps: SupplyEdge[] = [];
  const onPath = new Set([rootId]);
  const visit = (id: string): void => {
    if (maxDepth !== null && steps.length >= maxDepth) return;
    for (const s of stepsFrom(g, id, { substitutes: false })) {
      if (result.paths.length >= limit) {
        result.truncated = true;
        return;
      }
      const cycle = onPath.has(s.to);
      const path: TreePath = { nodeIds: [...nodeIds, s.to], steps: [...steps, s.edge], cycle };
      result.paths.push(path);
      if (cycle) {
        result.cycles.push(path);
        continue;
      }
      nodeIds.push(s.to);
      steps.push(s.edge);
      onPath.add(s.to);
      visit(s.to);
      onPath.delete(s.to);
      steps.pop();
      nodeIds.pop();
    }
  };
  visit(rootId);
  return result;
}
