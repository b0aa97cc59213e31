// Sent by server/src/entity/entity.writes.repository.ts in its integration test (7, sorted).

CREATE (n:Entity:Component {id: $id})
SET n += $props, n.createdAt = datetime(), n.updatedAt = datetime(), n.revision = 1,
    n.createdBy = $actor.id, n.createdByName = $actor.name, n.updatedBy = $actor.name
WITH n
CALL (n) { UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s) }
RETURN properties(n) AS props;

MATCH (n:Component {id: $id})
SET n += $props, n.updatedAt = datetime(), n.updatedBy = $actor.name, n.revision = coalesce(n.revision, 0) + 1
WITH n
CALL (n) {
  WITH n WHERE $sourceIds IS NOT NULL
  OPTIONAL MATCH (n)-[old:SOURCED_FROM]->()
  DELETE old
  WITH DISTINCT n
  UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s)
}
RETURN properties(n) AS props;

MATCH (n:Component {id: $id}) RETURN properties(n) AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds;

MATCH (n:Entity {id: $id}) RETURN n.id AS id;

MATCH (n:Technology {id: $id})
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS removed
DETACH DELETE n
RETURN removed;

MATCH (n:Technology {id: $id})
RETURN properties(n) AS props,
  [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds,
  [(n)-[r]->(o:Entity) WHERE type(r) <> 'SOURCED_FROM' | {type: type(r), fromId: n.id, toId: o.id, properties: properties(r)}]
  + [(o:Entity)-[r]->(n) WHERE o <> n | {type: type(r), fromId: o.id, toId: n.id, properties: properties(r)}] AS links;

UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind;
