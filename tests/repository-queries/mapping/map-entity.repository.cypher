// Sent by server/src/mapping/map-entity.repository.ts in its integration test (5, sorted).

MATCH (n:Entity {id: $id})
RETURN
  COLLECT { MATCH (s:Scenario)-[:HAS_EVENT]->(e:ScenarioEvent) WHERE e.targetId = $id OR e.replacesId = $id
            WITH DISTINCT s ORDER BY s.name RETURN properties(s) } AS scenarios,
  COLLECT { UNWIND [n] + [(n)-[:SUBSTITUTES]->(x) | x] AS start
            MATCH (start)<-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..8]-(:Technology)-[:ENABLES]->(c:Capability)
            WITH DISTINCT c ORDER BY c.name RETURN properties(c) } +
  CASE WHEN n:Capability THEN [properties(n)] ELSE [] END AS capabilities,
  CASE WHEN n:Source THEN COUNT { (n)<-[:SOURCED_FROM]-() } + COUNT { ()-[r]->() WHERE type(r) IN $types AND $id IN r.sourceIds } ELSE 0 END AS citations;

MATCH (n:Entity {id: $id}) RETURN [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS ids;

MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.createdBy AS createdBy, n.createdByName AS createdByName;

MATCH (n:Entity) WHERE n.id = $base OR n.id STARTS WITH $prefix RETURN n.id AS id;

UNWIND $ids AS ownerId
MATCH (n:Entity {id: ownerId})
CALL (n) {
  MATCH (n)-[r]->(o:Entity) WHERE type(r) IN $types RETURN r, n AS a, o AS b
  UNION MATCH (o:Entity)-[r]->(n) WHERE type(r) IN $types AND o <> n RETURN r, o AS a, n AS b
}
RETURN ownerId, type(r) AS type, properties(a) AS from, [l IN labels(a) WHERE l <> 'Entity'][0] AS fromKind, properties(b) AS to, [l IN labels(b) WHERE l <> 'Entity'][0] AS toKind, properties(r) AS props
ORDER BY ownerId, type, from.name, to.name;
