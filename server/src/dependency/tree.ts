/**
 * The dependency tree of a capability or technology: every node below it (to maxDepth steps; null = unbounded) with its
 * shortest level, the edges among them, and every path from the root (one entry per path prefix, cycles reported and
 * not walked again — see walk.ts). Substitutes of nodes in the tree are included as nodes with their SUBSTITUTES edge.
 * The shape (nodes, edges) and the paths are separate functions: the API enumerates paths only when they are asked for.
 */
import type { SupplyEdge, SupplyGraph, SupplyNode } from '../supply-graph/supply-graph.js';
import { enumeratePaths, levelsFrom, stepsFrom, type TreeResult } from './walk.js';

export interface TreeShape {
  root: SupplyNode;
  nodes: { node: SupplyNode; level: number }[];
  edges: SupplyEdge[];
  maxDepth: number | null;
}

export interface DependencyTreeResult extends TreeShape, TreeResult {}

export const PATH_LIMIT = 5000;

// What String#localeCompare does without arguments, without building a collator per call.
const byId = new Intl.Collator().compare;

/**
 * The nodes below the root with their levels (by level, then id) and the edges among them, top down: by the node they
 * are walked from (ENABLES and SUBSTITUTES against their direction) in that order, then as stepsFrom orders its steps.
 * Never in `g.edges` order: that is the order the graph was built in (Neo4j's rows, or a cut from the whole graph in
 * memory), and both must give the same answer byte for byte.
 */
export function treeShape(g: SupplyGraph, rootId: string, maxDepth: number | null = null): TreeShape | null {
  const root = g.nodes.get(rootId);
  if (!root) return null;
  const level = levelsFrom(g, rootId, { maxDepth });
  const nodes = [...level].map(([id, l]) => ({ node: g.nodes.get(id)!, level: l })).sort((a, b) => a.level - b.level || byId(a.node.id, b.node.id));
  // Every supply edge is a downward step of exactly one of its ends, so each comes once.
  const edges = nodes.flatMap(({ node }) => stepsFrom(g, node.id).flatMap((s) => (level.has(s.to) ? [s.edge] : [])));
  return { root, nodes, edges, maxDepth };
}

export function dependencyTree(g: SupplyGraph, rootId: string, maxDepth: number | null = null, pathLimit = PATH_LIMIT): DependencyTreeResult | null {
  const shape = treeShape(g, rootId, maxDepth);
  if (!shape) return null;
  return { ...shape, ...enumeratePaths(g, rootId, maxDepth, pathLimit) };
}
