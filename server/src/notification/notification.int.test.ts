// Notifications on a real Neo4j, through the API in process: each trigger raises exactly one notification for each
// follower and none for the actor; a change that rolls back raises none; counts and marking read. Expected values are
// worked out by hand from the fixture below.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import type { Database } from '../db/database.js';
import { recordChange } from '../history/history.repository.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { inProcessApi, type InProcessApi } from '../../../tests/support/in-process.js';
import { createUserWithToken, type TestUser } from '../../../tests/support/auth.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import { postGraphQL } from '../../../tests/support/graphql.js';
import { authHeaders } from '../../../tests/support/auth.js';
import { startServer } from '../app.js';

/** Two technologies, a capability, one seeded signal. */
function fixture() {
  return seedFixture()
    .nodes('Technology', [
      { id: 'tech:quantum-sensing', name: 'Quantum sensing' },
      { id: 'tech:lidar', name: 'Lidar' },
    ])
    .nodes('Capability', [{ id: 'cap:detection', name: 'Detection at borders', domain: 'border management' }])
    .nodes('Signal', [
      {
        id: 'sig:2026-01-05-cold-atom-gravimeter',
        title: 'Cold-atom gravimeter fielded',
        summary: 'A portable gravimeter finds tunnels.',
        url: 'https://seed.example.org/gravimeter',
        publishedAt: '2026-01-05',
        steep: 'technological',
        status: 'new',
      },
    ])
    .build();
}

const SIGNAL = 'sig:2026-01-05-cold-atom-gravimeter';
const MINE = `query { myNotifications(first: 50) { id kind subjectId subjectKind subjectName actorName message readAt } myNotificationCounts { unread total } }`;

let db: Database;
let api: InProcessApi;
/** Ann and Cem follow things; Ben acts. */
let ann: TestUser;
let ben: TestUser;
let cem: TestUser;

async function as(user: TestUser, query: string, variables?: Record<string, unknown>) {
  const result = await api.execute(query, variables, user.user);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data;
}

async function notificationsOf(user: TestUser): Promise<{ list: any[]; counts: { unread: number; total: number } }> {
  const data = await as(user, MINE);
  return { list: data.myNotifications, counts: data.myNotificationCounts };
}

const follow = (user: TestUser, targetId: string) => as(user, 'mutation($id: ID!) { follow(targetId: $id) { targetId since } }', { id: targetId });

beforeAll(async () => {
  db = await testDatabase();
  api = await inProcessApi(db);
});

beforeEach(async () => {
  await resetDatabase(db);
  await writeSeed(db, fixture());
  ann = await createUserWithToken(db, 'analyst', { name: 'Ann Analyst' });
  ben = await createUserWithToken(db, 'analyst', { name: 'Ben Analyst' });
  cem = await createUserWithToken(db, 'viewer', { name: 'Cem Viewer' });
});

afterAll(async () => {
  await api.stop();
  await closeTestDatabase();
});

describe('following', () => {
  it('follows, lists, answers isFollowing and unfollows; an unknown id is refused by name', async () => {
    await follow(ann, 'tech:quantum-sensing');
    await follow(ann, 'tech:quantum-sensing'); // twice is once
    const data = await as(ann, '{ myFollows { targetId targetKind targetName } isFollowing(targetId: "tech:quantum-sensing") }');
    expect(data.myFollows).toEqual([{ targetId: 'tech:quantum-sensing', targetKind: 'Technology', targetName: 'Quantum sensing' }]);
    expect(data.isFollowing).toBe(true);
    expect((await as(ann, 'mutation { unfollow(targetId: "tech:quantum-sensing") }')).unfollow).toBe(true);
    expect((await as(ann, 'mutation { unfollow(targetId: "tech:quantum-sensing") }')).unfollow).toBe(false);
    const refused = await api.execute('mutation { follow(targetId: "tech:nope") { targetId } }', {}, ann.user);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });
  });

  it('refuses a saved search with no word to search for, naming the field', async () => {
    const refused = await api.execute('mutation { saveSearch(input: { name: "Nothing", query: "  ?! " }) { id } }', {}, ann.user);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.query' });
    expect((await as(ann, '{ mySavedSearches { id } }')).mySavedSearches).toEqual([]);
  });
});

