// Sent by server/src/discussion/people.repository.ts in its integration test (4, sorted).

MATCH (s:Entity {id: $id}) RETURN s.id AS id, [l IN labels(s) WHERE l <> 'Entity'][0] AS kind, coalesce(s.name, s.id) AS name;

MATCH (u:User {id: $id}) WHERE coalesce(u.status, 'active') = 'active' RETURN u { .id, .name, handle: toLower(split(u.email, '@')[0]), .role } AS user;

MATCH (u:User) WHERE coalesce(u.status, 'active') = 'active' AND (toLower(split(u.email, '@')[0]) IN $keys OR toLower(trim(u.name)) IN $keys)
RETURN u { .id, .name, handle: toLower(split(u.email, '@')[0]), .role } AS user;

MATCH (u:User) WHERE coalesce(u.status, 'active') = 'active' RETURN u { .id, .name, handle: toLower(split(u.email, '@')[0]), .role } AS user ORDER BY toLower(u.name), u.id;
