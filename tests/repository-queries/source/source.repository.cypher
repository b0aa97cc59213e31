// Sent by server/src/source/source.repository.ts in its integration test (1, sorted).

MATCH (s:Source)
WHERE toLower(s.name) CONTAINS $q OR toLower(coalesce(s.publisher, '')) CONTAINS $q OR toLower(coalesce(s.url, '')) CONTAINS $q
RETURN properties(s) AS props
ORDER BY CASE WHEN toLower(s.name) STARTS WITH $q THEN 0 ELSE 1 END, s.year DESC, s.name
LIMIT $first;
