// Sent by server/src/signal/signal.import.repository.ts in its integration test (1, sorted).

UNWIND $rows AS row
CREATE (s:Entity:Signal {id: row.id})
SET s += row.props, s.createdBy = $author, s.createdAt = datetime(), s.updatedAt = datetime()
WITH s, row
CALL (s, row) {
  UNWIND row.links AS l
  MATCH (t:Entity {id: l.targetId})
  MERGE (s)-[r:INDICATES]->(t) SET r.relevance = l.relevance
}
RETURN count(*) AS created;
