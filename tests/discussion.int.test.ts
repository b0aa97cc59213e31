// Comments, @mentions, assignments and My queue over real HTTP against a real Neo4j (server/src/discussion,
// docs/discussion.md). Who may edit and delete; refusals name the field and write nothing; every notification is
// written in the same transaction as what raised it, once.
import { describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database.js';
import type { RunningServer } from '../server/src/app.js';
import { notifyPeople } from '../server/src/notification/notification.repository.js';
import { NotificationKind } from '../server/src/vocabulary/vocabularies.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { graphFingerprint } from './support/fingerprint.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let ana: TestUser;
useSeededApi(
  () => mappingFixture(3),
  'analyst',
  (api) => ({ db, server, caller: ana } = api),
);

const as = (who: TestUser, query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(who.token));
const fingerprint = () => graphFingerprint(db);

const ADD = 'mutation($s: ID!, $b: String!) { addComment(subjectId: $s, body: $b) { id body author mentioned edited deleted canEdit canDelete } }';
const EDIT = 'mutation($id: ID!, $b: String!) { editComment(id: $id, body: $b) { body edited revisions { version body } } }';
const DELETE = 'mutation($id: ID!) { deleteComment(id: $id) { body deleted deletedBy revisions { body } } }';
const THREAD = 'query($s: ID!) { comments(subjectId: $s) { id body author deleted edited canEdit canDelete revisions { version body } } }';

async function notificationsFor(userId: string) {
  return db.read<{ kind: string; subjectId: string; subjectKind: string; subjectName: string; actorName: string; message: string; readAt: unknown }>(
    `MATCH (n:Notification)-[:FOR]->(:User {id: $userId})
     RETURN n.kind AS kind, n.subjectId AS subjectId, n.subjectKind AS subjectKind, n.subjectName AS subjectName, n.actorName AS actorName,
            n.message AS message, n.readAt AS readAt ORDER BY n.createdAt`,
    { userId },
  );
}

describe('comments', () => {
  let ben: TestUser;
  let admin: TestUser;
  let alice: TestUser;

  it('are written by analysts on any entity; the author edits (history kept), others cannot', async () => {
    ben = await createUserWithToken(db, 'analyst', { name: 'Ben Okafor', email: 'ben.okafor@atlas.test' });
    admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
    alice = await createUserWithToken(db, 'analyst', { name: 'Alice Martin', email: 'alice@atlas.test' });

    const added = await as(ana, ADD, { s: 'tech:t001', b: '  First look: promising.  ' });
    expect(added.errors).toBeUndefined();
    const id = added.data.addComment.id;
    expect(added.data.addComment).toMatchObject({
      body: 'First look: promising.',
      author: 'Test analyst',
      edited: false,
      deleted: false,
      canEdit: true,
      canDelete: true,
    });

    const before = await fingerprint();
    const byBen = await as(ben, EDIT, { id, b: 'Rewritten by Ben' });
    expect(byBen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byBen.errors?.[0]?.message).toContain('This comment is by Test analyst');
    // An admin moderates by deleting, never by rewriting someone's words.
    expect((await as(admin, EDIT, { id, b: 'Rewritten by the admin' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toBe(before);

    await as(ana, EDIT, { id, b: 'Second look: promising, but TRL 4 at best.' });
    const edited = await as(ana, EDIT, { id, b: 'Third look: TRL 4.' });
    expect(edited.data.editComment).toEqual({
      body: 'Third look: TRL 4.',
      edited: true,
      revisions: [
        { version: 1, body: 'First look: promising.' },
        { version: 2, body: 'Second look: promising, but TRL 4 at best.' },
      ],
    });
    // Ben sees it, but may neither edit nor delete it.
    const thread = await as(ben, THREAD, { s: 'tech:t001' });
    expect(thread.data.comments).toMatchObject([{ id, canEdit: false, canDelete: false, edited: true }]);
  });

  it('are deleted (softly) by their author or an admin, not by another analyst; the text is hidden, its history kept', async () => {
    const mine = (await as(ana, ADD, { s: 'tech:t002', b: 'Ana on t002' })).data.addComment.id;
    const bens = (await as(ben, ADD, { s: 'tech:t002', b: 'Ben on t002' })).data.addComment.id;
    await as(ben, EDIT, { id: bens, b: 'Ben on t002, edited' });

    const before = await fingerprint();
    const refused = await as(ben, DELETE, { id: mine });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toBe(before);

    expect((await as(ana, DELETE, { id: mine })).data.deleteComment).toEqual({ body: null, deleted: true, deletedBy: 'Test analyst', revisions: [] });
    expect((await as(admin, DELETE, { id: bens })).data.deleteComment).toMatchObject({ body: null, deleted: true, deletedBy: 'Adam Admin' });

    // The thread keeps both places, texts hidden; the stored text and Ben's earlier version are kept.
    const thread = await as(ana, THREAD, { s: 'tech:t002' });
    expect(thread.data.comments.map((c: any) => [c.body, c.deleted, c.canDelete])).toEqual([
      [null, true, false],
      [null, true, false],
    ]);
    const [kept] = await db.read<{ body: string; earlier: string[] }>(
      'MATCH (c:Comment {id: $id}) RETURN c.body AS body, [(c)-[:EARLIER_VERSION]->(r) | r.body] AS earlier',
      { id: bens },
    );
    expect(kept).toEqual({ body: 'Ben on t002, edited', earlier: ['Ben on t002'] });
    // A deleted comment cannot be edited back to life.
    const edit = await as(ben, EDIT, { id: bens, b: 'Back again' });
    expect(edit.errors?.[0]?.extensions?.field).toBe('id');
  });

  it('refuses an empty or too long body, and an unknown subject, naming the field; nothing is written', async () => {
    const before = await fingerprint();
    const empty = await as(ana, ADD, { s: 'tech:t001', b: '   ' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const long = await as(ana, ADD, { s: 'tech:t001', b: 'x'.repeat(5001) });
    expect(long.errors?.[0]?.extensions?.field).toBe('body');
    const unknown = await as(ana, ADD, { s: 'tech:nothing-here', b: 'Hello' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
    expect(unknown.errors?.[0]?.message).toContain('"tech:nothing-here"');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a viewer', async () => {
    const viewer = await createUserWithToken(db, 'viewer');
    expect((await as(viewer, ADD, { s: 'tech:t001', b: 'Hi' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('mentions', () => {
    it('refuse an unknown user by name, and write nothing (not the comment, not the known mention)', async () => {
      const before = await fingerprint();
      const refused = await as(ben, ADD, { s: 'tech:t000', b: '@alice and @bob please assess' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      expect(refused.errors?.[0]?.message).toContain('No user called @bob:');
      expect(refused.errors?.[0]?.message).not.toContain('@alice');
      expect(await fingerprint()).toBe(before);
      expect(await notificationsFor(alice.user.id)).toEqual([]);
    });

    it('notify each mentioned user once, in the shared shape, never the author; an edit notifies only new mentions', async () => {
      // @alice by handle, @"Alice Martin" by name (the same person: one notification), @ben.okafor is the author.
      const added = await as(ben, ADD, { s: 'tech:t000', b: '@alice please assess; @"Alice Martin" see above. cc @ben.okafor' });
      expect(added.data.addComment.mentioned).toEqual(['Alice Martin', 'Ben Okafor']);
      const forAlice = await notificationsFor(alice.user.id);
      expect(forAlice).toEqual([
        {
          kind: 'MENTION',
          subjectId: 'tech:t000',
          subjectKind: 'Technology',
          subjectName: 'Technology 000',
          actorName: 'Ben Okafor',
          message: 'Ben Okafor mentioned you: “@alice please assess; @"Alice Martin" see above. cc @ben.okafor”',
          readAt: null,
        },
      ]);
      expect(await notificationsFor(ben.user.id)).toEqual([]);

      // Fixing a typo does not ping Alice again; adding Ana does ping Ana, once.
      await as(ben, EDIT, { id: added.data.addComment.id, b: '@alice please assess, with @"Test analyst"' });
      expect(await notificationsFor(alice.user.id)).toHaveLength(1);
      expect((await notificationsFor(ana.user.id)).map((n) => n.kind)).toEqual(['MENTION']);
    });

    it('are never written for a transaction that rolled back', async () => {
      await expect(
        db.writeTransaction(async (tx) => {
          await notifyPeople(tx, { id: ben.user.id, name: 'Ben Okafor' }, { kind: NotificationKind.MENTION, subjectId: 'tech:t000', message: 'rolled back' }, [
            alice.user.id,
          ]);
          throw new Error('the change failed after the notification was written');
        }),
      ).rejects.toThrow('the change failed');
      expect((await notificationsFor(alice.user.id)).map((n) => n.message)).not.toContain('rolled back');
    });
  });
});

const ASSIGN =
  'mutation($s: ID!, $u: ID!, $d: String!, $n: String) { assign(subjectId: $s, assigneeId: $u, due: $d, note: $n) { id subjectName assigneeName assignedBy due note state } }';
const QUEUE = '{ myQueue { subjectId due state } }';

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('assignments and My queue', () => {
  let carla: TestUser;
  let boss: TestUser;
  let viewer: TestUser;

  it('assign to an analyst with a due date; the assignee is notified in the same transaction', async () => {
    carla = await createUserWithToken(db, 'analyst', { name: 'Carla' });
    boss = await createUserWithToken(db, 'analyst', { name: 'Boss' });
    viewer = await createUserWithToken(db, 'viewer', { name: 'Vera Viewer' });
    const due = dayFromToday(3);
    const a = await as(boss, ASSIGN, { s: 'tech:t001', u: carla.user.id, d: due, n: 'Check the TRL' });
    expect(a.errors).toBeUndefined();
    expect(a.data.assign).toMatchObject({
      subjectName: 'Technology 001',
      assigneeName: 'Carla',
      assignedBy: 'Boss',
      due,
      note: 'Check the TRL',
      state: 'OPEN',
    });
    const notes = await notificationsFor(carla.user.id);
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'ASSIGNED',
        subjectId: 'tech:t001',
        actorName: 'Boss',
        message: `Boss assigned you “Technology 001”, due ${due}: Check the TRL`,
      }),
    ]);

    // Assigning the same again changes the due date instead of adding a second assignment.
    const later = dayFromToday(10);
    const again = await as(boss, ASSIGN, { s: 'tech:t001', u: carla.user.id, d: later, n: null });
    expect(again.data.assign.id).toBe(a.data.assign.id);
    expect((await as(carla, QUEUE)).data.myQueue).toEqual([{ subjectId: 'tech:t001', due: later, state: 'OPEN' }]);
  });

  it('refuse a viewer as assignee, a bad or past due date and an unknown subject, naming each field; nothing is written', async () => {
    const before = await fingerprint();
    const viewerAssignee = await as(boss, ASSIGN, { s: 'tech:t002', u: viewer.user.id, d: dayFromToday(2) });
    expect(viewerAssignee.errors?.[0]?.extensions?.field).toBe('assigneeId');
    expect(viewerAssignee.errors?.[0]?.message).toContain('Vera Viewer can only read');
    const badDate = await as(boss, ASSIGN, { s: 'tech:t002', u: carla.user.id, d: '2026-02-30' });
    expect(badDate.errors?.[0]?.extensions?.field).toBe('due');
    const past = await as(boss, ASSIGN, { s: 'tech:t002', u: carla.user.id, d: dayFromToday(-1) });
    expect(past.errors?.[0]?.message).toContain('is in the past');
    const all = await as(boss, ASSIGN, { s: 'tech:none', u: 'user:none', d: 'soon' });
    expect(all.errors?.[0]?.extensions?.fields.map((f: { field: string }) => f.field)).toEqual(['subjectId', 'due', 'assigneeId']);
    expect(await fingerprint()).toBe(before);
    expect(await notificationsFor(viewer.user.id)).toEqual([]);
  });

  it('My queue lists overdue first, then by due date; done ones leave it', async () => {
    const dana = await createUserWithToken(db, 'analyst', { name: 'Dana' });
    // Hand-built: t000 due in 5 days, cap:c0 due in 1 day, t002 due in 2 days; then t002's due date is moved 4 days into
    // the past and cap:c1's 1 day into the past (as if time had passed), straight in the database.
    const ids: Record<string, string> = {};
    for (const [s, days] of [
      ['tech:t000', 5],
      ['cap:c0', 1],
      ['tech:t002', 2],
      ['cap:c1', 2],
    ] as const) {
      ids[s] = (await as(boss, ASSIGN, { s, u: dana.user.id, d: dayFromToday(days) })).data.assign.id;
    }
    await db.write('MATCH (a:Assignment {id: $id}) SET a.due = date($due)', { id: ids['tech:t002'], due: dayFromToday(-4) });
    await db.write('MATCH (a:Assignment {id: $id}) SET a.due = date($due)', { id: ids['cap:c1'], due: dayFromToday(-1) });
    // Expected: overdue t002 (-4) and cap:c1 (-1) first, oldest first; then cap:c0 (+1), then t000 (+5).
    expect((await as(dana, QUEUE)).data.myQueue).toEqual([
      { subjectId: 'tech:t002', due: dayFromToday(-4), state: 'OVERDUE' },
      { subjectId: 'cap:c1', due: dayFromToday(-1), state: 'OVERDUE' },
      { subjectId: 'cap:c0', due: dayFromToday(1), state: 'OPEN' },
      { subjectId: 'tech:t000', due: dayFromToday(5), state: 'OPEN' },
    ]);

    // Someone else may not complete Dana's work; Dana may.
    const refused = await as(carla, 'mutation($id: ID!) { completeAssignment(id: $id) { id } }', { id: ids['cap:c1'] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await as(dana, 'mutation($id: ID!) { completeAssignment(id: $id) { state completedBy } }', { id: ids['cap:c1'] });
    expect(done.data.completeAssignment).toEqual({ state: 'DONE', completedBy: 'Dana' });
    await as(boss, 'mutation($id: ID!) { unassign(id: $id) { id } }', { id: ids['tech:t000'] });
    expect((await as(dana, QUEUE)).data.myQueue.map((a: { subjectId: string }) => a.subjectId)).toEqual(['tech:t002', 'cap:c0']);
    const withDone = await as(dana, '{ myQueue(includeDone: true) { subjectId state } }');
    expect(withDone.data.myQueue.at(-1)).toEqual({ subjectId: 'cap:c1', state: 'DONE' });
  });
});
