// Signals through the GraphQL API over HTTP against a real Neo4j: imports (feeds, CSV, server path), de-duplication,
// validation that writes nothing, the inbox (filters, search, counts, paging), triage and links, the trend on a
// technology, and the round-trip bound. Expected values are worked out by hand from the fixture and the sample files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '../graph-seed/seed-data.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';

const FEEDS = fileURLToPath(new URL('./fixtures/feeds/', import.meta.url));
const feed = (name: string) => readFileSync(`${FEEDS}${name}`, 'utf8');

/** Three technologies, a capability, a case study and two seeded signals (loaded without de-duplication keys). */
function signalsFixture(): SeedData {
  return {
    nodes: [
      { kind: 'Source', file: 'sources', records: [{ id: 'src:doc', title: 'A document', publisher: 'JRC', year: 2024, url: 'https://example.org/doc' }] },
      {
        kind: 'Technology',
        file: 'technologies',
        records: [
          { id: 'tech:facial-recognition', name: 'Facial recognition', sources: ['src:doc'] },
          { id: 'tech:encrypted-criminal-phones', name: 'Encrypted criminal phones', sources: ['src:doc'] },
          { id: 'tech:uncrewed-aircraft-systems', name: 'Uncrewed aircraft systems', sources: ['src:doc'] },
        ],
      },
      { kind: 'Capability', file: 'capabilities', records: [{ id: 'cap:lawful-access-to-data', name: 'Lawful access to data', domain: 'law enforcement', sources: ['src:doc'] }] },
      { kind: 'CaseStudy', file: 'case-studies', records: [{ id: 'case:drug-markets', name: 'Drug markets', sources: ['src:doc'] }] },
      {
        kind: 'Signal',
        file: 'signals',
        records: [
          {
            id: 'sig:2026-03-02-drone-drops-into-prisons',
            title: 'Drone drops into prisons double',
            summary: 'Prison services report twice as many drone deliveries of phones and drugs.',
            url: 'https://seed.example.org/prison-drones',
            publisher: 'Seed News',
            publishedAt: '2026-03-02',
            steep: 'social',
            status: 'linked',
            sources: ['src:doc'],
          },
          {
            id: 'sig:2025-12-01-encrochat-appeal',
            title: 'Court rules on encrypted-phone evidence',
            summary: 'An appeal court admits evidence from a dismantled encrypted-phone network.',
            url: 'https://seed.example.org/appeal',
            publishedAt: '2025-12-01',
            steep: 'political',
            status: 'assessed',
            sources: ['src:doc'],
          },
        ],
      },
    ],
    links: [
      {
        type: 'INDICATES',
        file: 'INDICATES',
        records: [
          { from: 'sig:2026-03-02-drone-drops-into-prisons', to: 'tech:uncrewed-aircraft-systems', relevance: 1, sources: ['src:doc'] },
          { from: 'sig:2025-12-01-encrochat-appeal', to: 'tech:encrypted-criminal-phones', relevance: 0.75, sources: ['src:doc'] },
        ],
      },
    ],
  };
}

let db: Database;
let server: RunningServer;
/** Analysts signed in with API tokens: Ana, Ben and Cem rate and edit; `caller` is anyone else. */
let caller: TestUser;
let ana: TestUser;
let ben: TestUser;
let cem: TestUser;
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
  [ana, ben, cem] = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => createUserWithToken(db, 'analyst', { name })));
});
afterAll(() => {
  delete process.env.ATLAS_IMPORT_DIR;
});

