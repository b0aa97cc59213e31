// Sent by server/src/notification/notification.repository.ts in its integration test (8, sorted).

CALL db.index.fulltext.queryNodes($index, $query) YIELD node
WITH node WHERE node:Signal AND node.id IN $signalIds
RETURN node.id AS id, node.name AS name;

MATCH (n:Notification)-[:FOR]->(:User {id: $userId})
WHERE ($unreadOnly = false OR n.readAt IS NULL) AND ($since IS NULL OR n.createdAt >= datetime($since))
WITH n ORDER BY CASE WHEN $unreadFirst AND n.readAt IS NULL THEN 0 ELSE 1 END, n.createdAt DESC, n.id DESC
LIMIT $limit
RETURN n { .id, .kind, .subjectId, .subjectKind, .subjectName, .actorId, .actorName, .message,
createdAt: toString(n.createdAt), readAt: toString(n.readAt) } AS n;

MATCH (n:Notification)-[:FOR]->(:User {id: $userId})
WHERE n.readAt IS NULL AND ($ids IS NULL OR n.id IN $ids)
SET n.readAt = datetime()
RETURN count(n) AS changed;

MATCH (u:User {id: $userId})
RETURN COUNT { (n:Notification)-[:FOR]->(u) } AS total,
       COUNT { (n:Notification)-[:FOR]->(u) WHERE n.readAt IS NULL } AS unread;

MATCH (u:User)-[:FOLLOWS]->(s:SavedSearch)
WHERE u.id <> $actorId AND coalesce(u.status, 'active') <> 'deleted' AND (size(coalesce(s.kinds, [])) = 0 OR 'Signal' IN s.kinds)
RETURN s.id AS id, s.name AS name, s.query AS query, collect(u.id) AS followerIds;

UNWIND $drafts AS d
MATCH (u:User {id: d.userId})
OPTIONAL MATCH (s:Entity {id: d.subjectId})
CREATE (n:Notification {id: d.id, kind: d.kind, subjectId: d.subjectId,
                                subjectKind: coalesce(d.subjectKind, [l IN labels(s) WHERE l <> 'Entity'][0]), subjectName: coalesce(d.subjectName, s.name, d.subjectId),
                                actorId: $actorId, actorName: $actorName, message: d.message, createdAt: datetime(), readAt: null})-[:FOR]->(u)
RETURN count(n) AS written;

UNWIND $ids AS key
MATCH (x:Entity {id: key})
OPTIONAL MATCH (u:User)-[:FOLLOWS]->(x) WHERE u.id <> $actorId AND coalesce(u.status, 'active') <> 'deleted'
RETURN x.id AS id, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, coalesce(x.name, x.id) AS name, collect(u.id) AS followerIds;

UNWIND $ids AS key MATCH (n:Notification {id: key})-[:FOR]->(:User {id: $userId}) RETURN n.id AS id;
