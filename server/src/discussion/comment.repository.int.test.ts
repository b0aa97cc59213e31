// Against the throwaway Neo4j: a comment thread on one technology, written, edited (earlier text kept as a revision,
// only fresh mentions notified), soft-deleted by an administrator, and read back per subject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Owner } from '../auth/ownership.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { findCommentRevisions, findCommentsOf, insertComment, reviseComment, softDeleteComment } from './comment.repository.js';

const queries = new QueryRecorder('discussion/comment.repository');
let db: Database;

const ana: Owner = { id: 'user:ana', name: 'Ana', role: 'analyst' };
const ben: Owner = { id: 'user:ben', name: 'Ben', role: 'analyst' };
const cara: Owner = { id: 'user:cara', name: 'Cara', role: 'admin' };

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `UNWIND [['user:ana', 'Ana'], ['user:ben', 'Ben'], ['user:cara', 'Cara']] AS u CREATE (:${AUTH_LABELS.USER} {id: u[0], name: u[1]})
     WITH count(*) AS users
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:b', name: 'Beta analytics'})`,
  );
});
afterAll(closeTestDatabase);

const mentionsOf = async (userId: string) =>
  (
    await db.read<{ message: string }>(
      `MATCH (n:${NOTIFICATION_LABEL} {kind: 'MENTION'})-[:${WATCH_LINKS.FOR}]->(:${AUTH_LABELS.USER} {id: $userId}) RETURN n.message AS message ORDER BY n.createdAt`,
      { userId },
    )
  ).map((r) => r.message);

const code = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;

describe('comments', () => {
  it('writes a comment by its author and notifies the mentioned', async () => {
    const comment = await insertComment(db, { id: 'c1', subjectId: 'tech:a', body: '@ben please assess', mentions: [{ id: 'user:ben', name: 'Ben' }] }, ana);
    expect(comment).toMatchObject({
      id: 'c1',
      subjectId: 'tech:a',
      body: '@ben please assess',
      authorId: 'user:ana',
      author: 'Ana',
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
      mentioned: ['Ben'],
      mentionedIds: ['user:ben'],
      revisionCount: 0,
    });
    expect(comment.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await mentionsOf('user:ben')).toEqual(['Ana mentioned you: “@ben please assess”']);
    await insertComment(db, { id: 'c2', subjectId: 'tech:a', body: 'Agreed.', mentions: [] }, ben);
  });

  it('refuses a comment on a subject that is gone', async () => {
    const refused = insertComment(db, { id: 'c3', subjectId: 'tech:gone', body: 'Hello', mentions: [] }, ana);
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'subjectId' } });
  });

  it('revises by the author only, keeps the earlier text and notifies only fresh mentions', async () => {
    await expect(reviseComment(db, 'c1', 'Not mine', [], ben)).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
    await expect(reviseComment(db, 'c404', 'Text', [], ana)).rejects.toSatisfy((e) => code(e) === 'NOT_FOUND');
    const unchanged = await reviseComment(db, 'c1', '@ben please assess', [{ id: 'user:ben', name: 'Ben' }], ana);
    expect(unchanged.revisionCount).toBe(0);
    const both = [
      { id: 'user:ben', name: 'Ben' },
      { id: 'user:cara', name: 'Cara' },
    ];
    const revised = await reviseComment(db, 'c1', '@ben @cara please assess', both, ana);
    expect(revised).toMatchObject({ body: '@ben @cara please assess', mentioned: ['Ben', 'Cara'], mentionedIds: ['user:ben', 'user:cara'], revisionCount: 1 });
    expect(revised.editedAt).not.toBeNull();
    expect(await mentionsOf('user:ben')).toHaveLength(1);
    expect(await mentionsOf('user:cara')).toEqual(['Ana mentioned you: “@ben @cara please assess”']);
    await reviseComment(db, 'c1', '@ben @cara please assess by Friday', both, ana);
    const revisions = await findCommentRevisions(db, ['c1', 'c2']);
    expect(revisions.map((r) => [r.commentId, r.version, r.body])).toEqual([
      ['c1', 1, '@ben please assess'],
      ['c1', 2, '@ben @cara please assess'],
    ]);
    expect(revisions[0]!.editedAt).toBe(revised.createdAt);
    expect(await findCommentRevisions(db, ['c2'])).toEqual([]);
  });

  it('soft-deletes by an administrator but not by another analyst; a deleted comment cannot change', async () => {
    await expect(softDeleteComment(db, 'c2', ana)).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
    const deleted = await softDeleteComment(db, 'c2', cara);
    expect(deleted).toMatchObject({ id: 'c2', body: 'Agreed.', deletedBy: 'Cara' });
    expect(deleted.deletedAt).not.toBeNull();
    await expect(reviseComment(db, 'c2', 'Changed', [], ben)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
  });

  it('reads each thread oldest first, deleted comments included', async () => {
    const rows = await findCommentsOf(db, ['tech:a', 'tech:b']);
    expect(rows.map((r) => [r.key, r.comment.id, r.comment.revisionCount, r.comment.deletedBy])).toEqual([
      ['tech:a', 'c1', 2, null],
      ['tech:a', 'c2', 0, 'Cara'],
    ]);
    expect(await findCommentsOf(db, ['tech:b'])).toEqual([]);
  });

  queries.snapshotTest();
});
