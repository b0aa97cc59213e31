// Signal de-duplication under concurrency: two imports of one feed and a hand-made signal with one of its URLs, all
// sent at once, must store each signal exactly once and answer every request normally (created, duplicate, or the
// usual "already recorded" refusal) — never an internal error. The keys' uniqueness is enforced by the database.
import { describe, expect, it } from 'vitest';
import type { SeedData } from '../graph-seed/seed-data.js';
import { seedFixture } from './support/seed-builder.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { postGraphQL } from './support/graphql.js';
import { applySchema } from '../server/src/db/indexes-and-constraints.repository.js';

function fixture(): SeedData {
  return (
    seedFixture()
      .nodes('Technology', [{ id: 'tech:drones', name: 'Drones' }])
      // Loaded without de-duplication keys: the first intake computes them, under the same constraints.
      .nodes('Signal', [
        {
          id: 'sig:2026-01-05-seeded',
          title: 'A seeded signal',
          url: 'https://seed.example.org/one',
          publishedAt: '2026-01-05',
          steep: 'social',
          status: 'new',
        },
      ])
      .build()
  );
}

const ITEMS = 4;
const ROUNDS = 5;

/** A feed of ITEMS signals unique to the round, so every round races on fresh keys. */
function feedOfRound(round: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) => `
    <item>
      <title>Round ${round} finding ${i} on drone detection</title>
      <link>https://race.example.org/r${round}/item-${i}</link>
      <description>Summary ${i} of round ${round}.</description>
      <pubDate>Tue, 27 Oct 2026 09:15:00 +0000</pubDate>
    </item>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Race ` +
    `Watch</title><link>https://race.example.org/</link>${items}</channel></rss>`
  );
}

const IMPORT = `mutation($input: SignalImportInput!) { importSignals(input: $input) { total created duplicates rejected } }`;
const CREATE = 'mutation($input: SignalInput!) { createSignal(input: $input) { id } }';

let db: Database;
let server: RunningServer;
let ana: TestUser;
let ben: TestUser;
let cem: TestUser;
useSeededApi(fixture, 'analyst', async (api) => {
  ({ db, server, caller: ana } = api);
});

const signalCount = async () => (await db.read<{ n: number }>('MATCH (s:Signal) RETURN count(s) AS n'))[0]!.n;

describe('de-duplication under concurrency', () => {
  it('two parallel imports of one feed plus a createSignal with one of its URLs store each signal once, without internal errors', async () => {
    [ben, cem] = await Promise.all(['Ben', 'Cem'].map((name) => createUserWithToken(db, 'analyst', { name })));
    const gql = (query: string, variables: Record<string, unknown>, as: TestUser) => postGraphQL(server.url, query, variables, authHeaders(as.token));
    for (let round = 0; round < ROUNDS; round++) {
      const content = feedOfRound(round);
      const [first, second, byHand] = await Promise.all([
        gql(IMPORT, { input: { content, fileName: 'race.xml' } }, ana),
        gql(IMPORT, { input: { content, fileName: 'race.xml' } }, ben),
        // Same canonical URL as the feed's second item (a utm parameter and a trailing slash differ), other content.
        gql(
          CREATE,
          {
            input: {
              title: `Hand-made note ${round}`,
              url: `https://RACE.example.org/r${round}/item-1/?utm_source=x`,
              publishedAt: '2026-10-28',
              steep: 'SOCIAL',
            },
          },
          cem,
        ),
      ]);
      expect(first.errors, `round ${round}, first import`).toBeUndefined();
      expect(second.errors, `round ${round}, second import`).toBeUndefined();
      for (const report of [first.data.importSignals, second.data.importSignals]) {
        expect(report).toMatchObject({ total: ITEMS, rejected: 0 });
        expect(report.created + report.duplicates).toBe(ITEMS);
      }
      // The hand-made signal either won its URL or was refused as already recorded.
      if (byHand.errors) {
        expect(byHand.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
      }
      const createdByHand = byHand.errors ? 0 : 1;
      expect(first.data.importSignals.created + second.data.importSignals.created + createdByHand, `round ${round}`).toBe(ITEMS);
    }
    expect(await signalCount()).toBe(1 + ITEMS * ROUNDS);
    const shared = await db.read<{ n: number }>(`MATCH (s:Signal) WITH s.canonicalUrl AS u, count(*) AS c WHERE u IS NOT NULL AND c > 1 RETURN count(*) AS n`);
    expect(shared[0]!.n).toBe(0);
  });

  it('a database holding a key twice (written before the keys were unique) still starts; the lowest id keeps the key', async () => {
    await db.schema('DROP CONSTRAINT signal_canonical_url_unique IF EXISTS');
    await db.write(
      `UNWIND ['sig:2020-01-01-old-b', 'sig:2020-01-01-old-a'] AS id
       CREATE (:Entity:Signal {id: id, name: id, url: 'https://old.example.org/x', canonicalUrl: 'https://old.example.org/x', contentHash: id})`,
    );
    await applySchema(db);
    const holders = await db.read<{ id: string; url: string | null }>(
      "MATCH (s:Signal) WHERE s.id STARTS WITH 'sig:2020-01-01-old' RETURN s.id AS id, s.canonicalUrl AS url ORDER BY id",
    );
    expect(holders).toEqual([
      { id: 'sig:2020-01-01-old-a', url: 'https://old.example.org/x' },
      { id: 'sig:2020-01-01-old-b', url: null },
    ]);
    // The released signal is not given its key back by the next intake, and a new signal with that URL is a duplicate.
    const gql = (query: string, variables: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(ana.token));
    const again = await gql(CREATE, { input: { title: 'Old news again', url: 'https://old.example.org/x#top', publishedAt: '2026-10-28', steep: 'SOCIAL' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(again.errors?.[0]?.message).toContain('sig:2020-01-01-old-a');
    const [{ n }] = await db.read<{ n: number }>("MATCH (s:Signal {canonicalUrl: 'https://old.example.org/x'}) RETURN count(s) AS n");
    expect(n).toBe(1);
  });
});
