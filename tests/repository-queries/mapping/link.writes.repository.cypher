// Sent by server/src/mapping/link.writes.repository.ts in its integration test (8, sorted).

MATCH (:Entity {id: $fromId})-[:IN_KET_AREA]->(t:Entity) RETURN t.id AS id;

MATCH (:Entity {id: $fromId})-[r:IN_KET_AREA]->(:Entity {id: $toId})
WITH r, properties(r) AS props DELETE r RETURN props;

MATCH (:Entity {id: $fromId})-[r:SUPPLIED_BY]->(:Entity {id: $toId})
WITH r, properties(r) AS props DELETE r RETURN props;

MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MERGE (a)-[r:IN_KET_AREA]->(b)
ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor.id
WITH a, b, r
CALL (r) { WITH r WHERE $changed SET r += $props, r.sourceIds = $sourceIds, r.updatedAt = datetime(), r.updatedBy = $actor.name }
RETURN properties(a) AS from, [l IN labels(a) WHERE l <> 'Entity'][0] AS fromKind, properties(b) AS to, [l IN labels(b) WHERE l <> 'Entity'][0] AS toKind, properties(r) AS props;

MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MERGE (a)-[r:SUPPLIED_BY]->(b)
ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor.id
WITH a, b, r
CALL (r) { WITH r WHERE $changed SET r += $props, r.sourceIds = $sourceIds, r.updatedAt = datetime(), r.updatedBy = $actor.name }
RETURN properties(a) AS from, [l IN labels(a) WHERE l <> 'Entity'][0] AS fromKind, properties(b) AS to, [l IN labels(b) WHERE l <> 'Entity'][0] AS toKind, properties(r) AS props;

MATCH (a:Entity {id: $fromId})-[r:IN_KET_AREA]->(b:Entity {id: $toId}) RETURN properties(r) AS props;

MATCH (a:Entity {id: $fromId})-[r:SUPPLIED_BY]->(b:Entity {id: $toId}) RETURN properties(r) AS props;

MATCH (i:Entity {id: $itemId}) SET i.updatedAt = datetime()
WITH i OPTIONAL MATCH (i)-[r:SUPPLIED_BY]->(s:Supplier) WHERE s.id <> $supplierId
RETURN sum(coalesce(r.share, 0.0)) AS others;
