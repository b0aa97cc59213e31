// Against the throwaway Neo4j: a stored idempotency key is found while fresh, seen as stale after its time to live
// (the clock is passed in), replaced, and swept. Times are epoch milliseconds chosen by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { deleteKey, findKey, storeKey, sweepExpiredKeys } from './idempotency.repository.js';

const queries = new QueryRecorder('hardening/idempotency.repository');
let db: Database;
const T0 = Date.UTC(2026, 0, 1);
const TTL = 60;
const stored = (key: string, now: number) => ({
  key,
  userId: 'user:a',
  clientKey: key,
  field: 'createTechnology',
  now,
  resultId: 'tech:x',
  result: '{"id":"tech:x"}',
});

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

describe('idempotency keys', () => {
  it('are found fresh within the time to live and stale after it', async () => {
    await db.writeTransaction((tx) => storeKey(tx, stored('k1', T0)));
    expect(await db.writeTransaction((tx) => findKey(tx, 'k1', TTL, T0 + 59_000))).toEqual({
      field: 'createTechnology',
      result: '{"id":"tech:x"}',
      fresh: true,
    });
    expect(await db.writeTransaction((tx) => findKey(tx, 'k1', TTL, T0 + 61_000))).toMatchObject({ fresh: false });
    expect(await db.writeTransaction((tx) => findKey(tx, 'nope', TTL, T0))).toBeNull();
  });

  it('are deleted one by one, or swept when expired', async () => {
    await db.writeTransaction((tx) => deleteKey(tx, 'k1'));
    expect(await db.writeTransaction((tx) => findKey(tx, 'k1', TTL, T0))).toBeNull();
    await db.writeTransaction((tx) => storeKey(tx, stored('old', T0)));
    await db.writeTransaction((tx) => storeKey(tx, stored('new', T0 + 120_000)));
    // At T0 + 130 s with a 60 s TTL only "old" (130 s) has expired; "new" (10 s) stays.
    expect(await sweepExpiredKeys(db, TTL, T0 + 130_000)).toBe(1);
    expect(await db.writeTransaction((tx) => findKey(tx, 'new', TTL, T0 + 130_000))).toMatchObject({ fresh: true });
  });

  queries.snapshotTest();
});
