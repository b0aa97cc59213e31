// Sent by server/src/user/account.repository.ts in its integration test (8, sorted).

MATCH (t:ApiToken)-[:TOKEN_OF]->(u:User) WHERE $userId IS NULL OR u.id = $userId
RETURN t { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt),
           ownerId: u.id, ownerName: u.name } AS token
ORDER BY t.createdAt DESC;

MATCH (u:User {email: $email})
WHERE coalesce(u.status, 'active') = 'active' AND u.resetCodeHash = $hash AND u.resetCodeExpiresAt > datetime($now)
SET u.passwordHash = $passwordHash
REMOVE u.resetCodeHash, u.resetCodeExpiresAt
WITH u
CALL (u) { OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) DETACH DELETE s }
RETURN u.id AS id;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted'
CALL (u) { OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) DETACH DELETE s }
CALL (u) { OPTIONAL MATCH (t:ApiToken)-[:TOKEN_OF]->(u) DETACH DELETE t }
CALL (u) { OPTIONAL MATCH (n:Entity {authorId: u.id}) SET n.authorFormer = true }
SET u.status = 'deleted', u.deletedAt = datetime($now)
REMOVE u.email, u.passwordHash, u.resetCodeHash, u.resetCodeExpiresAt, u.disabledAt
RETURN u.id AS id, u.name AS name;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted'
SET u.passwordHash = $passwordHash
WITH u
CALL (u) {
  OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) WHERE s.id <> coalesce($keep, '')
  DETACH DELETE s
  RETURN count(s) AS ended
}
RETURN ended;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted'
SET u.resetCodeHash = $hash, u.resetCodeExpiresAt = datetime($expiresAt)
RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted'
SET u.status = 'disabled', u.disabledAt = datetime($now)
WITH u
CALL (u) { OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) DETACH DELETE s }
CALL (u) { OPTIONAL MATCH (t:ApiToken)-[:TOKEN_OF]->(u) WHERE t.revokedAt IS NULL SET t.revokedAt = datetime($now) }
RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted' RETURN u.passwordHash AS hash;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted' SET u.status = 'active' REMOVE u.disabledAt RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;
