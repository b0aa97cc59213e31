// Sent by server/src/discussion/comment.repository.ts in its integration test (6, sorted).

MATCH (c:Comment {id: $id})
CREATE (c)-[:EARLIER_VERSION]->(:CommentRevision {commentId: c.id, body: c.body, editedAt: coalesce(c.editedAt, c.createdAt),
        version: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } + 1})
SET c.body = $body, c.editedAt = datetime(),
    c.mentionedIds = coalesce(c.mentionedIds, []) + $mentionedIds, c.mentionedNames = coalesce(c.mentionedNames, []) + $mentionedNames
RETURN c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
revisionCount: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } } AS comment;

MATCH (c:Comment {id: $id})
SET c.deletedAt = datetime(), c.deletedBy = $by
RETURN c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
revisionCount: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } } AS comment;

MATCH (c:Comment {id: $id}) RETURN c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
revisionCount: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } } AS comment;

MATCH (s:Entity {id: $subjectId})
MATCH (u:User {id: $authorId})
CREATE (u)-[:WROTE]->(c:Comment {id: $id, subjectId: $subjectId, body: $body, authorId: u.id, authorName: u.name,
        createdAt: datetime(), mentionedIds: $mentionedIds, mentionedNames: $mentionedNames})-[:ON]->(s)
RETURN c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
revisionCount: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } } AS comment;

UNWIND $ids AS key
MATCH (:Comment {id: key})-[:EARLIER_VERSION]->(r:CommentRevision)
RETURN r { .commentId, .version, .body, editedAt: toString(r.editedAt) } AS revision
ORDER BY r.version;

UNWIND $ids AS key
MATCH (c:Comment)-[:ON]->(:Entity {id: key})
RETURN key, c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
revisionCount: COUNT { (c)-[:EARLIER_VERSION]->(:CommentRevision) } } AS comment
ORDER BY c.createdAt, c.id;
