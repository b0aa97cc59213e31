// Sent by server/src/db/data-version.repository.ts in its integration test (2, sorted).

MERGE (v:AtlasDataVersion {id: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.n = 0
SET v.n = v.n + 1
RETURN v.epoch + ':' + toString(v.n) AS version;

OPTIONAL MATCH (v:AtlasDataVersion {id: 'graph'})
RETURN CASE WHEN v IS NULL THEN null ELSE v.epoch + ':' + toString(v.n) END AS version;
