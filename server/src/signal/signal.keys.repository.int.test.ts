// Against the throwaway Neo4j: seeded signals get their de-duplication keys on first use (a dry run computes them and
// writes nothing), the lower id keeps a key two signals share, and one lookup answers keys, taken ids and target kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import { ensureDedupKeys, findExistingKeys } from './signal.keys.repository.js';

const queries = new QueryRecorder('signal/signal.keys.repository');
let db: Database;
const stored = () =>
  db.read<{ id: string; url: string | null; hash: string | null }>(
    'MATCH (s:Signal) RETURN s.id AS id, s.canonicalUrl AS url, s.contentHash AS hash ORDER BY id',
  );

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  // Two seeded signals on the same page (same URL), with different titles; loaded without keys.
  await writeSeed(
    db,
    seedFixture()
      .nodes('Technology', [{ id: 'tech:drones', name: 'Drones' }])
      .nodes('Signal', [
        { id: 'sig:a', title: 'Drones over prisons', url: 'https://news.example.org/drones', publishedAt: '2026-01-05', steep: 'social', status: 'new' },
        { id: 'sig:b', title: 'Prison drones, follow-up', url: 'https://news.example.org/drones', publishedAt: '2026-01-06', steep: 'social', status: 'new' },
      ])
      .build(),
  );
});
afterAll(closeTestDatabase);

describe('de-duplication keys', () => {
  it('are computed in a dry run without being written', async () => {
    const computed = await db.writeTransaction((tx) => ensureDedupKeys(tx, false));
    expect(computed.map((k) => k.id)).toEqual(['sig:a', 'sig:b']);
    expect(computed[0]!.canonicalUrl).toBe(computed[1]!.canonicalUrl);
    expect(computed[0]!.contentHash).not.toBe(computed[1]!.contentHash);
    expect((await stored()).every((s) => s.url === null && s.hash === null)).toBe(true);
  });

  it('are written once, the lower id keeping the URL both share', async () => {
    const [a] = await db.writeTransaction((tx) => ensureDedupKeys(tx, true));
    const rows = await stored();
    expect(rows[0]).toEqual({ id: 'sig:a', url: a!.canonicalUrl, hash: a!.contentHash });
    expect(rows[1]).toMatchObject({ id: 'sig:b', url: null });
    expect(rows[1]!.hash).not.toBeNull();
  });

  it('are found in one lookup with taken ids and target kinds; the signal being edited is left out', async () => {
    const [a] = await stored();
    const found = await db.writeTransaction((tx) =>
      findExistingKeys(tx, { urls: [a!.url!], hashes: [a!.hash!], candidateIds: ['sig:a', 'sig:z'], targetIds: ['tech:drones'] }),
    );
    expect([...found.byUrl]).toEqual([[a!.url, 'sig:a']]);
    expect([...found.byHash]).toEqual([[a!.hash, 'sig:a']]);
    expect([...found.takenIds]).toEqual(['sig:a']);
    expect([...found.targetKinds]).toEqual([['tech:drones', 'Technology']]);
    const editing = await db.writeTransaction((tx) =>
      findExistingKeys(tx, { urls: [a!.url!], hashes: [], candidateIds: [], targetIds: [], excludeId: 'sig:a' }),
    );
    expect(found.byUrl.size).toBe(1);
    expect(editing.byUrl.size).toBe(0);
  });

  it('are computed again only for the signal still missing one, which stays without the held URL', async () => {
    const before = await stored();
    const again = await db.writeTransaction((tx) => ensureDedupKeys(tx, true));
    expect(again).toEqual([{ id: 'sig:b', canonicalUrl: before[0]!.url, contentHash: before[1]!.hash }]);
    expect(await stored()).toEqual(before);
  });

  queries.snapshotTest();
});
