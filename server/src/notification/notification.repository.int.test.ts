// Against the throwaway Neo4j: notifications raised inside a write transaction (a map change, an annotation, new
// signals matching a saved search, an import) for the followers of what they touch, then read, counted and marked
// read by their user. Ana acts; Ben and Cara follow; a deleted user's follow is ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, SAVED_SEARCH_LABEL, WATCH_LINKS } from '../db/labels.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';
import {
  countNotifications,
  findOwnNotificationIds,
  followedThings,
  insertNotifications,
  listNotifications,
  markRead,
  notifyAnnotation,
  notifyChange,
  notifyImportedSignals,
  notifyPeople,
  notifySavedSearchMatches,
} from './notification.repository.js';

const queries = new QueryRecorder('notification/notification.repository');
let db: Database;
const ana = { id: 'user:ana', name: 'Ana' };
const { FOLLOWS, OWNS } = WATCH_LINKS;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (ana:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana'})
     CREATE (ben:${AUTH_LABELS.USER} {id: 'user:ben', name: 'Ben'})
     CREATE (cara:${AUTH_LABELS.USER} {id: 'user:cara', name: 'Cara'})
     CREATE (gone:${AUTH_LABELS.USER} {id: 'user:gone', name: 'Gone', status: 'deleted'})
     CREATE (a:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (b:${ENTITY_LABEL}:Technology {id: 'tech:b', name: 'Beta analytics'})
     CREATE (:${ENTITY_LABEL}:Signal {id: 'sig:1', name: 'Drone swarm trial'})
     CREATE (:${ENTITY_LABEL}:Signal {id: 'sig:2', name: 'Quantum radar note'})
     CREATE (drones:${SAVED_SEARCH_LABEL} {id: 'search:1', name: 'Drones', query: 'drone', kinds: ['Signal']})
     CREATE (quantum:${SAVED_SEARCH_LABEL} {id: 'search:2', name: 'Quantum', query: 'quantum', kinds: ['Technology']})
     CREATE (ben)-[:${OWNS}]->(drones), (ben)-[:${FOLLOWS}]->(drones)
     CREATE (cara)-[:${OWNS}]->(quantum), (cara)-[:${FOLLOWS}]->(quantum)
     CREATE (ana)-[:${FOLLOWS}]->(a), (ben)-[:${FOLLOWS}]->(a), (cara)-[:${FOLLOWS}]->(a), (gone)-[:${FOLLOWS}]->(a)
     CREATE (cara)-[:${FOLLOWS}]->(b)`,
  );
  await db.schema('CALL db.awaitIndexes(120)');
});
afterAll(closeTestDatabase);

const feed = async (userId: string, options: { unreadFirst?: boolean } = {}) =>
  (await listNotifications(db, userId, { first: 10, ...options })).map((n) => [n.kind, n.subjectId, n.message]);

describe('notifications', () => {
  it('reads the followers of each thing, never the actor nor a deleted user', async () => {
    const things = await db.writeTransaction((tx) => followedThings(tx, ['tech:a', 'tech:b', 'tech:none'], ana.id));
    expect(things.map((t) => ({ ...t, followerIds: [...t.followerIds].sort() })).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'tech:a', kind: 'Technology', name: 'Alpha sensing', followerIds: ['user:ben', 'user:cara'] },
      { id: 'tech:b', kind: 'Technology', name: 'Beta analytics', followerIds: ['user:cara'] },
    ]);
    expect(await db.writeTransaction((tx) => followedThings(tx, [], ana.id))).toEqual([]);
  });

  it('tells each follower of a link once, about the first end they follow', async () => {
    await db.writeTransaction((tx) => notifyChange(tx, ana, { kind: 'LINK', linkType: 'DEPENDS_ON', fromId: 'tech:b', toId: 'tech:a', fields: [] }));
    const said = 'Ana linked “Beta analytics” to “Alpha sensing” (DEPENDS_ON).';
    expect(await feed('user:ben')).toEqual([['MAPPING_CHANGED', 'tech:a', said]]);
    expect(await feed('user:cara')).toEqual([['MAPPING_CHANGED', 'tech:b', said]]);
    expect(await feed('user:ana')).toEqual([]);
  });

  it('tells the followers of an annotated thing', async () => {
    await db.writeTransaction((tx) => notifyAnnotation(tx, ana, 'tech:b', NotificationKind.SIGNAL_ANNOTATED, (name) => `Ana annotated “${name}”.`));
    expect((await feed('user:cara'))[0]).toEqual(['SIGNAL_ANNOTATED', 'tech:b', 'Ana annotated “Beta analytics”.']);
  });

  it('tells the followers of a saved search that may hear of signals about each new matching signal', async () => {
    await db.writeTransaction((tx) => notifySavedSearchMatches(tx, ana, ['sig:1', 'sig:2']));
    expect((await feed('user:ben'))[0]).toEqual(['SAVED_SEARCH_MATCH', 'sig:1', 'New signal “Drone swarm trial” matches your saved search “Drones”.']);
    expect(await feed('user:cara')).toHaveLength(2);
  });

  it('tells of imported signals once per followed target, and of saved-search matches', async () => {
    await db.writeTransaction((tx) => notifyImportedSignals(tx, ana, [{ id: 'sig:2', name: 'Quantum radar note', targetIds: ['tech:b'] }]));
    expect((await feed('user:cara'))[0]).toEqual(['SIGNAL_LINKED', 'tech:b', 'Ana imported signal “Quantum radar note”, linked to “Beta analytics”.']);
    expect(await feed('user:ben')).toHaveLength(2);
  });

  it('writes drafts as given; the Atlas itself acts without an id', async () => {
    await db.writeTransaction((tx) => insertNotifications(tx, ana, []));
    await db.writeTransaction((tx) =>
      insertNotifications(tx, { id: '', name: 'Foresight Atlas' }, [
        {
          userId: 'user:ana',
          kind: NotificationKind.RATING_CHANGED,
          subjectId: 'tech:a',
          subjectKind: 'Technology',
          subjectName: 'Alpha sensing',
          message: 'Rated.',
        },
      ]),
    );
    const [n] = await listNotifications(db, 'user:ana', { first: 5 });
    expect(n).toMatchObject({
      kind: 'RATING_CHANGED',
      subjectKind: 'Technology',
      subjectName: 'Alpha sensing',
      actorId: null,
      actorName: 'Foresight Atlas',
      readAt: null,
    });
  });

  it('counts, marks read only the user’s own, and lists unread first then newest', async () => {
    const ids = (await listNotifications(db, 'user:ben', { first: 10 })).map((n) => n.id);
    expect(ids).toHaveLength(2);
    expect(await countNotifications(db, 'user:ben')).toEqual({ total: 2, unread: 2 });
    expect(await countNotifications(db, 'user:nobody')).toEqual({ total: 0, unread: 0 });
    expect(await findOwnNotificationIds(db, 'user:cara', [ids[0]!, 'nope'])).toEqual([]);
    expect(await findOwnNotificationIds(db, 'user:ben', [ids[0]!, 'nope'])).toEqual([ids[0]]);
    expect(await markRead(db, 'user:cara', [ids[0]!])).toBe(0);
    expect(await markRead(db, 'user:ben', [ids[0]!])).toBe(1);
    expect(await countNotifications(db, 'user:ben')).toEqual({ total: 2, unread: 1 });
    expect((await listNotifications(db, 'user:ben', { first: 10 })).map((n) => n.id)).toEqual([ids[1], ids[0]]);
    expect((await listNotifications(db, 'user:ben', { first: 10, unreadFirst: false })).map((n) => n.id)).toEqual(ids);
    expect((await listNotifications(db, 'user:ben', { first: 10, unreadOnly: true })).map((n) => n.id)).toEqual([ids[1]]);
    expect((await listNotifications(db, 'user:ben', { first: 1, unreadFirst: false })).map((n) => n.id)).toEqual([ids[0]]);
    expect(await listNotifications(db, 'user:ben', { first: 10, since: '2999-01-01T00:00:00Z' })).toEqual([]);
    expect(await markRead(db, 'user:ben', null)).toBe(1);
    expect(await countNotifications(db, 'user:ben')).toEqual({ total: 2, unread: 0 });
  });

  it('notifies the people a discussion names: once each, never the actor nor an unknown user, naming the subject as it is', async () => {
    const mention = (subjectId: string) => ({ kind: NotificationKind.MENTION, subjectId, message: 'Ana mentioned you: “please assess”' });
    const written = await db.writeTransaction((tx) => notifyPeople(tx, ana, mention('tech:a'), ['user:ben', 'user:ben', 'user:ana', 'user:nobody']));
    expect(written).toBe(1);
    // A subject deleted meanwhile: its id stands for its name.
    expect(await db.writeTransaction((tx) => notifyPeople(tx, ana, mention('tech:gone'), ['user:ben']))).toBe(1);
    expect(await db.writeTransaction((tx) => notifyPeople(tx, ana, mention('tech:a'), ['user:ana']))).toBe(0);
    const mentions = async (userId: string) =>
      (await listNotifications(db, userId, { first: 10, unreadFirst: false }))
        .filter((n) => n.kind === 'MENTION')
        .map(({ subjectId, subjectKind, subjectName, actorId, actorName, message }) => ({ subjectId, subjectKind, subjectName, actorId, actorName, message }));
    expect(await mentions('user:ana')).toEqual([]);
    const message = 'Ana mentioned you: “please assess”';
    expect((await mentions('user:ben')).sort((x, y) => x.subjectId.localeCompare(y.subjectId))).toEqual([
      { subjectId: 'tech:a', subjectKind: 'Technology', subjectName: 'Alpha sensing', actorId: 'user:ana', actorName: 'Ana', message },
      { subjectId: 'tech:gone', subjectKind: null, subjectName: 'tech:gone', actorId: 'user:ana', actorName: 'Ana', message },
    ]);
  });

  queries.snapshotTest();
});
