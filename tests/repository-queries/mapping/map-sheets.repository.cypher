// Sent by server/src/mapping/map-sheets.repository.ts in its integration test (3, sorted).

MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to;

MATCH (c:Capability {id: $capabilityId})
OPTIONAL MATCH (c)<-[:ENABLES]-(:Technology)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..12]->(x)
WITH c, collect(DISTINCT x) AS chain
WITH [c] + chain AS inner
CALL (inner) { UNWIND inner AS n OPTIONAL MATCH (s)-[:SUBSTITUTES]->(n) RETURN collect(DISTINCT s) AS subs }
WITH inner + subs AS nodes
RETURN [n IN nodes | n.id] AS ids,
  COLLECT { UNWIND nodes AS n MATCH (n)-[:SOURCED_FROM]->(src:Source) RETURN DISTINCT src.id } AS entitySources,
  COLLECT { UNWIND nodes AS n MATCH (n)-[r]->(m) WHERE m IN nodes AND type(r) IN $types UNWIND coalesce(r.sourceIds, []) AS sid RETURN DISTINCT sid } AS linkSources;

MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $kinds) AND ($ids IS NULL OR n.id IN $ids)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds
ORDER BY n.id;
