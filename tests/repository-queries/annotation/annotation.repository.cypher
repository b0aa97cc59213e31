// Sent by server/src/annotation/annotation.repository.ts in its integration test (7, sorted).

MATCH (a:Annotation {id: $id})
CREATE (r:AnnotationRevision)-[:REVISION_OF]->(a)
SET r = {annotationId: a.id, version: a.version, action: $action, author: $author, at: a.updatedAt, reason: $reason, moderated: $moderated,
         text: a.text, impact: a.impact, likelihood: a.likelihood, horizonYear: a.horizonYear,
         reliability: a.reliability, credibility: a.credibility, tags: coalesce(a.tags, []), references: coalesce(a.references, [])};

MATCH (a:Annotation {id: $id})
WITH a, datetime() AS now
SET a += $props, a.version = a.version + 1, a.updatedBy = $author, a.updatedAt = now,
    a.authorUpdatedAt = CASE WHEN $moderated THEN coalesce(a.authorUpdatedAt, a.createdAt) ELSE now END
RETURN properties(a) AS props;

MATCH (a:Annotation {id: $id})
WITH a, datetime() AS now
SET a.deleted = true, a.deletedBy = $author, a.deletedAt = now, a.version = a.version + 1,
    a.updatedBy = $author, a.updatedAt = now
RETURN properties(a) AS props;

MATCH (a:Annotation {id: $id}) RETURN properties(a) AS props;

MATCH (t:Entity {id: $targetId})
WITH t, datetime() AS now
CREATE (a:Entity:Annotation {id: $id})-[:ANNOTATES]->(t)
SET a += $props, a.targetId = $targetId, a.author = $author, a.authorId = $authorId, a.updatedBy = $author, a.version = 1,
    a.deleted = false, a.createdAt = now, a.updatedAt = now, a.authorUpdatedAt = now
RETURN properties(a) AS props;

UNWIND $ids AS key
MATCH (a:Annotation)-[:ANNOTATES]->(:Entity {id: key})
RETURN key, properties(a) AS props
ORDER BY a.createdAt DESC, a.id;

UNWIND $ids AS key
MATCH (r:AnnotationRevision)-[:REVISION_OF]->(:Annotation {id: key})
RETURN properties(r) AS props
ORDER BY r.version;
