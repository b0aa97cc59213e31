// Against the throwaway Neo4j: a soft-deleted signal loses :Entity:Signal and its INDICATES links, is found among
// deleted ids, reports what a restore would collide with (id, URL, content), and gets its labels back on restore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { findDeletedIds, findRestoreConflicts, isDeletedSignal, markSignalDeleted, unmarkSignalDeleted } from './signal.deletion.repository.js';

const queries = new QueryRecorder('signal/signal.deletion.repository');
let db: Database;
const ANA = { id: 'user:ana', name: 'Ana' };

// Labels sorted: Neo4j lists them in its own (token) order.
const node = async (id: string) =>
  (
    await db.read<{ labels: string[]; links: number; deletedByName: string | null; deletedAt: unknown }>(
      `MATCH (s {id: $id}) RETURN labels(s) AS labels, COUNT { (s)-[:INDICATES]->() } AS links,
              s.deletedByName AS deletedByName, s.deletedAt AS deletedAt`,
      { id },
    )
  ).map((r) => ({ ...r, labels: [...r.labels].sort() }));

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (t:Entity:Technology {id: 'tech:drones', name: 'Drones'}), (c:Entity:Capability {id: 'cap:defence', name: 'Defence'})
     CREATE (a:Entity:Signal {id: 'sig:a', name: 'Drones over prisons', canonicalUrl: 'https://news.example.org/a', contentHash: 'hash-a'})
     CREATE (b:Entity:Signal {id: 'sig:b', name: 'Drone law', canonicalUrl: 'https://news.example.org/b', contentHash: 'hash-b'})
     CREATE (a)-[:INDICATES {relevance: 0.9}]->(t), (a)-[:INDICATES {relevance: 0.4}]->(c), (b)-[:INDICATES]->(t)`,
  );
});
afterAll(closeTestDatabase);

describe('signal deletion', () => {
  it('takes the signal out under the deleted label, with its INDICATES links, naming who deleted it', async () => {
    expect(await db.writeTransaction((tx) => markSignalDeleted(tx, 'sig:a', ANA))).toBe(2);
    const [a] = await node('sig:a');
    expect(a).toMatchObject({ labels: ['DeletedSignal'], links: 0, deletedByName: 'Ana' });
    expect(a!.deletedAt).not.toBeNull();
    expect(await node('sig:b')).toMatchObject([{ labels: ['Entity', 'Signal'], links: 1 }]);
    expect(await db.writeTransaction((tx) => markSignalDeleted(tx, 'sig:nope', ANA))).toBe(0);
  });

  it('tells deleted signals from live and unknown ones', async () => {
    expect(await db.writeTransaction((tx) => isDeletedSignal(tx, 'sig:a'))).toBe(true);
    expect(await db.writeTransaction((tx) => isDeletedSignal(tx, 'sig:b'))).toBe(false);
    expect(await db.writeTransaction((tx) => findDeletedIds(tx, ['sig:b', 'sig:a', 'sig:nope']))).toEqual(['sig:a']);
    expect(await db.writeTransaction((tx) => findDeletedIds(tx, []))).toEqual([]);
  });

  it('finds what a restore would collide with: the id taken again, a live signal with its URL or its content', async () => {
    const conflicts = () => db.writeTransaction((tx) => findRestoreConflicts(tx, 'sig:a'));
    expect(await conflicts()).toEqual({ sameId: false, sameUrl: null, sameContent: null });
    await db.write(
      `CREATE (:Entity:Signal {id: 'sig:d', canonicalUrl: 'https://news.example.org/a', contentHash: 'hash-d'}),
              (:Entity:Signal {id: 'sig:c', canonicalUrl: 'https://news.example.org/c', contentHash: 'hash-a'}),
              (:Entity:Technology {id: 'sig:a', name: 'Squatter'})`,
    );
    expect(await conflicts()).toEqual({ sameId: true, sameUrl: 'sig:d', sameContent: 'sig:c' });
    await db.write(`MATCH (n:Entity) WHERE n.id IN ['sig:a', 'sig:c', 'sig:d'] DETACH DELETE n`);
    expect(await conflicts()).toEqual({ sameId: false, sameUrl: null, sameContent: null });
    expect(await db.writeTransaction((tx) => findRestoreConflicts(tx, 'sig:b'))).toEqual({ sameId: false, sameUrl: null, sameContent: null });
  });

  it('gives a restored signal its labels back and forgets the deletion (links are the caller’s)', async () => {
    await db.writeTransaction((tx) => unmarkSignalDeleted(tx, 'sig:a'));
    expect(await node('sig:a')).toEqual([{ labels: ['Entity', 'Signal'], links: 0, deletedByName: null, deletedAt: null }]);
    expect(await db.writeTransaction((tx) => isDeletedSignal(tx, 'sig:a'))).toBe(false);
  });

  queries.snapshotTest();
});
