// Sent by server/src/explorer/search.repository.ts in its integration test (2, sorted).

CALL db.index.fulltext.queryNodes($index, $query) YIELD node
RETURN [l IN labels(node) WHERE l <> 'Entity'][0] AS kind, count(*) AS count;

CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS kind
WHERE $kinds IS NULL OR kind IN $kinds
WITH node, score, kind,
     toLower(node.name) = $exact OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact) AS exact
ORDER BY exact DESC, round(score, 4) DESC, coalesce($kindRank[kind], 99), node.name, node.id
SKIP $skip LIMIT $limit
RETURN kind, properties(node) AS props, score, exact;
