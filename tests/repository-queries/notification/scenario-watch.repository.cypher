// Sent by server/src/notification/scenario-watch.repository.ts in its integration test (2, sorted).

MATCH (:User {id: $userId})-[f:FOLLOWS]->(s:Scenario {id: $scenarioId})
WHERE (f.impactSummary IS NULL AND $expected IS NULL) OR f.impactSummary = $expected
SET f.impactSummary = $summary
RETURN count(f) AS changed;

MATCH (u:User)-[f:FOLLOWS]->(s:Scenario)
WHERE coalesce(u.status, 'active') <> 'deleted'
RETURN s.id AS scenarioId, coalesce(s.name, s.id) AS scenarioName, u.id AS userId, f.impactSummary AS summary
ORDER BY s.id, u.id;
