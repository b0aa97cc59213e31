// Against the throwaway Neo4j: what an export reads (bookkeeping labels left out, property types named), what counts
// as "not empty" for a restore, and the import marks written and removed in batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { DATA_VERSION_LABEL, IDEMPOTENCY_LABEL } from '../db/labels.js';
import {
  countNodes,
  createImportedNodes,
  createImportedRelationships,
  createImportIndex,
  dropImportIndex,
  identifier,
  readNodes,
  readRelationships,
  removeImportMarks,
  setImportedNodeProperty,
} from './backup.repository.js';

const queries = new QueryRecorder('backup/backup.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

describe('the backup repository', () => {
  it('counts nodes other than bookkeeping, and reads them with their types', async () => {
    // The reset's own write left the data version node: it does not count.
    expect(await countNodes(db)).toBe(0);
    await db.write(
      `CREATE (:${IDEMPOTENCY_LABEL} {key: 'k'}), (:Entity:Technology {id: 'tech:a', trl: 5, createdAt: datetime('2026-01-01T00:00:00Z')})-[:ENABLES {strength: 0.5}]->(:Entity:Capability {id: 'cap:b'})`,
    );
    expect(await countNodes(db)).toBe(2);
    const nodes = await readNodes(db, [IDEMPOTENCY_LABEL, DATA_VERSION_LABEL]);
    expect(nodes.map((n) => n.props.id)).toEqual(['cap:b', 'tech:a']);
    expect(Object.fromEntries(nodes[1]!.types)).toEqual({ id: 'STRING', trl: 'INTEGER', createdAt: 'ZONED DATETIME' });
    const rels = await readRelationships(db, [IDEMPOTENCY_LABEL, DATA_VERSION_LABEL]);
    expect(rels.map((r) => [r.type, r.props])).toEqual([['ENABLES', { strength: 0.5 }]]);
  });

  it('imports nodes and relationships through marks, restores typed properties, and removes the marks', async () => {
    await resetDatabase(db);
    await createImportIndex(db);
    await createImportedNodes(db, ['Entity', 'Technology'].map(identifier).join(':'), [{ key: 'n0', props: { id: 'tech:x', trl: 4 } }]);
    await createImportedNodes(db, identifier('Entity'), [{ key: 'n1', props: { id: 'cap:y' } }]);
    await setImportedNodeProperty(db, 'trl', 'integer', [{ key: 'n0', value: 4 }]);
    await createImportedRelationships(db, 'ENABLES', new Map([['year', 'integer']]), [
      { from: 'n0', to: 'n1', props: { strength: 1, year: 2024 }, types: { year: 'integer' } },
    ]);
    expect(await removeImportMarks(db)).toBe(2);
    expect(await removeImportMarks(db)).toBe(0);
    await dropImportIndex(db);
    const [row] = await db.read<{ trl: string; year: string; marks: number }>(
      `MATCH (t:Technology {id: 'tech:x'})-[r:ENABLES]->(:Entity {id: 'cap:y'})
       RETURN valueType(t.trl) AS trl, valueType(r.year) AS year, COUNT { (n) WHERE n:_Import OR n._importKey IS NOT NULL } AS marks`,
    );
    expect(row).toEqual({ trl: 'INTEGER NOT NULL', year: 'INTEGER NOT NULL', marks: 0 });
  });

  it('refuses a label, type or property name that is not a plain identifier', () => {
    expect(identifier('Technology')).toBe('`Technology`');
    expect(() => identifier('a`) DETACH DELETE (n')).toThrow(/letters, digits and _ only/);
  });

  queries.snapshotTest();
});
