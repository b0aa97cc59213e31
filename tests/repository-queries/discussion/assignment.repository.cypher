// Sent by server/src/discussion/assignment.repository.ts in its integration test (8, sorted).

MATCH (a:Assignment {id: $id})
SET a.due = date($due), a.note = $note, a.assignedById = $actorId, a.assignedByName = $actorName
WITH a
MATCH (a)-[:ASSIGNED_TO]->(u:User) OPTIONAL MATCH (a)-[:ON]->(s:Entity)
RETURN a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;

MATCH (a:Assignment {id: $id}) DETACH DELETE a;

MATCH (a:Assignment {id: $id}) MATCH (a)-[:ASSIGNED_TO]->(u:User) OPTIONAL MATCH (a)-[:ON]->(s:Entity) RETURN a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;

MATCH (a:Assignment {id: $id}) SET a.completedAt = datetime(), a.completedBy = $by WITH a MATCH (a)-[:ASSIGNED_TO]->(u:User) OPTIONAL MATCH (a)-[:ON]->(s:Entity) RETURN a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;

MATCH (a:Assignment {subjectId: $subjectId})-[:ASSIGNED_TO]->(:User {id: $assigneeId})
WHERE a.completedAt IS NULL
RETURN a.id AS id LIMIT 1;

MATCH (a:Assignment)-[:ASSIGNED_TO]->(u:User {id: $userId})
WHERE $includeDone OR a.completedAt IS NULL
OPTIONAL MATCH (a)-[:ON]->(s:Entity)
RETURN a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;

MATCH (s:Entity {id: $subjectId})
MATCH (u:User {id: $assigneeId})
CREATE (a:Assignment {id: $id, subjectId: s.id, subjectName: s.name, createdAt: datetime(), due: date($due), note: $note,
        assignedById: $actorId, assignedByName: $actorName})-[:ON]->(s)
CREATE (a)-[:ASSIGNED_TO]->(u)
WITH a
MATCH (a)-[:ASSIGNED_TO]->(u:User) OPTIONAL MATCH (a)-[:ON]->(s:Entity)
RETURN a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;

UNWIND $ids AS key
MATCH (a:Assignment {subjectId: key})-[:ASSIGNED_TO]->(u:User)
OPTIONAL MATCH (a)-[:ON]->(s:Entity)
RETURN key, a { .id, .subjectId, subjectKind: [l IN labels(s) WHERE l <> 'Entity'][0], subjectName: coalesce(s.name, a.subjectName, a.subjectId),
assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy } AS assignment;
