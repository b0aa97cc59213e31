// Sent by server/src/signal/signal.keys.repository.ts in its integration test (4, sorted).

CALL () { UNWIND $urls AS u MATCH (:Signal {canonicalUrl: u}) RETURN collect(DISTINCT u) AS urls }
CALL () { UNWIND $hashes AS h MATCH (:Signal {contentHash: h}) RETURN collect(DISTINCT h) AS hashes }
RETURN urls, hashes;

CALL () { UNWIND $urls AS u MATCH (s:Signal {canonicalUrl: u}) WHERE s.id <> coalesce($excludeId, '')
          WITH u, s ORDER BY s.id RETURN collect([u, s.id]) AS byUrl }
CALL () { UNWIND $hashes AS h MATCH (s:Signal {contentHash: h}) WHERE s.id <> coalesce($excludeId, '')
          WITH h, s ORDER BY s.id RETURN collect([h, s.id]) AS byHash }
CALL () { UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN collect(i) AS taken }
CALL () { UNWIND $targets AS t MATCH (n:Entity {id: t}) RETURN collect([t, [l IN labels(n) WHERE l <> 'Entity'][0]]) AS targets }
RETURN byUrl, byHash, taken, targets;

MATCH (s:Signal) WHERE s.canonicalUrl IS NULL OR s.contentHash IS NULL
RETURN s.id AS id, s.url AS url, s.name AS name, s.description AS description,
       s.canonicalUrl AS storedUrl, s.contentHash AS storedHash
ORDER BY s.id;

UNWIND $rows AS row MATCH (s:Signal {id: row.id}) SET s.canonicalUrl = row.canonicalUrl, s.contentHash = row.contentHash;
