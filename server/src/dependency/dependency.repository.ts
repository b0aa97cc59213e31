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
const DOWNWARD = ['DEPENDS_ON', 'SUPPLIED_BY', 'LOCATED_IN'];
/** Walked against their direction: a capability's enablers, a dependency's substitutes. */
const UPWARD = ['ENABLES', 'SUBSTITUTES'];
const list = (types: string[]) => `[${types.map((t) => `'${t}'`).join(', ')}]`;

/** The kinds a dependency tree may start from. */
export const ROOT_KINDS: readonly EntityKind[] = ['Capability', 'Technology', 'Component', 'Material'];

// Shared tail: the reached nodes with kind, properties and (technologies) KET areas, and every supply edge among them.
const NODES_AND_EDGES = `
  CALL (reached) {
    UNWIND reached AS x
    MATCH (x)-[r:${TYPES}]->(y) WHERE y IN reached
    RETURN collect({type: type(r), from: x.id, to: y.id, props: properties(r)}) AS edges
  }
  RETURN [x IN reached | {
    kind: ${KIND_OF('x')}, props: properties(x),
    ketAreas: [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}]
  }] AS nodes, edges`;

// One query: every node reachable downward from the root, each step either following DEPENDS_ON / SUPPLIED_BY /
// LOCATED_IN forward or ENABLES / SUBSTITUTES backward. ANY SHORTEST visits each node once (a breadth-first search),
// so diamonds and cycles cost nothing extra.
const SUBGRAPH_QUERY = `
  MATCH (root:${ENTITY_LABEL} {id: $rootId})
  WITH root, ${KIND_OF('root')} AS rootKind
  CALL (root) {
    MATCH p = ANY SHORTEST (root)((a)-[r:${TYPES}]-(b)
      WHERE (type(r) IN ${list(DOWNWARD)} AND startNode(r) = a) OR (type(r) IN ${list(UPWARD)} AND endNode(r) = a))*(n:${ENTITY_LABEL})
    RETURN collect(DISTINCT n) AS reached
  }
  WITH rootKind, reached
  ${NODES_AND_EDGES.replace('RETURN [x IN', 'RETURN rootKind, [x IN')}`;

const WHOLE_QUERY = `
  MATCH (x:${KINDS})
  WITH collect(x) AS reached
  ${NODES_AND_EDGES}`;

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
  const [row] = await db.read<GraphRow>(WHOLE_QUERY);
  return buildSupplyGraph(row ?? { nodes: [], edges: [] });
}

/** The kind of one entity (null when unknown): lets the portfolio-wide report tell "no such root" apart. */
export async function findKind(db: Database, id: string): Promise<EntityKind | null> {
  const [row] = await db.read<{ kind: EntityKind }>(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${KIND_OF('n')} AS kind`, { id });
  return row?.kind ?? null;
}
