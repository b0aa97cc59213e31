// Against the throwaway Neo4j: the data version is null while there is no counter node, and every write transaction
// through Database bumps the counter by one, within one epoch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from './database.js';
import { bumpVersion, readVersion } from './data-version.repository.js';
import { DATA_VERSION_LABEL } from './labels.js';

const queries = new QueryRecorder('db/data-version.repository');
let db: Database;
/** Reads the version in a read transaction (no bump). */
const current = () => readVersion({ run: (cypher, params) => db.read(cypher, params) });

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  // db.schema runs a statement without the bump, so the counter node can be removed for good.
  await db.schema(`MATCH (v:${DATA_VERSION_LABEL}) DELETE v`);
});
afterAll(closeTestDatabase);

describe('the data version', () => {
  it('is null while there is no counter node', async () => {
    expect(await current()).toBeNull();
  });

  it('starts at 1 with the first write, and counts each bump', async () => {
    await db.write('RETURN 1');
    const first = await current();
    expect(first).toMatch(/^[0-9a-f-]{36}:1$/);
    const epoch = first!.split(':')[0];
    // A bump inside the transaction gives 2; Database adds its own at the end: 3.
    expect(await db.writeTransaction((tx) => bumpVersion(tx))).toBe(`${epoch}:2`);
    expect(await current()).toBe(`${epoch}:3`);
  });

  queries.snapshotTest();
});
