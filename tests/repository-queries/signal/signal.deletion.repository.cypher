// Sent by server/src/signal/signal.deletion.repository.ts in its integration test (5, sorted).

MATCH (d:DeletedSignal {id: $id})
RETURN EXISTS { MATCH (:Entity {id: $id}) } AS sameId,
  COLLECT { MATCH (o:Signal) WHERE d.canonicalUrl IS NOT NULL AND o.canonicalUrl = d.canonicalUrl RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS sameUrl,
  COLLECT { MATCH (o:Signal) WHERE d.contentHash IS NOT NULL AND o.contentHash = d.contentHash RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS sameContent;

MATCH (s:DeletedSignal {id: $id})
REMOVE s:DeletedSignal, s.deletedAt, s.deletedById, s.deletedByName
SET s:Entity:Signal, s.updatedAt = datetime();

MATCH (s:DeletedSignal {id: $id}) RETURN s.id AS id;

MATCH (s:Signal {id: $id})
OPTIONAL MATCH (s)-[r:INDICATES]->()
WITH s, collect(r) AS links
FOREACH (r IN links | DELETE r)
REMOVE s:Entity:Signal
SET s:DeletedSignal, s.deletedAt = datetime(), s.deletedById = $by.id, s.deletedByName = $by.name
RETURN size(links) AS removed;

UNWIND $ids AS i MATCH (s:DeletedSignal {id: i}) RETURN i AS id;
