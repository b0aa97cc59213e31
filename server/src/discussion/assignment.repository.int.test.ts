// Against the throwaway Neo4j: assigning a technology to an analyst (a second assignment of the same open pair updates
// it), the assignee's queue, completing and removing, and the assignments of each subject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { completeAssignment, deleteAssignment, findAssignmentsOf, findAssignmentsTo, upsertAssignment } from './assignment.repository.js';

const queries = new QueryRecorder('discussion/assignment.repository');
let db: Database;

const lena = { id: 'user:lena', name: 'Lena Lead' };
const allowAll = () => {};

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:${AUTH_LABELS.USER} {id: 'user:lena', name: 'Lena Lead'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (:${ENTITY_LABEL}:Signal {id: 'sig:1', name: 'Drone swarm trial'})`,
  );
});
afterAll(closeTestDatabase);

const messagesTo = async (userId: string) =>
  (
    await db.read<{ message: string }>(
      `MATCH (n:${NOTIFICATION_LABEL} {kind: 'ASSIGNED'})-[:${WATCH_LINKS.FOR}]->(:${AUTH_LABELS.USER} {id: $userId}) RETURN n.message AS message ORDER BY n.createdAt`,
      { userId },
    )
  ).map((r) => r.message);

describe('assignments', () => {
  it('creates an assignment and notifies the assignee', async () => {
    const created = await upsertAssignment(db, { id: 'as1', subjectId: 'tech:a', assigneeId: 'user:ana', due: '2026-12-31', note: 'Rate it' }, lena);
    expect(created).toMatchObject({
      id: 'as1',
      subjectId: 'tech:a',
      subjectKind: 'Technology',
      subjectName: 'Alpha sensing',
      assigneeId: 'user:ana',
      assigneeName: 'Ana',
      assignedById: 'user:lena',
      assignedBy: 'Lena Lead',
      due: '2026-12-31',
      note: 'Rate it',
      completedAt: null,
      completedBy: null,
    });
    expect(await messagesTo('user:ana')).toEqual(['Lena Lead assigned you “Alpha sensing”, due 2026-12-31: Rate it']);
  });

  it('updates the open assignment of the same subject and assignee instead of adding one', async () => {
    const updated = await upsertAssignment(db, { id: 'as-new', subjectId: 'tech:a', assigneeId: 'user:ana', due: '2027-01-15', note: null }, lena);
    expect(updated).toMatchObject({ id: 'as1', due: '2027-01-15', note: null });
    await upsertAssignment(db, { id: 'as2', subjectId: 'sig:1', assigneeId: 'user:ana', due: '2027-02-01', note: null }, lena);
    expect((await messagesTo('user:ana')).slice(1)).toEqual([
      'Lena Lead assigned you “Alpha sensing”, due 2027-01-15',
      'Lena Lead assigned you “Drone swarm trial”, due 2027-02-01',
    ]);
  });

  it('refuses when the subject is gone', async () => {
    const refused = upsertAssignment(db, { id: 'as3', subjectId: 'tech:gone', assigneeId: 'user:ana', due: '2027-01-01', note: null }, lena);
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'subjectId' } });
  });

  it('completes once, then keeps it out of the open queue', async () => {
    const done = await completeAssignment(db, 'as2', 'Ana', allowAll);
    expect(done).toMatchObject({ id: 'as2', completedBy: 'Ana' });
    expect(done.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(completeAssignment(db, 'as2', 'Ana', allowAll)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect((await findAssignmentsTo(db, 'user:ana', false)).map((a) => a.id)).toEqual(['as1']);
    expect((await findAssignmentsTo(db, 'user:ana', true)).map((a) => a.id).sort()).toEqual(['as1', 'as2']);
    expect(await findAssignmentsTo(db, 'user:lena', true)).toEqual([]);
  });

  it('reads the assignments of each subject', async () => {
    const rows = await findAssignmentsOf(db, ['tech:a', 'sig:1', 'tech:none']);
    expect(rows.map((r) => [r.key, r.assignment.id]).sort()).toEqual([
      ['sig:1', 'as2'],
      ['tech:a', 'as1'],
    ]);
  });

  it('removes only what the check allows, and says NOT_FOUND for an unknown id', async () => {
    const refuse = () => {
      throw new Error('not yours');
    };
    await expect(deleteAssignment(db, 'as1', refuse)).rejects.toThrow('not yours');
    await expect(completeAssignment(db, 'as1', 'Ben', refuse)).rejects.toThrow('not yours');
    expect((await deleteAssignment(db, 'as1', allowAll)).id).toBe('as1');
    expect((await findAssignmentsOf(db, ['tech:a'])).length).toBe(0);
    await expect(deleteAssignment(db, 'as1', allowAll)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  queries.snapshotTest();
});
