// Signals through the GraphQL API over HTTP against a real Neo4j: imports (feeds, CSV, server path), de-duplication,
// validation that writes nothing, and signals recorded by hand, triaged, linked and unlinked (annotations:
// annotations.int.test.ts). Expected values are worked out by hand from the fixture and the sample files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalsFixture } from './support/signals-fixture.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { graphSnapshot } from './support/fingerprint.js';

const FEEDS = fileURLToPath(new URL('./fixtures/feeds/', import.meta.url));
const feed = (name: string) => readFileSync(`${FEEDS}${name}`, 'utf8');

let db: Database;
let server: RunningServer;
/** Analysts signed in with API tokens: Ana imports; `caller` is anyone else. */
let caller: TestUser;
let ana: TestUser;
const gql = (query: string, variables?: Record<string, unknown>, as?: TestUser) => postGraphQL(server.url, query, variables, authHeaders((as ?? caller).token));
const signalCount = async () => (await db.read<{ n: number }>('MATCH (s:Signal) RETURN count(s) AS n'))[0]!.n;
const linkCount = async () => (await db.read<{ n: number }>('MATCH (:Signal)-[r:INDICATES]->() RETURN count(r) AS n'))[0]!.n;

const IMPORT = `mutation($input: SignalImportInput!) {
  importSignals(input: $input) {
    format feedTitle dryRun total created duplicates rejected
    items { position line title outcome reason signalId duplicateOf }
  }
}`;

beforeAll(() => {
  process.env.ATLAS_IMPORT_DIR = FEEDS;
});
useSeededApi(signalsFixture, 'analyst', (api) => ({ db, server, caller } = api));
beforeAll(async () => {
  ana = await createUserWithToken(db, 'analyst', { name: 'Ana' });
});
afterAll(() => {
  delete process.env.ATLAS_IMPORT_DIR;
});

