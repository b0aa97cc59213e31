// All Cypher of idempotent creates (idempotency.ts): a stored key read, replaced or written inside the caller's write
// transaction, and the sweep of expired keys. Times are passed in (epoch milliseconds), so tests can move the clock.
import type { Database, WriteTx } from '../db/database.js';
import { IDEMPOTENCY_LABEL } from '../db/labels.js';

export const FIND_KEY = `
  MATCH (k:${IDEMPOTENCY_LABEL} {key: $key})
  RETURN k.field AS field, k.result AS result, k.createdAt > datetime({epochMillis: toInteger($now)}) - duration({seconds: $ttl}) AS fresh`;
export const DELETE_KEY = `MATCH (k:${IDEMPOTENCY_LABEL} {key: $key}) DELETE k`;
export const CREATE_KEY = `
  CREATE (k:${IDEMPOTENCY_LABEL} {key: $key, userId: $userId, clientKey: $clientKey, field: $field,
          createdAt: datetime({epochMillis: toInteger($now)}), resultId: $resultId, result: $result})`;
export const SWEEP_KEYS = `
  MATCH (k:${IDEMPOTENCY_LABEL}) WHERE k.createdAt < datetime({epochMillis: toInteger($now)}) - duration({seconds: $ttl})
  WITH k LIMIT 10000 DELETE k RETURN count(*) AS n`;

export interface StoredKey {
  field: string;
  /** The first result, as JSON. */
  result: string;
  /** Younger than the time to live. */
  fresh: boolean;
}

export async function findKey(tx: WriteTx, key: string, ttlSeconds: number, now: number): Promise<StoredKey | null> {
  const [hit] = await tx.run<StoredKey>(FIND_KEY, { key, ttl: ttlSeconds, now });
  return hit ?? null;
}

export async function deleteKey(tx: WriteTx, key: string): Promise<void> {
  await tx.run(DELETE_KEY, { key });
}

export async function storeKey(
  tx: WriteTx,
  stored: { key: string; userId: string; clientKey: string; field: string; now: number; resultId: string | null; result: string },
): Promise<void> {
  await tx.run(CREATE_KEY, stored);
}

/** Deletes up to 10,000 expired keys; returns how many. */
export async function sweepExpiredKeys(db: Database, ttlSeconds: number, now: number): Promise<number> {
  const [row] = await db.write<{ n: number }>(SWEEP_KEYS, { ttl: ttlSeconds, now });
  return row?.n ?? 0;
}
