// Against the throwaway Neo4j, with the small seed (tech:a, cap:x…): annotations created on a target with their first
// revision, edited by their author (a new version each time, none for an edit that changes nothing), tidied by an
// administrator (the words, never the ratings), refused to others and to a stale version, soft-deleted, and read
// back per target and as revisions. Followers' notifications are notification.repository.ts's (nobody follows here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import type { AnnotationContent } from './annotation.model.js';
import {
  createAnnotation,
  findAnnotationsOfTargets,
  findRevisions,
  insertAnnotation,
  reviseAnnotation,
  softDeleteAnnotation,
  toAnnotation,
} from './annotation.repository.js';

const queries = new QueryRecorder('annotation/annotation.repository');
let db: Database;
const ana = { id: 'user:ana', name: 'Ana Analyst', role: 'analyst' as const };
const bob = { id: 'user:bob', name: 'Bob Analyst', role: 'analyst' as const };
const admin = { id: 'user:ada', name: 'Ada Admin', role: 'admin' as const };
const rated: AnnotationContent = {
  text: 'Cheap drones  make this likely.',
  impact: 4,
  likelihood: 3,
  horizonYear: 2030,
  reliability: 'B',
  credibility: 2,
  tags: ['drones'],
  references: [],
};
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (e: GraphQLError) => e.extensions,
  );

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
});
afterAll(closeTestDatabase);

describe('writing annotations', () => {
  it('creates one on its target at version 1, named by the start of its text', async () => {
    const created = await insertAnnotation(db, 'ann:1', 'tech:a', rated, ana);
    expect(created).toMatchObject({
      ...rated,
      id: 'ann:1',
      kind: 'Annotation',
      name: 'Cheap drones make this likely.',
      targetId: 'tech:a',
      author: 'Ana Analyst',
      authorId: 'user:ana',
      version: 1,
      deleted: false,
    });
    expect(await refusal(insertAnnotation(db, 'ann:x', 'src:doc', rated, ana))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetId[0]' });
  });

  it("creates one inside the caller's transaction for an author who is no user (a Delphi panel)", async () => {
    const panel = { id: 'delphi:study-1', name: 'Delphi panel' };
    const created = await db.writeTransaction((tx) => createAnnotation(tx, 'ann:2', 'cap:x', { ...rated, text: 'Panel view', tags: [] }, panel));
    expect(created).toMatchObject({ id: 'ann:2', targetId: 'cap:x', author: 'Delphi panel', tags: [], references: [] });
  });

  it('makes a new version for an edit by the author, none for an edit that changes nothing', async () => {
    const edited = await reviseAnnotation(db, 'ann:1', (c) => ({ ...c, impact: 5 }), 1, ana);
    expect(edited).toMatchObject({ version: 2, impact: 5, updatedBy: 'Ana Analyst' });
    expect(await reviseAnnotation(db, 'ann:1', (c) => c, null, ana)).toMatchObject({ version: 2 });
  });

  it('refuses a stale version, and an edit by someone else', async () => {
    expect(await refusal(reviseAnnotation(db, 'ann:1', (c) => ({ ...c, impact: 1 }), 1, ana))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'expectedVersion',
    });
    expect(await refusal(reviseAnnotation(db, 'ann:1', (c) => ({ ...c, text: 'Mine now' }), null, bob))).toMatchObject({
      code: 'FORBIDDEN',
      owner: 'Ana Analyst',
    });
    expect(await refusal(reviseAnnotation(db, 'ann:nope', (c) => c, null, ana))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("lets an administrator change the words but not the author's ratings", async () => {
    const tidied = await reviseAnnotation(db, 'ann:1', (c) => ({ ...c, tags: ['drones', 'uas'] }), null, admin);
    expect(tidied).toMatchObject({ version: 3, tags: ['drones', 'uas'], updatedBy: 'Ada Admin', author: 'Ana Analyst' });
    expect(await refusal(reviseAnnotation(db, 'ann:1', (c) => ({ ...c, likelihood: 1 }), null, admin))).toMatchObject({
      code: 'FORBIDDEN',
      fields: ['input.likelihood'],
    });
  });

  it('soft-deletes: kept, marked deleted, and no longer editable', async () => {
    const deleted = await softDeleteAnnotation(db, 'ann:1', 'Wrong technology', ana);
    expect(deleted).toMatchObject({ id: 'ann:1', deleted: true, deletedBy: 'Ana Analyst', version: 4 });
    expect(await refusal(softDeleteAnnotation(db, 'ann:1', null, ana))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('reading annotations', () => {
  it('gives every annotation of each target, deleted ones too', async () => {
    const rows = await findAnnotationsOfTargets(db, ['tech:a', 'cap:x', 'tech:b']);
    expect(rows.map((r) => [r.key, r.annotation.id, r.annotation.deleted])).toEqual([
      ['cap:x', 'ann:2', false],
      ['tech:a', 'ann:1', true],
    ]);
  });

  it('gives the revisions oldest first, with who, why and the confidence code', async () => {
    const revisions = await findRevisions(db, ['ann:1', 'ann:nope']);
    expect(revisions.map((r) => [r.version, r.action, r.author, r.moderated, r.reason, r.impact, r.confidence])).toEqual([
      [1, 'created', 'Ana Analyst', false, null, 4, 'B2'],
      [2, 'edited', 'Ana Analyst', false, null, 5, 'B2'],
      [3, 'edited', 'Ada Admin', true, null, 5, 'B2'],
      [4, 'deleted', 'Ana Analyst', false, 'Wrong technology', 5, 'B2'],
    ]);
    expect(revisions[2]).toMatchObject({ annotationId: 'ann:1', tags: ['drones', 'uas'], references: [] });
  });

  it('reads a stored annotation with its lists and a boolean deleted', () => {
    expect(toAnnotation({ id: 'ann:9', name: 'x' })).toEqual({ id: 'ann:9', name: 'x', kind: 'Annotation', tags: [], references: [], deleted: false });
  });

  queries.snapshotTest();
});
