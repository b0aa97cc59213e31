// Against the throwaway Neo4j: discussion notifications, one per recipient other than the actor, naming the subject
// as it is when written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { writeNotifications, type NotificationDraft } from './notification.writes.repository.js';

const queries = new QueryRecorder('discussion/notification.writes.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:ben', name: 'Ben'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})`,
  );
});
afterAll(closeTestDatabase);

const draft = (subjectId: string): NotificationDraft => ({
  kind: 'MENTION',
  subjectId,
  actorId: 'user:ana',
  actorName: 'Ana',
  message: 'Ana mentioned you: “please assess”',
});

const notificationsOf = (userId: string) =>
  db.read(
    `MATCH (n:${NOTIFICATION_LABEL})-[:${WATCH_LINKS.FOR}]->(:${AUTH_LABELS.USER} {id: $userId})
     RETURN n.kind AS kind, n.subjectId AS subjectId, n.subjectKind AS subjectKind, n.subjectName AS subjectName,
            n.actorId AS actorId, n.actorName AS actorName, n.message AS message, n.readAt AS readAt
     ORDER BY n.subjectId`,
    { userId },
  );

describe('writing discussion notifications', () => {
  it('writes one per recipient, not to the actor, nor twice, nor to unknown users', async () => {
    const written = await db.writeTransaction((tx) => writeNotifications(tx, draft('tech:a'), ['user:ben', 'user:ben', 'user:ana', 'user:nobody']));
    expect(written).toBe(1);
    expect(await notificationsOf('user:ana')).toEqual([]);
  });

  it('keeps the subject id as its name when the subject is gone', async () => {
    expect(await db.writeTransaction((tx) => writeNotifications(tx, draft('tech:gone'), ['user:ben']))).toBe(1);
    expect(await notificationsOf('user:ben')).toEqual([
      { ...draft('tech:a'), subjectKind: 'Technology', subjectName: 'Alpha sensing', readAt: null },
      { ...draft('tech:gone'), subjectKind: null, subjectName: 'tech:gone', readAt: null },
    ]);
  });

  it('writes nothing when the actor is the only recipient', async () => {
    expect(await db.writeTransaction((tx) => writeNotifications(tx, draft('tech:a'), ['user:ana']))).toBe(0);
    expect(await notificationsOf('user:ana')).toEqual([]);
  });

  queries.snapshotTest();
});
