// Sent by server/src/signal/suggestion.repository.ts in its integration test (3, sorted).

MATCH (s:Signal {id: $signalId}), (t:Technology {id: $technologyId})
MERGE (s)-[r:REJECTED_SUGGESTION]->(t)
ON CREATE SET r.by = $by, r.byId = $byId, r.at = datetime()
RETURN r.by AS by, toString(r.at) AS at;

MATCH (s:Signal)
WITH s ORDER BY s.publishedAt DESC, s.id DESC LIMIT $limit
RETURN properties(s) AS props,
       [(s)-[:INDICATES]->(t:Technology) | t.id] AS technologyIds,
       [(s)-[:INDICATES]->(t) | t.id] AS linkedIds,
       [(s)-[:REJECTED_SUGGESTION]->(t:Technology) | t.id] AS rejectedIds;

MATCH (t:Technology)
RETURN properties(t) AS props
ORDER BY t.id;
