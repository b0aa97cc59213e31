// Sent by server/src/notification/digest.repository.ts in its integration test (1, sorted).

MATCH (u:User)
WHERE coalesce(u.status, 'active') = 'active' AND u.email IS NOT NULL
  AND CASE WHEN $email IS NULL THEN EXISTS { (n:Notification)-[:FOR]->(u) WHERE n.createdAt >= datetime($since) } ELSE u.email = $email END
RETURN u.id AS id, u.name AS name, u.email AS email
ORDER BY u.email;