describe('importing', () => {
  it('imports an RSS feed, and importing it again creates no duplicates', async () => {
    const first = await gql(IMPORT, { input: { content: feed('security-tech-watch.rss.xml'), fileName: 'watch.xml' } }, ana);
    expect(first.errors).toBeUndefined();
    expect(first.data.importSignals).toMatchObject({ format: 'RSS', feedTitle: 'Security Technology Watch', total: 4, created: 4, duplicates: 0, rejected: 0 });
    expect(first.data.importSignals.items[0].signalId).toBe('sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed');
    expect(await signalCount()).toBe(2 + 4);

    const again = await gql(IMPORT, { input: { content: feed('security-tech-watch.rss.xml') } });
    expect(again.data.importSignals).toMatchObject({ created: 0, duplicates: 4, rejected: 0 });
    expect(again.data.importSignals.items[0]).toMatchObject({
      outcome: 'duplicate',
      duplicateOf: 'sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed',
      reason: 'same URL as sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed.',
    });
    expect(await signalCount()).toBe(6);

    const stored = await gql(
      '{ signal(id: "sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed") { title url canonicalUrl ' +
        'publisher publishedAt observedAt steep status createdBy } }',
    );
    expect(stored.data.signal).toMatchObject({
      title: 'Counter-drone trials at three EU airports report mixed detection rates',
      canonicalUrl: 'https://watch.example.org/2026/10/counter-drone-airport-trials',
      publisher: 'Security Technology Watch',
      publishedAt: '2026-10-27',
      steep: 'TECHNOLOGICAL',
      status: 'NEW',
      createdBy: 'Ana',
    });
  });

  it('imports an Atom feed from a server path inside the import folder, linking every signal to a technology', async () => {
    const before = await linkCount();
    const { data, errors } = await gql(IMPORT, { input: { path: 'research-digest.atom.xml', linkTo: ['tech:uncrewed-aircraft-systems'], relevance: 0.25 } });
    expect(errors).toBeUndefined();
    expect(data.importSignals).toMatchObject({ format: 'ATOM', created: 3, duplicates: 0, rejected: 0 });
    expect(await linkCount()).toBe(before + 3);
    const gan = await gql(
      '{ signal(id: "sig:2026-10-05-gan-power-amplifiers-export-licences-delay-eu-radar") { steep publishedAt indicates { relevance target { id } } } }',
    );
    expect(gan.data.signal).toEqual({
      steep: 'ECONOMIC',
      publishedAt: '2026-10-05',
      indicates: [{ relevance: 0.25, target: { id: 'tech:uncrewed-aircraft-systems' } }],
    });
  });

  it('reports duplicates within one feed (by URL and by content) and the rejected item with its reason', async () => {
    const { data } = await gql(IMPORT, { input: { path: `${FEEDS}feed-with-duplicate.rss.xml` } });
    const first = 'sig:2026-08-10-drone-swarms-used-to-probe-a-land-border-at-night';
    expect(data.importSignals).toMatchObject({ total: 5, created: 2, duplicates: 2, rejected: 1 });
    expect(data.importSignals.items.map((i: any) => [i.outcome, i.duplicateOf, i.reason])).toEqual([
      ['created', null, null],
      ['created', null, null],
      ['duplicate', first, `same URL as ${first}.`],
      ['duplicate', first, `same title and summary as ${first}.`],
      ['rejected', null, 'title is missing.'],
    ]);
  });

  it('imports a CSV: good rows created with their links, the bad rows rejected with reasons, seeded signals recognised', async () => {
    const csv = `${feed('analyst-signals-with-bad-row.csv')}"Prison drone drops",,https://SEED.example.org/prison-drones/?utm_source=x,,2026-03-02,social,\n`;
    const before = await signalCount();
    const { data, errors } = await gql(IMPORT, { input: { content: csv, fileName: 'analysts.csv' } });
    expect(errors).toBeUndefined();
    expect(data.importSignals).toMatchObject({ format: 'CSV', total: 6, created: 3, duplicates: 1, rejected: 2 });
    expect(data.importSignals.items.map((i: any) => [i.position, i.line, i.outcome])).toEqual([
      [1, 2, 'created'],
      [2, 4, 'created'],
      [3, 5, 'rejected'],
      [4, 6, 'created'],
      [5, 7, 'rejected'],
      [6, 8, 'duplicate'],
    ]);
    expect(data.importSignals.items[2].reason).toBe('publication date "not-a-date" is not a date.');
    expect(data.importSignals.items[4].reason).toBe('the row has 8 fields; the header has 7.');
    // The seeded signal had no stored keys; they were computed on the way.
    expect(data.importSignals.items[5].duplicateOf).toBe('sig:2026-03-02-drone-drops-into-prisons');
    expect(await signalCount()).toBe(before + 3);
    const phones = await gql('{ signal(id: "sig:2026-01-20-encrypted-phone-network-dismantled-after-server-seizure") { steep indicates { target { id } } } }');
    expect(phones.data.signal.indicates.map((l: any) => l.target.id).sort()).toEqual(['cap:lawful-access-to-data', 'tech:encrypted-criminal-phones']);
  });

  it('refuses a malformed feed or CSV with a clear error and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const xml = await gql(IMPORT, { input: { content: feed('malformed.rss.xml') } });
    expect(xml.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(xml.errors?.[0]?.message).toContain('not well-formed XML');
    const csv = await gql(IMPORT, { input: { content: feed('malformed.csv') } });
    expect(csv.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(csv.errors?.[0]?.message).toContain('Quote Not Closed');
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses paths outside the import folder, unknown linkTo targets, and both or neither of content and path', async () => {
    const before = await graphSnapshot(db);
    const outside = await gql(IMPORT, { input: { path: '../../package.json' } });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path' });
    const linkTo = await gql(IMPORT, { input: { content: 'title,url,published_at\nA new one,https://n.example.org/1,2026-01-01\n', linkTo: ['tech:nope'] } });
    expect(linkTo.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.linkTo[0]' });
    const neither = await gql(IMPORT, { input: {} });
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('checks without writing in a dry run', async () => {
    const before = await graphSnapshot(db);
    const { data } = await gql(IMPORT, { input: { content: 'title,url,published_at\nA dry one,https://dry.example.org/1,2026-01-01\n', dryRun: true } });
    expect(data.importSignals).toMatchObject({ dryRun: true, created: 1, total: 1 });
    expect(data.importSignals.items[0].signalId).toBe('sig:2026-01-01-a-dry-one');
    expect(await graphSnapshot(db)).toEqual(before);
  });
});

describe('signals by hand', () => {
  const CREATE = 'mutation($input: SignalInput!) { createSignal(input: $input) { id title status steep indicates { target { id } relevance } } }';

  it('validates every field, naming it, and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const bad = await gql(CREATE, { input: { title: 'X', url: 'not a url', publishedAt: '2026-13-01', steep: 'SOCIAL' } });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.title', 'input.url', 'input.publishedAt']);
    // A STEEP outside the enum is refused by GraphQL before the other checks run; it still names the field and the choices.
    const military = await gql(CREATE, { input: { title: 'A fine title', url: 'https://hand.example.org/1', publishedAt: '2026-05-05', steep: 'military' } });
    expect(military.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.steep',
      fields: [{ field: 'input.steep', message: 'must be one of SOCIAL, TECHNOLOGICAL, ECONOMIC, ENVIRONMENTAL, POLITICAL; got "military".' }],
    });
    const unknownTarget = await gql(CREATE, {
      input: {
        title: 'A fine title',
        url: 'https://hand.example.org/1',
        publishedAt: '2026-05-05',
        steep: 'SOCIAL',
        links: [{ targetId: 'tech:facial-recognition' }, { targetId: 'tech:nope' }],
      },
    });
    expect(unknownTarget.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.links[1]' });
    const relevance = await gql(CREATE, {
      input: {
        title: 'A fine title',
        url: 'https://hand.example.org/1',
        publishedAt: '2026-05-05',
        steep: 'SOCIAL',
        links: [{ targetId: 'tech:facial-recognition', relevance: 2 }],
      },
    });
    expect(relevance.errors?.[0]?.extensions?.field).toBe('input.links[0].relevance');
    const duplicate = await gql(CREATE, {
      input: { title: 'Something else', url: 'https://seed.example.org/appeal#x', publishedAt: '2026-05-05', steep: 'SOCIAL' },
    });
    expect(duplicate.errors?.[0]?.extensions?.field).toBe('input.url');
    expect(duplicate.errors?.[0]?.message).toContain('sig:2025-12-01-encrochat-appeal');
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('creates one with links, then triages, links and unlinks it', async () => {
    const created = await gql(CREATE, {
      input: {
        title: 'Face search used at a festival',
        summary: 'Police trial live facial recognition.',
        url: 'https://hand.example.org/festival',
        publishedAt: '2026-06-01',
        steep: 'SOCIAL',
        links: [{ targetId: 'tech:facial-recognition', relevance: 0.75 }],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createSignal).toEqual({
      id: 'sig:2026-06-01-face-search-used-at-a-festival',
      title: 'Face search used at a festival',
      status: 'NEW',
      steep: 'SOCIAL',
      indicates: [{ target: { id: 'tech:facial-recognition' }, relevance: 0.75 }],
    });
    const id = created.data.createSignal.id;

    const triaged = await gql('mutation($ids: [ID!]!) { setSignalStatus(ids: $ids, status: ASSESSED) { id status } }', { ids: [id] });
    expect(triaged.data.setSignalStatus).toEqual([{ id, status: 'ASSESSED' }]);
    const badStatus = await gql('mutation($ids: [ID!]!) { setSignalStatus(ids: $ids, status: DONE) { id } }', { ids: [id] });
    expect(badStatus.errors?.[0]?.extensions?.field).toBe('status');

    const linked = await gql(
      'mutation($id: ID!) { linkSignal(input: { signalId: $id, targetId: "case:drug-markets", relevance: 0.5 }) { relevance signal { status } target { id kind } } }',
      { id },
    );
    expect(linked.data.linkSignal).toEqual({ relevance: 0.5, signal: { status: 'LINKED' }, target: { id: 'case:drug-markets', kind: 'CaseStudy' } });
    const wrongKind = await gql('mutation($id: ID!) { linkSignal(input: { signalId: $id, targetId: "src:doc" }) { relevance } }', { id });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetId[0]' });

    const unlinked = await gql('mutation($id: ID!) { unlinkSignal(signalId: $id, targetId: "case:drug-markets") { removed } }', { id });
    expect(unlinked.data.unlinkSignal.removed).toBe(true);

    const edited = await gql(
      'mutation($id: ID!) { updateSignal(id: $id, input: { title: "Live face search used at a festival", publisher: "Hand" }) { title publisher url } }',
      { id },
    );
    expect(edited.data.updateSignal).toEqual({ title: 'Live face search used at a festival', publisher: 'Hand', url: 'https://hand.example.org/festival' });
  });
});