describe('triggers', () => {
  it('a signal linked to a followed technology: one SIGNAL_LINKED per follower, none for the actor', async () => {
    await follow(ann, 'tech:quantum-sensing');
    await follow(cem, 'tech:quantum-sensing');
    await follow(cem, SIGNAL); // Cem follows both ends of the link: still one notification
    await follow(ben, 'tech:quantum-sensing'); // the actor follows it too: told nothing of his own change
    await as(ben, 'mutation { linkSignal(input: { signalId: "sig:2026-01-05-cold-atom-gravimeter", targetId: "tech:quantum-sensing" }) { relevance } }');

    const annSees = await notificationsOf(ann);
    expect(annSees.list).toEqual([
      {
        id: expect.any(String),
        kind: 'SIGNAL_LINKED',
        subjectId: 'tech:quantum-sensing',
        subjectKind: 'Technology',
        subjectName: 'Quantum sensing',
        actorName: 'Ben Analyst',
        message: 'Ben Analyst linked signal “Cold-atom gravimeter fielded” to “Quantum sensing”.',
        readAt: null,
      },
    ]);
    expect(annSees.counts).toEqual({ unread: 1, total: 1 });
    // Cem: the link (about the signal, the first end he follows); the status change new → linked in the same
    // transaction is the same event for the signal's followers, so no second one.
    const cemSees = await notificationsOf(cem);
    expect(cemSees.list.map((n) => [n.kind, n.subjectId])).toEqual([['SIGNAL_LINKED', SIGNAL]]);
    expect((await notificationsOf(ben)).list).toEqual([]);
  });

  it('a new signal recorded with a link to a followed technology notifies its followers once', async () => {
    await follow(ann, 'tech:lidar');
    await as(
      ben,
      `mutation { createSignal(input: { title: "Lidar on every border post", url: "https://news.example.org/lidar", publishedAt: "2026-02-01",
         steep: TECHNOLOGICAL, links: [{ targetId: "tech:lidar" }] }) { id } }`,
    );
    const { list } = await notificationsOf(ann);
    expect(list.map((n) => [n.kind, n.subjectId, n.message])).toEqual([
      ['SIGNAL_LINKED', 'tech:lidar', 'Ben Analyst recorded signal “Lidar on every border post”, linked to “Lidar”.'],
    ]);
  });

  it('a mapping change on a followed entity: a property changed, a link added and removed', async () => {
    await follow(ann, 'tech:quantum-sensing');
    const { entity } = await as(ben, '{ entity(id: "tech:quantum-sensing") { revision } }');
    await as(ben, 'mutation($r: Int!) { updateEntity(input: { id: "tech:quantum-sensing", expectedRevision: $r, description: "Atoms as sensors." }) { id } }', {
      r: entity.revision,
    });
    await as(
      ben,
      'mutation { linkEntities(input: { type: ENABLES, fromId: "tech:quantum-sensing", toId: "cap:detection", properties: { strength: 0.5 } }) { type } }',
    );
    await as(ben, 'mutation { unlinkEntities(type: ENABLES, fromId: "tech:quantum-sensing", toId: "cap:detection") { removed } }');
    const { list, counts } = await notificationsOf(ann);
    // Newest first (all unread): unlink, link, update.
    expect(list.map((n) => [n.kind, n.subjectId, n.message])).toEqual([
      ['MAPPING_CHANGED', 'tech:quantum-sensing', 'Ben Analyst removed the link “Quantum sensing” → “Detection at borders” (ENABLES).'],
      ['MAPPING_CHANGED', 'tech:quantum-sensing', 'Ben Analyst linked “Quantum sensing” to “Detection at borders” (ENABLES).'],
      ['MAPPING_CHANGED', 'tech:quantum-sensing', 'Ben Analyst changed description of “Quantum sensing”.'],
    ]);
    expect(counts).toEqual({ unread: 3, total: 3 });
  });

  it('an annotation: SIGNAL_ANNOTATED without ratings, RATING_CHANGED when the ratings move, nothing for a text edit', async () => {
    await follow(ann, SIGNAL);
    const created = await as(ben, `mutation { annotate(input: { targetId: "${SIGNAL}", text: "Worth a look." }) { id version } }`);
    await as(ben, 'mutation($id: ID!) { editAnnotation(id: $id, input: { text: "Worth a close look." }) { version } }', { id: created.annotate.id });
    await as(ben, 'mutation($id: ID!) { editAnnotation(id: $id, input: { impact: 4, likelihood: 3 }) { version } }', { id: created.annotate.id });
    const { list } = await notificationsOf(ann);
    expect(list.map((n) => [n.kind, n.message])).toEqual([
      ['RATING_CHANGED', 'Ben Analyst rated “Cold-atom gravimeter fielded”: impact 4, likelihood 3.'],
      ['SIGNAL_ANNOTATED', 'Ben Analyst annotated “Cold-atom gravimeter fielded”: Worth a look.'],
    ]);
  });

  it('a new signal matching a saved search (form and import) notifies the search owner, once per signal', async () => {
    const saved = await as(ann, 'mutation { saveSearch(input: { name: "Gravimetry", query: "gravimeter" }) { id followed } }');
    expect(saved.saveSearch.followed).toBe(true);
    await as(ben, 'mutation { saveSearch(input: { name: "Mine too", query: "gravimeter" }) { id } }');
    await as(
      ben,
      `mutation { createSignal(input: { title: "Second gravimeter trial", summary: "Another gravimeter, at sea.", url: "https://news.example.org/g2",
         publishedAt: "2026-02-02", steep: TECHNOLOGICAL }) { id } }`,
    );
    // A signal that does not match raises nothing.
    await as(
      ben,
      `mutation { createSignal(input: { title: "Drones at sea", url: "https://news.example.org/d", publishedAt: "2026-02-03", steep: TECHNOLOGICAL }) { id } }`,
    );
    const csv = 'title,url,published_at,summary\nGravimeter maps a smuggling tunnel,https://news.example.org/g3,2026-02-04,Found by gravity.\n';
    await as(ben, 'mutation($c: String!) { importSignals(input: { content: $c, format: CSV }) { created } }', { c: csv });
    const { list } = await notificationsOf(ann);
    expect(list.map((n) => [n.kind, n.subjectName, n.message])).toEqual([
      ['SAVED_SEARCH_MATCH', 'Gravimeter maps a smuggling tunnel', 'New signal “Gravimeter maps a smuggling tunnel” matches your saved search “Gravimetry”.'],
      ['SAVED_SEARCH_MATCH', 'Second gravimeter trial', 'New signal “Second gravimeter trial” matches your saved search “Gravimetry”.'],
    ]);
    // Ben made the signals: his own saved search tells him nothing.
    expect((await notificationsOf(ben)).list).toEqual([]);
  });

  it('a signal imported with a link to a followed technology notifies its followers', async () => {
    await follow(ann, 'tech:lidar');
    const csv =
      'title,url,published_at\nLidar drones at the coast,https://news.example.org/l1,2026-02-04\nLidar in tunnels,https://news.example.org/l2,2026-02-05\n';
    await as(ben, 'mutation($c: String!) { importSignals(input: { content: $c, format: CSV, linkTo: ["tech:lidar"] }) { created } }', { c: csv });
    const { list } = await notificationsOf(ann);
    expect(list.map((n) => [n.kind, n.subjectId, n.message])).toEqual([
      ['SIGNAL_LINKED', 'tech:lidar', 'Ben Analyst imported 2 signals linked to “Lidar”: “Lidar drones at the coast”, “Lidar in tunnels”.'],
    ]);
  });
});

