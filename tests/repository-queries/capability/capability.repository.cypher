// Sent by server/src/capability/capability.repository.ts in its integration test (1, sorted).

CALL () { MATCH (c:Capability) WHERE ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
AND ($domain IS NULL OR c.domain = $domain) RETURN count(c) AS total }
   CALL () {
     MATCH (c:Capability) WHERE ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
AND ($domain IS NULL OR c.domain = $domain)
       AND ($afterName IS NULL OR c.name > $afterName OR (c.name = $afterName AND c.id > $afterId))
     WITH c ORDER BY c.name, c.id LIMIT $limit
     RETURN collect(properties(c)) AS page
   }
   RETURN total, page;
