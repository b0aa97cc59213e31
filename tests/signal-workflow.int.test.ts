// The signal workflow over HTTP against a real Neo4j: a signal recorded by hand (validation naming fields, the
// import's de-duplication naming the signal already recorded), status changes recorded in history with who and when,
// and admins' soft delete (gone from the inbox, search and the technology's signals; history kept; restorable).
// Expected values are worked out by hand from the fixture below.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '../graph-seed/seed-data.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { useSeededApi } from './support/api.js';
import { graphSnapshot } from './support/fingerprint.js';
import { postGraphQL } from './support/graphql.js';

const SEEDED = 'sig:2026-03-02-drone-drops-into-prisons';

function fixture(): SeedData {
  return {
    nodes: [
      { kind: 'Source', file: 'sources', records: [{ id: 'src:doc', title: 'A document', publisher: 'JRC', year: 2024, url: 'https://example.org/doc' }] },
      {
        kind: 'Technology',
        file: 'technologies',
        records: [{ id: 'tech:uncrewed-aircraft-systems', name: 'Uncrewed aircraft systems', sources: ['src:doc'] }],
      },
      {
        kind: 'Signal',
        file: 'signals',
        records: [
          {
            id: SEEDED,
            title: 'Drone drops into prisons double',
            summary: 'Prison services report twice as many drone deliveries of phones and drugs.',
            url: 'https://seed.example.org/prison-drones',
            publishedAt: '2026-03-02',
            steep: 'social',
            status: 'new',
            sources: ['src:doc'],
          },
        ],
      },
    ],
    links: [],
  };
}

let db: Database;
let server: RunningServer;
let analyst: TestUser;
let admin: TestUser;
useSeededApi(fixture, 'analyst', (api) => ({ db, server, caller: analyst } = api));
beforeAll(async () => {
  admin = await createUserWithToken(db, 'admin', { name: 'Ada Admin' });
});
const gql = (query: string, variables: Record<string, unknown> = {}, as?: TestUser) =>
  postGraphQL(server.url, query, variables, authHeaders((as ?? analyst).token));

const CREATE = 'mutation($input: SignalInput!) { createSignal(input: $input) { id title status createdBy indicates { target { id } relevance } } }';
const HISTORY = 'query($id: ID!) { history(id: $id) { totalCount changes { id kind byName at restorable fields { field before after } } } }';
const INBOX = 'query($text: String) { signals(filter: { text: $text }) { totalCount edges { node { id } } } }';

