// Sent by server/src/hardening/idempotency.repository.ts in its integration test (4, sorted).

CREATE (k:IdempotencyKey {key: $key, userId: $userId, clientKey: $clientKey, field: $field,
createdAt: datetime({epochMillis: toInteger($now)}), resultId: $resultId, result: $result});

MATCH (k:IdempotencyKey {key: $key})
RETURN k.field AS field, k.result AS result, k.createdAt > datetime({epochMillis: toInteger($now)}) - duration({seconds: $ttl}) AS fresh;

MATCH (k:IdempotencyKey {key: $key}) DELETE k;

MATCH (k:IdempotencyKey) WHERE k.createdAt < datetime({epochMillis: toInteger($now)}) - duration({seconds: $ttl})
WITH k LIMIT 10000 DELETE k RETURN count(*) AS n;
