// Against the throwaway Neo4j: readiness reads the full-text index's state and the idempotency constraint, both
// created by applySchema (which resetDatabase runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import { hasIdempotencyConstraint, indexState } from './readiness.repository.js';

const queries = new QueryRecorder('availability/readiness.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.schema('CALL db.awaitIndexes(120)');
});
afterAll(closeTestDatabase);

describe('readiness', () => {
  it('sees the full-text index online and the idempotency constraint in place', async () => {
    expect(await indexState(db, FULLTEXT_INDEX)).toBe('ONLINE');
    expect(await hasIdempotencyConstraint(db)).toBe(true);
  });

  it('says null for an index that does not exist', async () => {
    expect(await indexState(db, 'no_such_index')).toBeNull();
  });

  queries.snapshotTest();
});