describe('recording a signal by hand', () => {
  it('names the bad field and, for a duplicate, the signal already recorded; neither writes anything', async () => {
    const before = await graphSnapshot(db);
    const bad = await gql(CREATE, { input: { title: 'Drones over a jail', url: 'ftp://x', publishedAt: '2026-04-01', steep: 'SOCIAL' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    // Same canonical URL as the seeded signal: upper-case host, a trailing slash and a utm parameter make no difference.
    const sameUrl = await gql(CREATE, {
      input: { title: 'Another headline', url: 'https://SEED.example.org/prison-drones/?utm_source=x', publishedAt: '2026-04-01', steep: 'SOCIAL' },
    });
    expect(sameUrl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(sameUrl.errors?.[0]?.message).toContain(SEEDED);
    // Same title and summary at another address: refused on the title, naming the signal.
    const sameContent = await gql(CREATE, {
      input: {
        title: 'Drone drops into prisons double',
        summary: 'Prison services report twice as many drone deliveries of phones and drugs.',
        url: 'https://other.example.org/a',
        publishedAt: '2026-04-01',
        steep: 'SOCIAL',
      },
    });
    expect(sameContent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(sameContent.errors?.[0]?.message).toContain(SEEDED);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('creates it with its link and records the creation in its history', async () => {
    const created = await gql(CREATE, {
      input: {
        title: 'Counter-drone nets trialled at a prison',
        url: 'https://hand.example.org/nets',
        publishedAt: '2026-04-02',
        observedAt: '2026-04-03',
        steep: 'TECHNOLOGICAL',
        links: [{ targetId: 'tech:uncrewed-aircraft-systems', relevance: 0.5 }],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createSignal).toEqual({
      id: 'sig:2026-04-02-counter-drone-nets-trialled-at-a-prison',
      title: 'Counter-drone nets trialled at a prison',
      status: 'NEW',
      createdBy: analyst.user.name,
      indicates: [{ target: { id: 'tech:uncrewed-aircraft-systems' }, relevance: 0.5 }],
    });
    const { data } = await gql(HISTORY, { id: 'sig:2026-04-02-counter-drone-nets-trialled-at-a-prison' });
    expect(data.history.changes.map((c: any) => [c.kind, c.byName])).toEqual([['CREATE', analyst.user.name]]);
    expect(data.history.changes[0].fields).toContainEqual({ field: 'indicates', before: null, after: ['tech:uncrewed-aircraft-systems'] });
  });
});

describe('status changes', () => {
  it('records who changed the status and when, once per real change, newest first', async () => {
    const set = (status: string, as: TestUser) =>
      gql('mutation($ids: [ID!]!, $s: SignalStatus!) { setSignalStatus(ids: $ids, status: $s) { status } }', { ids: [SEEDED], s: status }, as);
    const startedAt = Date.now();
    expect((await set('ASSESSED', analyst)).errors).toBeUndefined();
    expect((await set('ASSESSED', admin)).errors).toBeUndefined(); // no change: nothing recorded
    const linked = await gql(
      'mutation { linkSignal(input: { signalId: "sig:2026-03-02-drone-drops-into-prisons", targetId: "tech:uncrewed-aircraft-systems", relevance: 1 }) { signal { status } } }',
      {},
      admin,
    );
    expect(linked.data.linkSignal.signal.status).toBe('LINKED');
    expect((await set('ARCHIVED', admin)).errors).toBeUndefined();

    const { data } = await gql(HISTORY, { id: SEEDED });
    const statusChanges = data.history.changes.filter((c: any) => c.fields.some((f: any) => f.field === 'status'));
    // Stored values (lower case) as the seed and the database keep them; the link itself is its own LINK change.
    expect(statusChanges.map((c: any) => [c.byName, c.fields])).toEqual([
      ['Ada Admin', [{ field: 'status', before: 'linked', after: 'archived' }]],
      ['Ada Admin', [{ field: 'status', before: 'assessed', after: 'linked' }]],
      [analyst.user.name, [{ field: 'status', before: 'new', after: 'assessed' }]],
    ]);
    for (const c of statusChanges) expect(Date.parse(c.at)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(data.history.changes.map((c: any) => c.kind)).toEqual(['UPDATE', 'UPDATE', 'LINK', 'UPDATE']);
  });
});

describe('deleting a signal', () => {
  const DELETE = 'mutation($id: ID!) { deleteSignal(id: $id, comment: "Off topic") { id relationshipsRemoved changeId } }';

  it('is refused to analysts, changing nothing', async () => {
    const before = await graphSnapshot(db);
    const refused = await gql(DELETE, { id: SEEDED });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('admins soft-delete: gone from the inbox, search and the technology, history kept, and a restore brings it back', async () => {
    const deleted = await gql(DELETE, { id: SEEDED }, admin);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteSignal).toMatchObject({ id: SEEDED, relationshipsRemoved: 1 });

    const inbox = await gql(INBOX, {});
    expect(inbox.data.signals.edges.map((e: any) => e.node.id)).toEqual(['sig:2026-04-02-counter-drone-nets-trialled-at-a-prison']);
    expect((await gql(INBOX, { text: 'prisons double' })).data.signals.totalCount).toBe(0);
    expect((await gql('{ signal(id: "sig:2026-03-02-drone-drops-into-prisons") { id } }')).data.signal).toBeNull();
    const search = await gql('{ search(text: "drone drops") { entity { id } } }');
    expect(search.data.search.map((h: any) => h.entity.id)).not.toContain(SEEDED);
    const forTech = await gql('{ signals(filter: { targetId: "tech:uncrewed-aircraft-systems" }) { edges { node { id } } } }');
    expect(forTech.data.signals.edges.map((e: any) => e.node.id)).toEqual(['sig:2026-04-02-counter-drone-nets-trialled-at-a-prison']);
    // The node itself stays, with its properties, under another label.
    expect(await db.read('MATCH (s:DeletedSignal {id: $id}) RETURN s.name AS name, s.deletedByName AS by', { id: SEEDED })).toEqual([
      { name: 'Drone drops into prisons double', by: 'Ada Admin' },
    ]);

    const history = (await gql(HISTORY, { id: SEEDED })).data.history;
    expect(history.changes[0]).toMatchObject({ id: deleted.data.deleteSignal.changeId, kind: 'DELETE', byName: 'Ada Admin', restorable: true });
    expect(history.totalCount).toBe(5); // the DELETE and the four of the status test (three UPDATEs and the LINK)
    const restoreByAnalyst = await gql('mutation($c: ID!) { restore(changeId: $c) { id } }', { c: deleted.data.deleteSignal.changeId });
    expect(restoreByAnalyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const restored = await gql(
      'mutation($c: ID!) { restore(changeId: $c) { id ... on Signal { status indicates { target { id } relevance } } } }',
      { c: deleted.data.deleteSignal.changeId },
      admin,
    );
    expect(restored.errors).toBeUndefined();
    expect(restored.data.restore).toEqual({ id: SEEDED, status: 'ARCHIVED', indicates: [{ target: { id: 'tech:uncrewed-aircraft-systems' }, relevance: 1 }] });
    expect((await gql(INBOX, {})).data.signals.totalCount).toBe(2);
    const again = await gql('mutation($c: ID!) { restore(changeId: $c) { id } }', { c: deleted.data.deleteSignal.changeId }, admin);
    expect(again.errors?.[0]?.extensions?.field).toBe('changeId');
  });

  it('frees the URL for a new signal, and then refuses a restore that would make a duplicate', async () => {
    const deleted = await gql(DELETE, { id: SEEDED }, admin);
    const unknown = await gql(DELETE, { id: 'sig:nope' }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const recreated = await gql(CREATE, {
      input: { title: 'Prison drone drops, again', url: 'https://seed.example.org/prison-drones', publishedAt: '2026-03-02', steep: 'SOCIAL' },
    });
    expect(recreated.errors).toBeUndefined();
    const before = await graphSnapshot(db);
    const refused = await gql('mutation($c: ID!) { restore(changeId: $c) { id } }', { c: deleted.data.deleteSignal.changeId }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changeId' });
    expect(refused.errors?.[0]?.message).toContain(recreated.data.createSignal.id);
    expect(await graphSnapshot(db)).toEqual(before);
  });
});
