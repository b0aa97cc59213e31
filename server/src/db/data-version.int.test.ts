// Against the throwaway Neo4j: every write transaction moves the version, so a memoised result is recomputed after a
// write made through any handle on the driver, and a wiped database never repeats an old version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { Database } from './database.js';
import type { Database as Db } from './database.js';

let db: Db;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

const countWidgets = (handle: Db) => async () => (await handle.read<{ n: number }>('MATCH (w:VersionProbe) RETURN count(w) AS n'))[0]!.n;

describe('data version and memo', () => {
  it('serves the cached result until a write, then recomputes', async () => {
    await db.write('CREATE (:VersionProbe)');
    const first = await db.memo('probe-count', countWidgets(db));
    const before = db.queryCount;
    expect(await db.memo('probe-count', countWidgets(db))).toBe(first);
    expect(db.queryCount).toBe(before); // answered from the cache: no counted round trip
    // A write through another handle on the same driver.
    const other = new Database(db.driver, db.name);
    await other.write('CREATE (:VersionProbe)');
    expect(await db.memo('probe-count', countWidgets(db))).toBe(first + 1);
  });

  it('a version string is never reused after the database is wiped', async () => {
    await db.write('CREATE (:VersionProbe)');
    const [a] = await db.read<{ v: string }>("MATCH (v:AtlasDataVersion) RETURN v.epoch + ':' + toString(v.n) AS v");
    await resetDatabase(db);
    await db.write('CREATE (:VersionProbe)');
    const [b] = await db.read<{ v: string }>("MATCH (v:AtlasDataVersion) RETURN v.epoch + ':' + toString(v.n) AS v");
    expect(a!.v).not.toBe(b!.v);
    expect(await db.memo('probe-count', countWidgets(db))).toBe(1);
  });
});