describe('transactions', () => {
  it('a change that rolls back raises no notification', async () => {
    await follow(ann, 'tech:quantum-sensing');
    // The change and its notifications are written, then the transaction fails (as a check inside it would).
    await expect(
      db.writeTransaction(async (tx) => {
        await recordChange(tx, { id: ben.user.id, name: 'Ben Analyst' }, { kind: 'UPDATE', entityId: 'tech:quantum-sensing', fields: [] });
        throw new Error('refused inside the transaction');
      }),
    ).rejects.toThrow('refused inside the transaction');
    // Through the API: a link whose far end does not exist is refused inside the transaction.
    const refused = await api.execute(
      'mutation { linkEntities(input: { type: ENABLES, fromId: "tech:quantum-sensing", toId: "cap:missing", properties: { strength: 0.5 } }) { type } }',
      {},
      ben.user,
    );
    expect(refused.errors).toBeDefined();
    expect(await notificationsOf(ann)).toEqual({ list: [], counts: { unread: 0, total: 0 } });
  });
});

describe('the notification centre', () => {
  it('counts unread, marks one and then all read, and never touches another user’s', async () => {
    await follow(ann, 'tech:quantum-sensing');
    await follow(cem, 'tech:quantum-sensing');
    await as(
      ben,
      'mutation { linkEntities(input: { type: ENABLES, fromId: "tech:quantum-sensing", toId: "cap:detection", properties: { strength: 1 } }) { type } }',
    );
    await as(ben, 'mutation { unlinkEntities(type: ENABLES, fromId: "tech:quantum-sensing", toId: "cap:detection") { removed } }');
    const before = await notificationsOf(ann);
    expect(before.counts).toEqual({ unread: 2, total: 2 });
    const older = before.list[1].id;
    const marked = await as(ann, 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unread total } }', { ids: [older] });
    expect(marked.markNotificationsRead).toEqual({ unread: 1, total: 2 });
    // Unread first: the one still unread, then the read one.
    const after = await notificationsOf(ann);
    expect(after.list.map((n) => [n.id === older, n.readAt === null])).toEqual([
      [false, true],
      [true, false],
    ]);
    // Cem cannot mark Ann's: refused by id, and nothing changes.
    const refused = await api.execute('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unread } }', { ids: [before.list[0].id] }, cem.user);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect((await notificationsOf(ann)).counts.unread).toBe(1);
    expect((await as(ann, 'mutation { markAllNotificationsRead { unread total } }')).markAllNotificationsRead).toEqual({ unread: 0, total: 2 });
    expect((await notificationsOf(cem)).counts).toEqual({ unread: 2, total: 2 });
  });
});

