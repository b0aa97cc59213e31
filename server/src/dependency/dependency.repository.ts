// All Cypher of the dependency analysis: one round trip fetches the subgraph below a root (or the whole supply graph),
// plus the single-transaction writes of suppliers, SUPPLIED_BY shares and SUBSTITUTES links.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { buildSupplyGraph, SUPPLY_EDGE_TYPES, SUPPLY_KINDS, type EdgeRow, type NodeRow, type SupplyGraph } from './supply-graph.js';

// Identifiers come from the model's constants (labels and types cannot be parameters).
const TYPES = SUPPLY_EDGE_TYPES.join('|');
const KINDS = SUPPLY_KINDS.join('|');
/** Walked from the dependant to the dependency. */
const DOWNWARD = 'DEPENDS_ON|SUPPLIED_BY|LOCATED_IN';
/** How many levels of substitutes are fetched (a substitute, its dependencies' substitutes, …). */
export const SUBSTITUTE_ROUNDS = 3;

/** The kinds a dependency tree may start from. */
export const ROOT_KINDS: readonly EntityKind[] = ['Capability', 'Technology', 'Component', 'Material'];

// The reached nodes with kind, properties and (technologies) KET areas, and every supply edge among them.
const NODES_AND_EDGES = `
  CALL (reached) {
    UNWIND reached AS x
    MATCH (x)-[r:${TYPES}]->(y) WHERE y IN reached
    RETURN collect({type: type(r), from: x.id, to: y.id, props: properties(r)}) AS edges
  }
  RETURN rootKind, [x IN reached | {
    kind: ${KIND_OF('x')}, props: properties(x),
    ketAreas: [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}]
  }] AS nodes, edges`;

// One round of substitutes: the nodes that can replace something reached, and everything below them.
// A pure aggregate always returns one row, so an empty round keeps the query's row.
const substituteRound = (i: number) => `
  CALL (r${i}) {
    UNWIND r${i} AS x
    MATCH (x)<-[:SUBSTITUTES]-(s) WHERE NOT s IN r${i}
    WITH DISTINCT s
    MATCH (s)-[:${DOWNWARD}*0..]->(n)
    RETURN collect(DISTINCT n) AS s${i + 1}
  }
  WITH rootKind, r${i} + [m IN s${i + 1} WHERE NOT m IN r${i}] AS r${i + 1}`;

// One query, one round trip: a capability's enabling technologies (ENABLES, against its direction), then everything
// reachable along DEPENDS_ON / SUPPLIED_BY / LOCATED_IN — a breadth-first expansion that visits each node once, so
// diamonds and cycles cost nothing extra — then SUBSTITUTE_ROUNDS rounds of substitutes (SUBSTITUTES, against its
// direction) with what lies below them. (A single pattern mixing directions per type makes Neo4j enumerate paths.)
export const SUBGRAPH_QUERY = `
  MATCH (root:${ENTITY_LABEL} {id: $rootId})
  WITH root, ${KIND_OF('root')} AS rootKind
  OPTIONAL MATCH (root)<-[:ENABLES]-(t:Technology)
  WITH root, rootKind, collect(t) AS enablers
  WITH rootKind, [root] + enablers AS starts
  CALL (starts) {
    UNWIND starts AS s
    MATCH (s)-[:${DOWNWARD}*0..]->(n)
    RETURN collect(DISTINCT n) AS r0
  }
  WITH rootKind, r0
  ${Array.from({ length: SUBSTITUTE_ROUNDS }, (_, i) => substituteRound(i)).join('')}
  WITH rootKind, r${SUBSTITUTE_ROUNDS} AS reached
  ${NODES_AND_EDGES}`;

// The whole supply graph: every node of the supply kinds and every supply edge between two of them, as a stream of
// flat rows (nodes, then edges) rather than one row of two giant lists: Neo4j then never holds the whole graph as one
// value, and the client converts rows as they arrive (at 100k entities: seconds instead of minutes).
export const WHOLE_QUERY = `
  MATCH (x:${KINDS})
  RETURN ${KIND_OF('x')} AS kind, properties(x) AS props,
         [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}] AS ketAreas,
         null AS type, null AS from, null AS to
  UNION ALL
  MATCH (x:${KINDS})-[r:${TYPES}]->(y:${KINDS})
  RETURN null AS kind, properties(r) AS props, null AS ketAreas, type(r) AS type, x.id AS from, y.id AS to`;

interface GraphRow {
  rootKind?: EntityKind | null;
  nodes: NodeRow[];
  edges: EdgeRow[];
}

/** The subgraph below one root, in one round trip; null when no entity has that id. */
export async function fetchSubgraph(db: Database, rootId: string): Promise<{ rootKind: EntityKind; graph: SupplyGraph } | null> {
  const [row] = await db.read<GraphRow>(SUBGRAPH_QUERY, { rootId });
  if (!row || !row.rootKind) return null;
  return { rootKind: row.rootKind, graph: buildSupplyGraph(row) };
}

/** Every capability, technology, component, material, supplier and country with the supply edges among them. */
export async function fetchWholeGraph(db: Database): Promise<SupplyGraph> {
  const rows = await db.read<{ kind: string | null; props: Record<string, unknown>; ketAreas: NodeRow['ketAreas']; type: string | null; from: string; to: string }>(WHOLE_QUERY);
  const nodes: NodeRow[] = [];
  const edges: EdgeRow[] = [];
  for (const r of rows) {
    if (r.type === null) nodes.push({ kind: r.kind!, props: r.props, ketAreas: r.ketAreas });
    else edges.push({ type: r.type, from: r.from, to: r.to, props: r.props });
  }
  return buildSupplyGraph({ nodes, edges });
}

/** The kind of one entity (null when unknown): lets the portfolio-wide report tell "no such root" apart. */
export async function findKind(db: Database, id: string): Promise<EntityKind | null> {
  const [row] = await db.read<{ kind: EntityKind }>(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${KIND_OF('n')} AS kind`, { id });
  return row?.kind ?? null;
}
