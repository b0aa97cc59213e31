// Sent by server/src/mapping/mapping.repository.ts in its integration test (4, sorted).

UNWIND $ids AS id MATCH (a)-[r:DEPENDS_ON]->(b:Entity {id: id})
   RETURN properties(a) AS dependantProps, [l IN labels(a) WHERE l <> 'Entity'][0] AS dependantKind,
properties(b) AS dependencyProps, [l IN labels(b) WHERE l <> 'Entity'][0] AS dependencyKind,
r.criticality AS criticality, coalesce(r.substitutability, 0.0) AS substitutability,
r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds ORDER BY r.criticality DESC, a.name;

UNWIND $ids AS id MATCH (a:Entity {id: id})-[r:DEPENDS_ON]->(b)
   RETURN properties(a) AS dependantProps, [l IN labels(a) WHERE l <> 'Entity'][0] AS dependantKind,
properties(b) AS dependencyProps, [l IN labels(b) WHERE l <> 'Entity'][0] AS dependencyKind,
r.criticality AS criticality, coalesce(r.substitutability, 0.0) AS substitutability,
r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds ORDER BY r.criticality DESC, b.name;

UNWIND $ids AS id MATCH (t:Technology {id: id})-[r:ENABLES]->(c:Capability)
   RETURN properties(t) AS technology, properties(c) AS capability,
r.strength AS strength, r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds ORDER BY r.strength DESC, c.name;

UNWIND $ids AS id MATCH (t:Technology)-[r:ENABLES]->(c:Capability {id: id})
   RETURN properties(t) AS technology, properties(c) AS capability,
r.strength AS strength, r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds ORDER BY r.strength DESC, t.name;