describe('the Atom feed over HTTP', () => {
  it('answers the token owner’s notifications, and 404 for a revoked or unknown token', async () => {
    await follow(ann, 'tech:lidar');
    await as(ben, 'mutation { linkEntities(input: { type: ENABLES, fromId: "tech:lidar", toId: "cap:detection", properties: { strength: 1 } }) { type } }');
    const server = await startServer({ db, port: 0 });
    try {
      const feed = await fetch(`${server.url}/feeds/notifications/${ann.token}.atom`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await feed.text();
      expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      expect(xml).toContain('Ben Analyst linked “Lidar” to “Detection at borders” (ENABLES).');
      // Cem's feed holds nothing of Ann's.
      expect(await (await fetch(`${server.url}/feeds/notifications/${cem.token}.atom`)).text()).not.toContain('Lidar');

      const { data } = await postGraphQL(server.url, '{ apiTokens { id } }', {}, authHeaders(ann.token));
      await postGraphQL(server.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: data.apiTokens[0].id }, authHeaders(ben.token));
      // Ben cannot revoke Ann's token; Ann can.
      expect((await fetch(`${server.url}/feeds/notifications/${ann.token}.atom`)).status).toBe(200);
      await postGraphQL(server.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: data.apiTokens[0].id }, authHeaders(ann.token));
      expect((await fetch(`${server.url}/feeds/notifications/${ann.token}.atom`)).status).toBe(404);
      expect((await fetch(`${server.url}/feeds/notifications/atlas_unknown-token-123.atom`)).status).toBe(404);
      expect((await fetch(`${server.url}/feeds/notifications/not-a-feed`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
