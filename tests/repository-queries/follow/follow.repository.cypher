// Sent by server/src/follow/follow.repository.ts in its integration test (7, sorted).

MATCH (:User {id: $userId})-[:OWNS]->(s:SavedSearch {id: $id})
DETACH DELETE s
RETURN count(*) AS removed;

MATCH (:User {id: $userId})-[f:FOLLOWS]->(x {id: $targetId})
DELETE f
RETURN count(f) AS removed;

MATCH (:User {id: $userId})-[f:FOLLOWS]->(x)
RETURN { targetId: x.id, targetKind: coalesce([l IN labels(x) WHERE l <> 'Entity'][0], 'SavedSearch'), targetName: coalesce(x.name, x.id), since: toString(f.since) } AS follow
ORDER BY f.since DESC, x.id;

MATCH (u:User {id: $userId})
CALL (u) {
  OPTIONAL MATCH (e:Entity {id: $targetId})
  OPTIONAL MATCH (u)-[:OWNS]->(s:SavedSearch {id: $targetId})
  RETURN coalesce(e, s) AS x
}
WITH u, x WHERE x IS NOT NULL
MERGE (u)-[f:FOLLOWS]->(x)
ON CREATE SET f.since = datetime()
RETURN { targetId: x.id, targetKind: coalesce([l IN labels(x) WHERE l <> 'Entity'][0], 'SavedSearch'), targetName: coalesce(x.name, x.id), since: toString(f.since) } AS follow;

MATCH (u:User {id: $userId})
CREATE (u)-[:OWNS]->(s:SavedSearch {id: $id, name: $name, query: $query, kinds: $kinds, createdAt: datetime()})
CREATE (u)-[:FOLLOWS {since: datetime()}]->(s)
RETURN s { .id, .name, .query, kinds: coalesce(s.kinds, []), createdAt: toString(s.createdAt), followed: EXISTS { (u)-[:FOLLOWS]->(s) } } AS search;

MATCH (u:User {id: $userId})-[:OWNS]->(s:SavedSearch)
RETURN s { .id, .name, .query, kinds: coalesce(s.kinds, []), createdAt: toString(s.createdAt), followed: EXISTS { (u)-[:FOLLOWS]->(s) } } AS search
ORDER BY s.name, s.id;

UNWIND $ids AS key
MATCH (:User {id: $userId})-[:FOLLOWS]->(x {id: key})
RETURN x.id AS id;
