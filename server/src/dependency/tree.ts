/**
 * The dependency tree of a capability or technology: every node below it (to maxDepth steps; null = unbounded) with its
 * shortest level, the edges among them, and every path from the root (one entry per path prefix, cycles reported and
 * not walked again — see walk.ts). Substitutes of nodes in the tree are included as nodes with their SUBSTITUTES edge.
 */
import type { SupplyEdge, SupplyGraph, SupplyNode } from './supply-graph.js';
import { enumeratePaths, levelsFrom, type TreePath } from './walk.js';

export interface DependencyTreeResult {
  root: SupplyNode;
  nodes: { node: SupplyNode; level: number }[];
  edges: SupplyEdge[];
  paths: TreePath[];
  cycles: TreePath[];
  truncated: boolean;
  maxDepth: number | null;
}

export const PATH_LIMIT = 5000;

export function dependencyTree(g: SupplyGraph, rootId: string, maxDepth: number | null = null, pathLimit = PATH_LIMIT): DependencyTreeResult | null {
  const root = g.nodes.get(rootId);
  if (!root) return null;
  const level = levelsFrom(g, rootId, { maxDepth });
  const nodes = [...level]
    .map(([id, l]) => ({ node: g.nodes.get(id)!, level: l }))
    .sort((a, b) => a.level - b.level || a.node.id.localeCompare(b.node.id));
  const edges = g.edges.filter((e) => level.has(e.from) && level.has(e.to));
  const { paths, cycles, truncated } = enumeratePaths(g, rootId, maxDepth, pathLimit);
  return { root, nodes, edges, paths, cycles, truncated, maxDepth };
}
