// Sent by server/src/discussion/notification.writes.repository.ts in its integration test (1, sorted).

UNWIND $rows AS row
MATCH (u:User {id: row.userId}) WHERE u.id <> $draft.actorId
OPTIONAL MATCH (s:Entity {id: $draft.subjectId})
CREATE (n:Notification {
  id: row.id, kind: $draft.kind, subjectId: $draft.subjectId,
  subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, $draft.subjectId),
  actorId: $draft.actorId, actorName: $draft.actorName, message: $draft.message, createdAt: datetime(), readAt: null
})-[:FOR]->(u)
RETURN count(n) AS written;
