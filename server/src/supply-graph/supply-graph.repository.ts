// All Cypher of the supply graph, read by both engines (dependency analysis and scenarios): the whole graph in one
// streamed query, or the subgraph below one root in one round trip. Both return the same node and edge rows (the
// fields the analysis reads, never whole property maps), built into a SupplyGraph by buildSupplyGraph.
import type { Database, WriteTx } from '../db/database.js';
import { MAX_DELTA_ENTITIES, splitRows, type SupplyGraphDelta, type SupplyGraphRow } from './supply-graph.delta.js';
export type { SupplyGraphRow };
import { ENTITY_LABEL, type EntityKind, type RelationshipType } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { withOutlook, type SupplyGraphWithOutlook } from './outlook.js';
import { buildSupplyGraph, SUBSTITUTE_ROUNDS, SUPPLY_EDGE_TYPES, SUPPLY_KINDS, type EdgeRow, type NodeRow, type SupplyGraph } from './supply-graph.js';

// Identifiers come from the model's constants (labels and types cannot be parameters).
const TYPES = SUPPLY_EDGE_TYPES.join('|');
const KINDS = SUPPLY_KINDS.join('|');
const KIND_LIST = `[${SUPPLY_KINDS.map((k) => `'${k}'`).join(', ')}]`;
const COUNTERS: RelationshipType = 'COUNTERS';
const IN_KET_AREA: RelationshipType = 'IN_KET_AREA';
const KET_AREA: EntityKind = 'KetArea';
const TECHNOLOGY: EntityKind = 'Technology';
/** Walked from the dependant to the dependency. */
const DOWNWARD = 'DEPENDS_ON|SUPPLIED_BY|LOCATED_IN';

// What a node row and an edge row carry: exactly what toSupplyNode / toSupplyEdge read (and a technology's horizon).
const NODE_FIELDS = (x: string) => `${x} {.id, .name, .trl, .horizon, .eu, .iso2, .criticalRawMaterial}`;
const KET_AREAS = (x: string) => `[(${x})-[:${IN_KET_AREA}]->(k:${KET_AREA}) | {id: k.id, name: k.name}]`;
const EDGE_FIELDS = (r: string) => `${r} {.sourceIds, .strength, .criticality, .substitutability, .share, .year, .basis, .rationale}`;

// The reached nodes with kind, fields and (technologies) KET areas, and every supply edge among them.
const NODES_AND_EDGES = `
  CALL (reached) {
    UNWIND reached AS x
    MATCH (x)-[r:${TYPES}]->(y) WHERE y IN reached
    RETURN collect({type: type(r), from: x.id, to: y.id, props: ${EDGE_FIELDS('r')}}) AS edges
  }
  RETURN rootKind, [x IN reached | {
    kind: ${KIND_OF('x')}, props: ${NODE_FIELDS('x')}, ketAreas: ${KET_AREAS('x')}
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
  OPTIONAL MATCH (root)<-[:ENABLES]-(t:${TECHNOLOGY})
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

// The whole supply graph, COUNTERS included: every node of the supply kinds and every supply edge between two of them,
// as a stream of flat rows (nodes, then edges) rather than one row of two giant lists: Neo4j then never holds the whole
// graph as one value, and the client converts rows as they arrive (at 100k entities: seconds instead of minutes).
export const WHOLE_QUERY = `
  MATCH (x:${KINDS})
  RETURN ${KIND_OF('x')} AS kind, ${NODE_FIELDS('x')} AS props,
         CASE WHEN x:${TECHNOLOGY} THEN ${KET_AREAS('x')} END AS ketAreas,
         null AS type, null AS from, null AS to
  UNION ALL
  MATCH (x:${KINDS})-[r:${TYPES}|${COUNTERS}]->(y:${KINDS})
  RETURN null AS kind, ${EDGE_FIELDS('r')} AS props, null AS ketAreas, type(r) AS type, x.id AS from, y.id AS to`;

// What one write changed in the supply graph, read inside that write's transaction (Database.writeTransaction): the
// touched entities (a KET area's technologies too, whose ketAreas carry its name), each supply node among them as
// WHOLE_QUERY's node row and every supply link touching them as its edge row (DISTINCT r: a link between two touched
// entities comes once). An id that matches nothing any more (deleted) stays touched: the graph drops it.
export const CHANGES_QUERY = `
  UNWIND $ids AS id
  MATCH (x:${ENTITY_LABEL} {id: id})
  CALL (x) {
    RETURN x AS n
    UNION
    MATCH (n:${TECHNOLOGY})-[:${IN_KET_AREA}]->(x)
    RETURN n
  }
  WITH DISTINCT n
  WITH collect(n.id) AS touched, [m IN collect(n) WHERE any(l IN labels(m) WHERE l IN ${KIND_LIST})] AS supply
  CALL (supply) {
    UNWIND supply AS x
    RETURN collect({
      kind: ${KIND_OF('x')}, props: ${NODE_FIELDS('x')},
      ketAreas: CASE WHEN x:${TECHNOLOGY} THEN ${KET_AREAS('x')} END, type: null, from: null, to: null
    }) AS nodes
  }
  CALL (supply) {
    UNWIND supply AS n
    MATCH (n)-[r:${TYPES}|${COUNTERS}]-(:${KINDS})
    WITH DISTINCT r
    RETURN collect({
      kind: null, props: ${EDGE_FIELDS('r')}, ketAreas: null, type: type(r), from: startNode(r).id, to: endNode(r).id
    }) AS edges
  }
  RETURN touched, nodes + edges AS rows`;

/**
 * The delta of one write (see CHANGES_QUERY), read in its transaction; null when it touched more than
 * MAX_DELTA_ENTITIES entities (an import of a sheet, say): the next read then fetches the whole graph again.
 */
export async function readSupplyGraphDelta(tx: WriteTx, ids: readonly string[]): Promise<SupplyGraphDelta | null> {
  if (ids.length > MAX_DELTA_ENTITIES) return null;
  if (ids.length === 0) return { touched: [], rows: [] };
  const [row] = await tx.run<{ touched: string[]; rows: SupplyGraphRow[] }>(CHANGES_QUERY, { ids });
  if (row && row.touched.length > MAX_DELTA_ENTITIES) return null;
  return { touched: [...new Set([...ids, ...(row?.touched ?? [])])], rows: row?.rows ?? [] };
}

/** The graph with its outlook from WHOLE_QUERY's rows (pure; exported for tests): COUNTERS edges become the outlook. */
export function supplyGraphFromRows(rows: readonly SupplyGraphRow[]): SupplyGraphWithOutlook {
  const { nodes, edges, outlook, counters } = splitRows(rows);
  return withOutlook(buildSupplyGraph({ nodes, edges }), outlook, counters);
}

/** Every capability, technology, component, material, supplier and country with the supply edges among them. */
export async function fetchSupplyGraph(db: Database): Promise<SupplyGraphWithOutlook> {
  return supplyGraphFromRows(await db.read<SupplyGraphRow>(WHOLE_QUERY));
}

/** The subgraph below one root, in one round trip; null when no entity has that id. */
export async function fetchSubgraph(db: Database, rootId: string): Promise<{ rootKind: EntityKind; graph: SupplyGraph } | null> {
  const [row] = await db.read<{ rootKind: EntityKind | null; nodes: NodeRow[]; edges: EdgeRow[] }>(SUBGRAPH_QUERY, { rootId });
  if (!row || !row.rootKind) return null;
  return { rootKind: row.rootKind, graph: buildSupplyGraph(row) };
}
