/**
 * The subgraph below one root, cut from the whole supply graph in memory: exactly what `fetchSubgraph` returns for the
 * same data (supply-graph.repository.ts SUBGRAPH_QUERY), without the round trip. After a write of this process the
 * whole graph is at hand without a fetch (supply-graph.delta.ts), so the first tree after a mapping write need not wait
 * on Neo4j again (issue #17).
 *
 * It follows SUBGRAPH_QUERY step by step, so the two can be compared (subgraph.int.test.ts does, on real Neo4j):
 *   starts  = the root and the technologies with ENABLES into it (ENABLES is followed from the root only);
 *   r0      = everything reachable from the starts along outgoing DEPENDS_ON / SUPPLIED_BY / LOCATED_IN (the start too);
 *   r(i+1)  = r(i) plus the nodes s with (x)<-[:SUBSTITUTES]-(s) for some x in r(i), s not in r(i), with all below them,
 *             SUBSTITUTE_ROUNDS times;
 *   edges   = every supply edge with both ends reached.
 * Only adjacency lists are read (the whole graph holds 270k edges at 100k entities; a subgraph, a few hundred), and the
 * result is built by supplyGraph(), so its adjacency lists are sorted as the fetched one's are. Nodes and edges are
 * the whole graph's objects (shared, never mutated). Pure: no I/O.
 */
import type { EntityKind } from '../db/labels.js';
import { SUBSTITUTE_ROUNDS, supplyGraph, type SupplyEdge, type SupplyGraph, type SupplyNode } from './supply-graph.js';

/** The types SUBGRAPH_QUERY's DOWNWARD walks, from the dependant to the dependency. */
const DOWNWARD = new Set<SupplyEdge['type']>(['DEPENDS_ON', 'SUPPLIED_BY', 'LOCATED_IN']);

/**
 * The subgraph below `rootId` with the root's kind, as fetchSubgraph returns it; null when the root is not a node of
 * `g`. Null does not mean "no such entity": an entity of another kind (a KET area) is in Neo4j but not in the supply
 * graph, and fetchSubgraph then returns its kind, so the caller fetches instead.
 */
export function subgraphFromWhole(g: SupplyGraph, rootId: string): { rootKind: EntityKind; graph: SupplyGraph } | null {
  const root = g.nodes.get(rootId);
  if (!root) return null;
  // Insertion order is the order reached; no consumer may depend on it (the fetch's order is Neo4j's).
  const reached = new Set<string>();
  /** Adds what lies below `starts` (the starts included) and returns what was new, in the order reached. */
  const addBelow = (starts: readonly string[]): string[] => {
    const added: string[] = [];
    const stack: string[] = [];
    for (const s of starts) {
      if (reached.has(s)) continue;
      reached.add(s);
      added.push(s);
      stack.push(s);
    }
    while (stack.length > 0) {
      for (const e of g.out.get(stack.pop()!) ?? []) {
        if (!DOWNWARD.has(e.type) || reached.has(e.to)) continue;
        reached.add(e.to);
        added.push(e.to);
        stack.push(e.to);
      }
    }
    return added;
  };

  const enablers = (g.in.get(rootId) ?? []).filter((e) => e.type === 'ENABLES' && g.nodes.get(e.from)?.kind === 'Technology').map((e) => e.from);
  let fresh = addBelow([rootId, ...enablers]);
  // A round's substitutes are those of any node reached so far; those of nodes reached before the last round were
  // all added in that round, so only the last round's nodes can have new ones.
  for (let round = 0; round < SUBSTITUTE_ROUNDS && fresh.length > 0; round++) {
    const substitutes: string[] = [];
    for (const x of fresh) for (const e of g.in.get(x) ?? []) if (e.type === 'SUBSTITUTES' && !reached.has(e.from)) substitutes.push(e.from);
    fresh = addBelow(substitutes);
  }

  const nodes: SupplyNode[] = [];
  const edges: SupplyEdge[] = [];
  for (const id of reached) {
    nodes.push(g.nodes.get(id)!);
    for (const e of g.out.get(id) ?? []) if (reached.has(e.to)) edges.push(e);
  }
  return { rootKind: root.kind, graph: supplyGraph({ nodes, edges }) };
}
