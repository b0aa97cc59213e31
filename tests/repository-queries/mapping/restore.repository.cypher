// Sent by server/src/mapping/restore.repository.ts in its integration test (5, sorted).

CREATE (n:Entity {id: $id})
SET n:$($kind), n = $props, n.revision = $revision, n.updatedAt = datetime(),
    n.createdAt = CASE WHEN $props.createdAt IS NULL THEN datetime() ELSE datetime($props.createdAt) END
WITH n
CALL (n) {
  MATCH (e:ScenarioEvent) WHERE e.targetId = n.id CREATE (e)-[:TARGETS]->(n)
}
CALL (n) {
  MATCH (e:ScenarioEvent) WHERE e.replacesId = n.id CREATE (e)-[:REPLACES]->(n)
}
WITH n
UNWIND (CASE WHEN size($sourceIds) = 0 THEN [null] ELSE $sourceIds END) AS sid
OPTIONAL MATCH (s:Source {id: sid})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (n)-[:SOURCED_FROM]->(s))
RETURN [x IN collect(CASE WHEN s IS NULL THEN sid END) WHERE x IS NOT NULL] AS missingSources;

MATCH (k:Technology {id: $keepId})
SET k.aliases = $aliases, k.revision = coalesce(k.revision, 0) + 1, k.updatedAt = datetime(), k.updatedBy = $actor.name
RETURN k.revision AS revision;

MATCH (m:Entity {id: $mergeId}), (k:Entity {id: $keepId})
CALL (m, k) { MATCH (m)-[:SOURCED_FROM]->(s:Source) MERGE (k)-[:SOURCED_FROM]->(s) }
CALL (m, k) { MATCH (e:ScenarioEvent)-[:TARGETS]->(m) CREATE (e)-[:TARGETS]->(k) SET e.targetId = k.id }
CALL (m, k) { MATCH (e:ScenarioEvent)-[:REPLACES]->(m) CREATE (e)-[:REPLACES]->(k) SET e.replacesId = k.id }
DETACH DELETE m;

MATCH (n:Entity {id: $id}) RETURN n.id AS id;

UNWIND range(0, size($links) - 1) AS index
WITH index, $links[index] AS l
OPTIONAL MATCH (a:Entity {id: l.fromId})
OPTIONAL MATCH (b:Entity {id: l.toId})
WITH index, l, a, b,
     CASE WHEN a IS NULL OR b IS NULL THEN 'missing'
          WHEN EXISTS { (a)-[old]->(b) WHERE type(old) = l.type } THEN 'exists' ELSE 'created' END AS outcome
CALL (a, b, l, outcome) {
  WITH a, b, l WHERE outcome = 'created'
  CREATE (a)-[r:$(l.type)]->(b)
  SET r = l.properties
  SET r.createdAt = CASE WHEN r.createdAt IS NULL THEN null ELSE datetime(r.createdAt) END,
      r.updatedAt = CASE WHEN r.updatedAt IS NULL THEN null ELSE datetime(r.updatedAt) END
}
RETURN index, outcome ORDER BY index;