describe('importing', () => {
  it('imports an RSS feed, and importing it again creates no duplicates', async () => {
    const first = await gql(IMPORT, { input: { content: feed('security-tech-watch.rss.xml'), fileName: 'watch.xml' } }, ana);
    expect(first.errors).toBeUndefined();
    expect(first.data.importSignals).toMatchObject({ format: 'rss', feedTitle: 'Security Technology Watch', total: 4, created: 4, duplicates: 0, rejected: 0 });
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

    const stored = await gql('{ signal(id: "sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed") { title url canonicalUrl publisher publishedAt observedAt steep status createdBy } }');
    expect(stored.data.signal).toMatchObject({
      title: 'Counter-drone trials at three EU airports report mixed detection rates',
      canonicalUrl: 'https://watch.example.org/2026/10/counter-drone-airport-trials',
      publisher: 'Security Technology Watch',
      publishedAt: '2026-10-27',
      steep: 'technological',
      status: 'new',
      createdBy: 'Ana',
    });
  });

  it('imports an Atom feed from a server path inside the import folder, linking every signal to a technology', async () => {
    const before = await linkCount();
    const { data, errors } = await gql(IMPORT, { input: { path: 'research-digest.atom.xml', linkTo: ['tech:uncrewed-aircraft-systems'], relevance: 0.25 } });
    expect(errors).toBeUndefined();
    expect(data.importSignals).toMatchObject({ format: 'atom', created: 3, duplicates: 0, rejected: 0 });
    expect(await linkCount()).toBe(before + 3);
    const gan = await gql('{ signal(id: "sig:2026-10-05-gan-power-amplifiers-export-licences-delay-eu-radar") { steep publishedAt indicates { relevance target { id } } } }');
    expect(gan.data.signal).toEqual({ steep: 'economic', publishedAt: '2026-10-05', indicates: [{ relevance: 0.25, target: { id: 'tech:uncrewed-aircraft-systems' } }] });
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
    expect(data.importSignals).toMatchObject({ format: 'csv', total: 6, created: 3, duplicates: 1, rejected: 2 });
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
    const before = await signalCount();
    const xml = await gql(IMPORT, { input: { content: feed('malformed.rss.xml') } });
    expect(xml.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(xml.errors?.[0]?.message).toContain('not well-formed XML');
    const csv = await gql(IMPORT, { input: { content: feed('malformed.csv') } });
    expect(csv.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(csv.errors?.[0]?.message).toContain('Quote Not Closed');
    expect(await signalCount()).toBe(before);
  });

  it('refuses paths outside the import folder, unknown linkTo targets, and both or neither of content and path', async () => {
    const before = await signalCount();
    const outside = await gql(IMPORT, { input: { path: '../../package.json' } });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path' });
    const linkTo = await gql(IMPORT, { input: { content: 'title,url,published_at\nA new one,https://n.example.org/1,2026-01-01\n', linkTo: ['tech:nope'] } });
    expect(linkTo.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.linkTo[0]' });
    const neither = await gql(IMPORT, { input: {} });
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(await signalCount()).toBe(before);
  });

  it('checks without writing in a dry run', async () => {
    const before = await signalCount();
    const { data } = await gql(IMPORT, { input: { content: 'title,url,published_at\nA dry one,https://dry.example.org/1,2026-01-01\n', dryRun: true } });
    expect(data.importSignals).toMatchObject({ dryRun: true, created: 1, total: 1 });
    expect(data.importSignals.items[0].signalId).toBe('sig:2026-01-01-a-dry-one');
    expect(await signalCount()).toBe(before);
  });
});

describe('signals by hand', () => {
  const CREATE = 'mutation($input: SignalInput!) { createSignal(input: $input) { id title status steep indicates { target { id } relevance } } }';

  it('validates every field, naming it, and writes nothing', async () => {
    const before = await signalCount();
    const bad = await gql(CREATE, { input: { title: 'X', url: 'not a url', publishedAt: '2026-13-01', steep: 'military' } });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.title', 'input.url', 'input.publishedAt', 'input.steep']);
    const unknownTarget = await gql(CREATE, {
      input: { title: 'A fine title', url: 'https://hand.example.org/1', publishedAt: '2026-05-05', steep: 'social', links: [{ targetId: 'tech:facial-recognition' }, { targetId: 'tech:nope' }] },
    });
    expect(unknownTarget.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.links[1]' });
    const relevance = await gql(CREATE, { input: { title: 'A fine title', url: 'https://hand.example.org/1', publishedAt: '2026-05-05', steep: 'social', links: [{ targetId: 'tech:facial-recognition', relevance: 2 }] } });
    expect(relevance.errors?.[0]?.extensions?.field).toBe('input.links[0].relevance');
    const duplicate = await gql(CREATE, { input: { title: 'Something else', url: 'https://seed.example.org/appeal#x', publishedAt: '2026-05-05', steep: 'social' } });
    expect(duplicate.errors?.[0]?.extensions?.field).toBe('input.url');
    expect(duplicate.errors?.[0]?.message).toContain('sig:2025-12-01-encrochat-appeal');
    expect(await signalCount()).toBe(before);
  });

  it('creates one with links, then triages, links and unlinks it', async () => {
    const created = await gql(CREATE, {
      input: { title: 'Face search used at a festival', summary: 'Police trial live facial recognition.', url: 'https://hand.example.org/festival', publishedAt: '2026-06-01', steep: 'social', links: [{ targetId: 'tech:facial-recognition', relevance: 0.75 }] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createSignal).toEqual({
      id: 'sig:2026-06-01-face-search-used-at-a-festival',
      title: 'Face search used at a festival',
      status: 'new',
      steep: 'social',
      indicates: [{ target: { id: 'tech:facial-recognition' }, relevance: 0.75 }],
    });
    const id = created.data.createSignal.id;

    const triaged = await gql('mutation($ids: [ID!]!) { setSignalStatus(ids: $ids, status: "assessed") { id status } }', { ids: [id] });
    expect(triaged.data.setSignalStatus).toEqual([{ id, status: 'assessed' }]);
    const badStatus = await gql('mutation($ids: [ID!]!) { setSignalStatus(ids: $ids, status: "done") { id } }', { ids: [id] });
    expect(badStatus.errors?.[0]?.extensions?.field).toBe('status');

    const linked = await gql('mutation($id: ID!) { linkSignal(input: { signalId: $id, targetId: "case:drug-markets", relevance: 0.5 }) { relevance signal { status } target { id kind } } }', { id });
    expect(linked.data.linkSignal).toEqual({ relevance: 0.5, signal: { status: 'linked' }, target: { id: 'case:drug-markets', kind: 'CaseStudy' } });
    const wrongKind = await gql('mutation($id: ID!) { linkSignal(input: { signalId: $id, targetId: "src:doc" }) { relevance } }', { id });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetId[0]' });

    const unlinked = await gql('mutation($id: ID!) { unlinkSignal(signalId: $id, targetId: "case:drug-markets") { removed } }', { id });
    expect(unlinked.data.unlinkSignal.removed).toBe(true);

    const edited = await gql('mutation($id: ID!) { updateSignal(id: $id, input: { title: "Live face search used at a festival", publisher: "Hand" }) { title publisher url } }', { id });
    expect(edited.data.updateSignal).toEqual({ title: 'Live face search used at a festival', publisher: 'Hand', url: 'https://hand.example.org/festival' });
  });
});

describe('annotations', () => {
  const SIGNAL = 'sig:2026-03-02-drone-drops-into-prisons';
  const ANNOTATE = `mutation($input: AnnotationInput!) {
    annotate(input: $input) { id text impact likelihood horizonYear reliability credibility confidence tags author version deleted target { id } }
  }`;
  const annotationCount = async () => (await db.read<{ n: number }>('MATCH (a:Annotation) RETURN count(a) AS n'))[0]!.n;
  const revisionCount = async () => (await db.read<{ n: number }>('MATCH (r:AnnotationRevision) RETURN count(r) AS n'))[0]!.n;

  it('refuses a rating out of range, empty text, a half Admiralty code or an unknown target, writing nothing', async () => {
    const before = [await annotationCount(), await revisionCount()];
    const range = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', impact: 6, likelihood: 0 } });
    expect(range.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.impact' });
    expect(range.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.impact', 'input.likelihood']);
    const empty = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: '   ' } });
    expect(empty.errors?.[0]?.extensions?.field).toBe('input.text');
    const half = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', reliability: 'B' } });
    expect(half.errors?.[0]?.extensions?.field).toBe('input.credibility');
    const grade = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', reliability: 'G', credibility: 7 } });
    expect(grade.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.reliability', 'input.credibility']);
    const unknown = await gql(ANNOTATE, { input: { targetId: 'sig:nope', text: 'Fine' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetId[0]' });
    const wrongKind = await gql(ANNOTATE, { input: { targetId: 'src:doc', text: 'Fine' } });
    expect(wrongKind.errors?.[0]?.extensions?.field).toBe('input.targetId[0]');
    expect([await annotationCount(), await revisionCount()]).toEqual(before);
  });

  it('annotates, edits (keeping the earlier version), soft-deletes, and shows it all in the history', async () => {
    const created = await gql(ANNOTATE, {
      input: { targetId: SIGNAL, text: 'Organised crime is scaling drone logistics.', impact: 4, likelihood: 3, horizonYear: 2035, reliability: 'B', credibility: 2, tags: ['Drones', 'prisons', 'drones'] },
    }, ana);
    expect(created.errors).toBeUndefined();
    const annotation = created.data.annotate;
    expect(annotation).toMatchObject({ impact: 4, confidence: 'B2', tags: ['drones', 'prisons'], author: 'Ana', version: 1, deleted: false, target: { id: SIGNAL } });
    expect(annotation.id).toMatch(/^ann:/);

    const EDIT = 'mutation($id: ID!, $v: Int, $input: AnnotationEdit!) { editAnnotation(id: $id, input: $input, expectedVersion: $v) { text impact likelihood version updatedBy author } }';
    // Another analyst may not change Ana's ratings (they are her vote in the spread), nor delete her note.
    const byBen = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 5, likelihood: null } }, ben);
    expect(byBen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byBen.errors?.[0]?.message).toContain('only its author');
    const byCem = await gql('mutation($id: ID!) { deleteAnnotation(id: $id) { deleted } }', { id: annotation.id }, cem);
    expect(byCem.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const edited = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 5, likelihood: null } }, ana);
    expect(edited.data.editAnnotation).toEqual({ text: 'Organised crime is scaling drone logistics.', impact: 5, likelihood: null, version: 2, updatedBy: 'Ana', author: 'Ana' });
    const stale = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 3 } }, ana);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    const badEdit = await gql(EDIT, { id: annotation.id, v: 2, input: { impact: 9 } }, ana);
    expect(badEdit.errors?.[0]?.extensions?.field).toBe('input.impact');

    const deleted = await gql('mutation($id: ID!) { deleteAnnotation(id: $id, reason: "duplicate of a colleague\'s note") { deleted deletedBy version } }', { id: annotation.id }, ana);
    expect(deleted.data.deleteAnnotation).toEqual({ deleted: true, deletedBy: 'Ana', version: 3 });
    const afterDelete = await gql(EDIT, { id: annotation.id, input: { text: 'Again' } }, ana);
    expect(afterDelete.errors?.[0]?.extensions?.field).toBe('id');

    const history = await gql('query($id: ID!) { annotation(id: $id) { deleted history { version action author reason text impact likelihood confidence moderated } } }', { id: annotation.id });
    expect(history.data.annotation.history).toEqual([
      { version: 1, action: 'created', author: 'Ana', reason: null, text: 'Organised crime is scaling drone logistics.', impact: 4, likelihood: 3, confidence: 'B2', moderated: false },
      { version: 2, action: 'edited', author: 'Ana', reason: null, text: 'Organised crime is scaling drone logistics.', impact: 5, likelihood: null, confidence: 'B2', moderated: false },
      { version: 3, action: 'deleted', author: 'Ana', reason: "duplicate of a colleague's note", text: 'Organised crime is scaling drone logistics.', impact: 5, likelihood: null, confidence: 'B2', moderated: false },
    ]);

    const lists = await gql('query($id: ID!) { visible: annotations(targetId: $id) { id } all: annotations(targetId: $id, includeDeleted: true) { id } }', { id: SIGNAL });
    expect(lists.data).toEqual({ visible: [], all: [{ id: annotation.id }] });
  });

  it('shows the spread of several analysts\' ratings, each analyst counted once', async () => {
    const rate = (as: TestUser, impact: number, likelihood: number) =>
      gql(ANNOTATE, { input: { targetId: 'tech:uncrewed-aircraft-systems', text: `${as.user.name} rates it`, impact, likelihood } }, as);
    await rate(ana, 2, 4);
    await rate(ben, 4, 4);
    await rate(cem, 5, 1);
    // Ana rates again later: her new impact 3 replaces her 2.
    await rate(ana, 3, 4);
    const anonymous = await gql(ANNOTATE, { input: { targetId: 'tech:uncrewed-aircraft-systems', text: 'No ratings, just a note' } });
    // The author is the signed-in user (here "Test analyst"), never a name the client sends.
    expect(anonymous.data.annotate.author).toBe('Test analyst');

    const { data } = await gql(`{ technology(id: "tech:uncrewed-aircraft-systems") {
      annotations { author }
      ratings { raters impact { count mean min max standardDeviation histogram { value count } } likelihood { count mean min max standardDeviation } }
    } }`);
    expect(data.technology.annotations).toHaveLength(5);
    // Impact: Ana 3, Ben 4, Cem 5 → mean 4, population SD √(2/3) ≈ 0.816.
    expect(data.technology.ratings.raters).toBe(3);
    expect(data.technology.ratings.impact).toEqual({
      count: 3, mean: 4, min: 3, max: 5, standardDeviation: 0.816,
      histogram: [{ value: 1, count: 0 }, { value: 2, count: 0 }, { value: 3, count: 1 }, { value: 4, count: 1 }, { value: 5, count: 1 }],
    });
    // Likelihood: Ana 4, Ben 4, Cem 1 → mean 3, SD √2 ≈ 1.414.
    expect(data.technology.ratings.likelihood).toEqual({ count: 3, mean: 3, min: 1, max: 4, standardDeviation: 1.414 });
  });
});
