// Sent by server/src/roadmap/roadmap.repository.ts in its integration test (1, sorted).

MATCH (c:Capability {id: $capabilityId})
RETURN c.id AS id, c.name AS name,
       [(t:Technology)-[e:ENABLES]->(c) | {
         id: t.id, name: t.name, strength: e.strength, trl: t.trl, trlYear: t.trlYear, horizon: t.horizon
       }] AS lanes;
