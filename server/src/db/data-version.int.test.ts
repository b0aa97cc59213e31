// Against the throwaway Neo4j: every write transaction moves the version, so a memoised result is recomputed after a
// write made through any handle on the driver, and a wiped database never repeats an old version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { Database, type WarmTimers } from './database.js';
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

describe('warm results', () => {
  it('rebuilds a warm result in the background after a write, so the next read is a hit', async () => {
    // A manual timer: the test decides when the quiet period is over, so "a burst of writes" does not depend on speed.
    const pending = new Set<{ fire: () => void; ms: number }>();
    const timers: WarmTimers = {
      set: (fire, ms) => {
        const handle = { fire, ms };
        pending.add(handle);
        return handle;
      },
      clear: (handle) => pending.delete(handle as { fire: () => void; ms: number }),
    };
    const quietPeriodEnds = () => {
      const due = [...pending];
      pending.clear();
      for (const timer of due) timer.fire();
    };
    const warmDb = new Database(db.driver, db.name, undefined, { warmAfterWriteMs: 50, timers });
    let computed = 0;
    const compute = async () => {
      computed++;
      return countWidgets(warmDb)();
    };
    const before = await warmDb.memo('probe-warm', compute, { pinned: true, warm: true });
    expect(computed).toBe(1);
    await warmDb.write('CREATE (:VersionProbe)');
    expect([...pending].map((t) => t.ms)).toEqual([50]);
    expect(computed).toBe(1); // nothing before the quiet period ends
    quietPeriodEnds();
    await expect.poll(() => computed).toBe(2); // rebuilt without anyone asking
    const hitsBefore = warmDb.cache.hits;
    expect(await warmDb.memo('probe-warm', compute, { pinned: true, warm: true })).toBe(before + 1);
    expect(computed).toBe(2);
    expect(warmDb.cache.hits).toBe(hitsBefore + 1);
    // Writes in a burst rebuild once, after the last: the second write replaces the first one's timer.
    await warmDb.write('CREATE (:VersionProbe)');
    await warmDb.write('CREATE (:VersionProbe)');
    expect(pending.size).toBe(1);
    quietPeriodEnds();
    await expect.poll(() => computed).toBe(3);
    expect(await warmDb.memo('probe-warm', compute, { pinned: true, warm: true })).toBe(before + 3);
    expect(computed).toBe(3);
    expect(pending.size).toBe(0);
  });
});
