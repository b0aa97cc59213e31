// Sent by server/src/signal/signal.repository.ts in its integration test (8, sorted).

CALL () { CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS s WITH s WHERE s:Signal WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status) RETURN count(s) AS total }
   CALL () {
     CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS s WITH s WHERE s:Signal WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status)
       AND ($afterDay IS NULL OR s.publishedAt < $afterDay OR (s.publishedAt = $afterDay AND s.id < $afterId))
     WITH s ORDER BY s.publishedAt DESC, s.id DESC LIMIT $limit
     RETURN collect(properties(s)) AS page
   }
   RETURN total, page;

CALL () { MATCH (s:Signal) WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status) RETURN count(s) AS total }
   CALL () {
     MATCH (s:Signal) WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status)
       AND ($afterDay IS NULL OR s.publishedAt < $afterDay OR (s.publishedAt = $afterDay AND s.id < $afterId))
     WITH s ORDER BY s.publishedAt DESC, s.id DESC LIMIT $limit
     RETURN collect(properties(s)) AS page
   }
   RETURN total, page;

CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS s WITH s WHERE s:Signal WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status) RETURN s.id AS id;

CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS s WITH s WHERE s:Signal WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) RETURN s.status AS status, s.steep AS steep, count(*) AS n;

MATCH (s:Signal) WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) AND ($status IS NULL OR s.status = $status) RETURN s.id AS id;

MATCH (s:Signal) WITH s WHERE
($steep IS NULL OR s.steep = $steep)
AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
AND ($from IS NULL OR s.publishedAt >= $from)
AND ($to IS NULL OR s.publishedAt <= $to) RETURN s.status AS status, s.steep AS steep, count(*) AS n;

UNWIND $ids AS key
MATCH (s:Signal {id: key})-[r:INDICATES]->(t)
RETURN key, properties(s) AS signal, [l IN labels(t) WHERE l <> 'Entity'][0] AS kind, properties(t) AS target, r.relevance AS relevance
ORDER BY coalesce(r.relevance, 0) DESC, t.name;

UNWIND $ids AS key
MATCH (s:Signal)-[r:INDICATES]->(t:Entity {id: key})
RETURN key, properties(s) AS signal, [l IN labels(t) WHERE l <> 'Entity'][0] AS kind, properties(t) AS target, r.relevance AS relevance
ORDER BY s.publishedAt DESC, s.id DESC;
