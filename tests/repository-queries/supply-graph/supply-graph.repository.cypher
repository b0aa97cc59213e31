// Sent by server/src/supply-graph/supply-graph.repository.ts in its integration test (3, sorted).

MATCH (root:Entity {id: $rootId})
WITH root, [l IN labels(root) WHERE l <> 'Entity'][0] AS rootKind
OPTIONAL MATCH (root)<-[:ENABLES]-(t:Technology)
WITH root, rootKind, collect(t) AS enablers
WITH rootKind, [root] + enablers AS starts
CALL (starts) {
  UNWIND starts AS s
  MATCH (s)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..]->(n)
  RETURN collect(DISTINCT n) AS r0
}
WITH rootKind, r0

CALL (r0) {
  UNWIND r0 AS x
  MATCH (x)<-[:SUBSTITUTES]-(s) WHERE NOT s IN r0
  WITH DISTINCT s
  MATCH (s)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..]->(n)
  RETURN collect(DISTINCT n) AS s1
}
WITH rootKind, r0 + [m IN s1 WHERE NOT m IN r0] AS r1
CALL (r1) {
  UNWIND r1 AS x
  MATCH (x)<-[:SUBSTITUTES]-(s) WHERE NOT s IN r1
  WITH DISTINCT s
  MATCH (s)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..]->(n)
  RETURN collect(DISTINCT n) AS s2
}
WITH rootKind, r1 + [m IN s2 WHERE NOT m IN r1] AS r2
CALL (r2) {
  UNWIND r2 AS x
  MATCH (x)<-[:SUBSTITUTES]-(s) WHERE NOT s IN r2
  WITH DISTINCT s
  MATCH (s)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..]->(n)
  RETURN collect(DISTINCT n) AS s3
}
WITH rootKind, r2 + [m IN s3 WHERE NOT m IN r2] AS r3
WITH rootKind, r3 AS reached

CALL (reached) {
  UNWIND reached AS x
  MATCH (x)-[r:ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN]->(y) WHERE y IN reached
  RETURN collect({type: type(r), from: x.id, to: y.id, props: r {.sourceIds, .strength, .criticality, .substitutability, .share, .year, .basis, .rationale}}) AS edges
}
RETURN rootKind, [x IN reached | {
  kind: [l IN labels(x) WHERE l <> 'Entity'][0], props: x {.id, .name, .trl, .horizon, .eu, .iso2, .criticalRawMaterial}, ketAreas: [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}]
}] AS nodes, edges;

MATCH (x:Capability|Technology|Component|Material|Supplier|Country)
RETURN [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, x {.id, .name, .trl, .horizon, .eu, .iso2, .criticalRawMaterial} AS props,
       CASE WHEN x:Technology THEN [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}] END AS ketAreas,
       null AS type, null AS from, null AS to
UNION ALL
MATCH (x:Capability|Technology|Component|Material|Supplier|Country)-[r:ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|COUNTERS]->(y:Capability|Technology|Component|Material|Supplier|Country)
RETURN null AS kind, r {.sourceIds, .strength, .criticality, .substitutability, .share, .year, .basis, .rationale} AS props, null AS ketAreas, type(r) AS type, x.id AS from, y.id AS to;

UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x) {
  RETURN x AS n
  UNION
  MATCH (n:Technology)-[:IN_KET_AREA]->(x)
  RETURN n
}
WITH DISTINCT n
WITH collect(n.id) AS touched, [m IN collect(n) WHERE any(l IN labels(m) WHERE l IN ['Capability', 'Technology', 'Component', 'Material', 'Supplier', 'Country'])] AS supply
CALL (supply) {
  UNWIND supply AS x
  RETURN collect({
    kind: [l IN labels(x) WHERE l <> 'Entity'][0], props: x {.id, .name, .trl, .horizon, .eu, .iso2, .criticalRawMaterial},
    ketAreas: CASE WHEN x:Technology THEN [(x)-[:IN_KET_AREA]->(k:KetArea) | {id: k.id, name: k.name}] END, type: null, from: null, to: null
  }) AS nodes
}
CALL (supply) {
  UNWIND supply AS n
  MATCH (n)-[r:ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|COUNTERS]-(:Capability|Technology|Component|Material|Supplier|Country)
  WITH DISTINCT r
  RETURN collect({
    kind: null, props: r {.sourceIds, .strength, .criticality, .substitutability, .share, .year, .basis, .rationale}, ketAreas: null, type: type(r), from: startNode(r).id, to: endNode(r).id
  }) AS edges
}
RETURN touched, nodes + edges AS rows;
