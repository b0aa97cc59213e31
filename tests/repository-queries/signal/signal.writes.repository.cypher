// Sent by server/src/signal/signal.writes.repository.ts in its integration test (6, sorted).

CREATE (s:Entity:Signal {id: $id})
SET s += $props, s.createdBy = $author, s.createdAt = datetime(), s.updatedAt = datetime()
WITH s
CALL (s) { UNWIND $links AS l MATCH (t:Entity {id: l.targetId}) MERGE (s)-[r:INDICATES]->(t) SET r.relevance = l.relevance }
RETURN properties(s) AS props;

MATCH (s:Signal {id: $id}) RETURN properties(s) AS props;

MATCH (s:Signal {id: $id}) SET s += $props, s.updatedAt = datetime() RETURN properties(s) AS props;

MATCH (s:Signal {id: $signalId})
WITH s, s.status AS before
SET s.updatedAt = datetime(), s.status = CASE WHEN s.status IN ['new', 'assessed'] THEN 'linked' ELSE s.status END
RETURN properties(s) AS signal, before;

UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN i AS id;

UNWIND $ids AS id MATCH (s:Signal {id: id})
WITH s, s.status AS before
SET s.status = $status, s.statusBy = $author, s.updatedAt = datetime()
RETURN properties(s) AS props, before;
