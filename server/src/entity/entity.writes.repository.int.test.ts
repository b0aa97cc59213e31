// Against the throwaway Neo4j, with the small seed (tests/fixtures/small-seed.ts: tech:a enables cap:x and depends on
// mat:m, every node cites src:doc): references checked inside the transaction, creates, updates and deletes recorded in
// history, a refused write leaving nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { checkReferences, createEntity, deleteEntity, snapshotEntity, updateEntity } from './entity.writes.repository.js';

const queries = new QueryRecorder('entity/entity.writes.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: GraphQLError) => error.extensions,
  );

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
});
afterAll(closeTestDatabase);

describe('checkReferences', () => {
  it('names every unknown id and every id of the wrong kind, by its place in the list', async () => {
    const extensions = await refusal(
      db.writeTransaction((tx) => checkReferences(tx, [{ field: 'input.sourceIds', ids: ['src:doc', 'tech:a', 'src:nope'], kinds: ['Source'] }])),
    );
    expect(extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.sourceIds[1]', message: '"tech:a" is a Technology; expected Source.' },
        { field: 'input.sourceIds[2]', message: 'no entity has id "src:nope".' },
      ],
    });
  });

  it('passes when every id exists and is of a kind asked for', async () => {
    await expect(
      db.writeTransaction((tx) => checkReferences(tx, [{ field: 'input.fromId', ids: ['tech:a'], kinds: ['Technology', 'Component'], single: true }])),
    ).resolves.toBeUndefined();
  });
});

describe('createEntity, updateEntity and deleteEntity', () => {
  it('creates at revision 1 with its source, refuses a taken id, and records who did it', async () => {
    const created = await db.writeTransaction((tx) => createEntity(tx, 'Component', 'comp:lens', { name: 'Lens', description: null }, ['src:doc'], actor));
    expect(created).toMatchObject({ id: 'comp:lens', kind: 'Component', name: 'Lens', revision: 1, createdByName: 'Ana Analyst' });
    expect(created).not.toHaveProperty('description');
    const [row] = await db.read<{ sources: string[]; changes: number }>(
      `MATCH (n:Component {id: 'comp:lens'}) RETURN [(n)-[:SOURCED_FROM]->(s) | s.id] AS sources, COUNT { MATCH (c:Change {entityId: 'comp:lens', kind: 'CREATE'}) } AS changes`,
    );
    expect(row).toEqual({ sources: ['src:doc'], changes: 1 });
    const taken = await refusal(
      db.writeTransaction((tx) => createEntity(tx, 'Component', 'comp:lens', { name: 'Lens' }, [], actor, { idField: 'input.name' })),
    );
    expect(taken).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('updates the given properties (null removes one) and the sources, bumping the revision and recording the fields', async () => {
    const update = (props: Record<string, unknown>, sourceIds?: string[], expectedRevision?: number) =>
      db.writeTransaction((tx) => updateEntity(tx, 'Component', 'comp:lens', props, sourceIds, actor, { expectedRevision, comment: 'sharper' }));
    const updated = await update({ description: 'Focuses light.' }, [], 1);
    expect(updated).toMatchObject({ id: 'comp:lens', description: 'Focuses light.', revision: 2, updatedBy: 'Ana Analyst' });
    const [row] = await db.read<{ sources: string[]; fields: string; comment: string }>(
      `MATCH (n:Component {id: 'comp:lens'}) MATCH (c:Change {entityId: 'comp:lens', kind: 'UPDATE'})
       RETURN [(n)-[:SOURCED_FROM]->(s) | s.id] AS sources, c.fields AS fields, c.comment AS comment`,
    );
    expect({ ...row, fields: JSON.parse(row!.fields) }).toEqual({
      sources: [],
      fields: [
        { field: 'description', before: null, after: 'Focuses light.' },
        { field: 'sources', before: ['src:doc'], after: [] },
      ],
      comment: 'sharper',
    });
    // The same values again change nothing: no new revision.
    expect(await update({ description: 'Focuses light.' })).toMatchObject({ revision: 2 });
    expect(await update({ description: null })).not.toHaveProperty('description');
  });

  it('refuses an update of an unknown entity, and one made from a stale revision', async () => {
    expect(await refusal(db.writeTransaction((tx) => updateEntity(tx, 'Component', 'comp:nope', { name: 'X' }, undefined, actor)))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const stale = await refusal(
      db.writeTransaction((tx) => updateEntity(tx, 'Component', 'comp:lens', { name: 'Lens 2' }, undefined, actor, { expectedRevision: 1 })),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', currentRevision: 3 });
  });

  it('snapshots an entity with its sources and links, and deletes it with them', async () => {
    const snapshot = await db.writeTransaction((tx) => snapshotEntity(tx, 'Technology', 'tech:a'));
    expect(snapshot?.sourceIds).toEqual(['src:doc']);
    expect(snapshot?.links.map((l) => `${l.fromId}-${l.type}->${l.toId}`).sort()).toEqual(['tech:a-DEPENDS_ON->mat:m', 'tech:a-ENABLES->cap:x']);
    // SOURCED_FROM, ENABLES and DEPENDS_ON go with it.
    const deleted = await db.writeTransaction((tx) => deleteEntity(tx, 'Technology', 'tech:a', actor));
    expect(deleted.relationshipsRemoved).toBe(3);
    expect(await db.read(`MATCH (n {id: 'tech:a'}) RETURN n`)).toEqual([]);
    expect(await db.writeTransaction((tx) => snapshotEntity(tx, 'Technology', 'tech:a'))).toBeNull();
  });

  queries.snapshotTest();
});
