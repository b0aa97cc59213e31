// Sent by server/src/user/user.repository.ts in its integration test (13, sorted).

CREATE (u:User {id: $id, email: $email, name: $name, role: $role, passwordHash: $passwordHash, createdAt: datetime()})
RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (s:Session {id: $id}) DETACH DELETE s;

MATCH (s:Session {id: $id})-[:SESSION_OF]->(u:User) WHERE s.expiresAt > datetime() AND coalesce(u.status, 'active') = 'active' RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (t:ApiToken {hash: $hash})-[:TOKEN_OF]->(u:User) WHERE t.revokedAt IS NULL AND coalesce(u.status, 'active') = 'active' RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user, t.id AS tokenId;

MATCH (t:ApiToken {id: $id})-[:TOKEN_OF]->(u:User) WHERE $anyUser OR u.id = $userId
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt) } AS token;

MATCH (t:ApiToken)-[:TOKEN_OF]->(:User {id: $userId}) RETURN t { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt) } AS token ORDER BY t.createdAt DESC;

MATCH (u:User {email: $email}) RETURN u { .id, .email, .name, .role, .passwordHash, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (u:User {email: $email}) RETURN u.id AS id;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted' SET u.role = $role RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user;

MATCH (u:User {id: $userId})
CREATE (s:Session {id: $id, createdAt: datetime(), expiresAt: datetime($expiresAt)})-[:SESSION_OF]->(u)
WITH u
// Expired sessions of this user are tidied up as new ones open.
OPTIONAL MATCH (old:Session)-[:SESSION_OF]->(u) WHERE old.expiresAt < datetime()
DETACH DELETE old;

MATCH (u:User {id: $userId})
CREATE (t:ApiToken {id: $id, name: $name, hash: $hash, createdAt: datetime()})-[:TOKEN_OF]->(u)
RETURN t { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt) } AS token;

MATCH (u:User) RETURN count(u) AS n;

MATCH (u:User) WHERE coalesce(u.status, 'active') <> 'deleted' RETURN u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') } AS user ORDER BY u.name, u.email;
