// Against the throwaway Neo4j: changes recorded one by one (each in its own write transaction, as a domain's write
// would), then read back as an entity's history (its own changes, links at either end, merges into it; newest first,
// paged by seq), as the changes since a revision, one by id, and marked restored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import type { ChangeInput } from './history.model.js';
import { changesSinceRevision, findChange, findHistory, markRestored, recordChange } from './history.repository.js';

const queries = new QueryRecorder('history/history.repository');
let db: Database;
const ana = { id: 'user:ana', name: 'Ana Analyst' };
const snapshot = { kind: 'Technology', properties: { id: 'tech:a', name: 'A' }, sourceIds: ['src:doc'], links: [] };

// In the order recorded; all but the last concern tech:a.
const CHANGES: Record<string, ChangeInput> = {
  created: {
    kind: 'CREATE',
    entityId: 'tech:a',
    entityKind: 'Technology',
    entityName: 'A',
    revision: 1,
    fields: [{ field: 'name', before: null, after: 'A' }],
  },
  updated: { kind: 'UPDATE', entityId: 'tech:a', entityKind: 'Technology', entityName: 'A', revision: 2, fields: [{ field: 'trl', before: 4, after: 5 }] },
  linked: { kind: 'LINK', linkType: 'ENABLES', fromId: 'tech:a', toId: 'cap:x', fields: [{ field: 'strength', before: null, after: 0.5 }] },
  substituted: { kind: 'LINK', linkType: 'SUBSTITUTES', fromId: 'tech:b', toId: 'tech:a', fields: [] },
  merged: { kind: 'MERGE', entityId: 'tech:dup', entityKind: 'Technology', mergedId: 'tech:a', fields: [] },
  deleted: { kind: 'DELETE', entityId: 'tech:a', entityKind: 'Technology', entityName: 'A', fields: [], snapshot, comment: 'a duplicate' },
  elsewhere: { kind: 'CREATE', entityId: 'cap:x', entityKind: 'Capability', entityName: 'X', revision: 1, fields: [] },
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  for (const [name, change] of Object.entries(CHANGES)) ids[name] = await db.writeTransaction((tx) => recordChange(tx, ana, change));
});
afterAll(closeTestDatabase);

describe('history repository', () => {
  it('records each change as one Change node with who made it', async () => {
    expect(Object.values(ids).every((id) => id.startsWith('chg:'))).toBe(true);
    const [row] = await db.read<{ n: number; by: string[] }>(`MATCH (c:Change) RETURN count(c) AS n, collect(DISTINCT c.byName) AS by`);
    expect(row).toEqual({ n: 7, by: ['Ana Analyst'] });
  });

  it("gives an entity's history newest first: its own changes, links at either end and merges into it", async () => {
    const history = await findHistory(db, 'tech:a', 10, null);
    expect(history.total).toBe(6);
    expect(history.rows.map((r) => r.id)).toEqual(['deleted', 'merged', 'substituted', 'linked', 'updated', 'created'].map((n) => ids[n]));
    expect(history.rows[0]).toMatchObject({ kind: 'DELETE', byId: 'user:ana', byName: 'Ana Analyst', comment: 'a duplicate', snapshot, fields: [] });
    expect(history.rows[3]).toMatchObject({ kind: 'LINK', linkType: 'ENABLES', fromId: 'tech:a', toId: 'cap:x', entityId: null });
    expect(await findHistory(db, 'tech:nope', 10, null)).toEqual({ total: 0, rows: [] });
  });

  it('pages after the cursor of the last change shown, one row more than asked', async () => {
    const first = await findHistory(db, 'tech:a', 2, null);
    expect(first.rows.map((r) => r.id)).toEqual(['deleted', 'merged', 'substituted'].map((n) => ids[n]));
    const last = first.rows[1]!;
    const next = await findHistory(db, 'tech:a', 2, { name: String(last.seq), id: last.id });
    expect(next.total).toBe(6);
    expect(next.rows.map((r) => r.id)).toEqual(['substituted', 'linked', 'updated'].map((n) => ids[n]));
  });

  it("lists the entity's own changes after a revision, oldest first", async () => {
    const since = (revision: number) => db.writeTransaction((tx) => changesSinceRevision(tx, 'tech:a', revision));
    expect((await since(0)).map((c) => [c.kind, c.revision])).toEqual([
      ['CREATE', 1],
      ['UPDATE', 2],
    ]);
    expect((await since(1))[0]).toMatchObject({ id: ids.updated, fields: [{ field: 'trl', before: 4, after: 5 }] });
    expect(await since(2)).toEqual([]);
  });

  it('finds one change by id (null when unknown) and marks it restored', async () => {
    const read = (id: string) => db.writeTransaction((tx) => findChange(tx, id));
    expect(await read(ids.deleted!)).toMatchObject({ id: ids.deleted, kind: 'DELETE', entityId: 'tech:a', snapshot, restoredBy: null });
    expect(await read('chg:nope')).toBeNull();
    await db.writeTransaction((tx) => markRestored(tx, ids.deleted!, 'chg:the-restore'));
    expect(await read(ids.deleted!)).toMatchObject({ restoredBy: 'chg:the-restore' });
  });

  queries.snapshotTest();
});
