// Sent by server/src/entity/entity.repository.ts in its integration test (3, sorted).

MATCH (n:Entity) RETURN count(n) AS n;

UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props;

UNWIND $ids AS ownerId
MATCH (:Entity {id: ownerId})-[:SOURCED_FROM]->(s:Source)
RETURN ownerId, properties(s) AS props
ORDER BY s.year DESC, s.name;
