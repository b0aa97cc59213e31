// Against the throwaway Neo4j: the gaps analysts fix, each list capped and ordered by name, with its full count.
// Fixture: Alpha (sourced, TRL 5) depends on Material M without a source on the link; Beta (no source, no TRL)
// depends on Comp C with a sourced link; Comp C has a supplier, Material M none; an unsourced signal is not a map kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { findDataQuality } from './data-quality.repository.js';

const queries = new QueryRecorder('mapping/data-quality.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

const FIXTURE = `
  CREATE (src:Entity:Source {id: 'src:a', name: 'Report A'})
  CREATE (alpha:Entity:Technology {id: 'tech:a', name: 'Alpha', trl: 5})-[:SOURCED_FROM]->(src)
  CREATE (beta:Entity:Technology {id: 'tech:b', name: 'Beta'})
  CREATE (m:Entity:Material {id: 'mat:m', name: 'Material M'})
  CREATE (c:Entity:Component {id: 'comp:c', name: 'Comp C'})-[:SOURCED_FROM]->(src)
  CREATE (s:Entity:Supplier {id: 'sup:s', name: 'Supplier S'})-[:SOURCED_FROM]->(src)
  CREATE (:Entity:Signal {id: 'sig:x', name: 'A signal'})
  CREATE (alpha)-[:DEPENDS_ON {criticality: 1}]->(m)
  CREATE (beta)-[:DEPENDS_ON {criticality: 0.5, sourceIds: ['src:a']}]->(c)
  CREATE (c)-[:SUPPLIED_BY {sourceIds: ['src:a']}]->(s)`;

describe('findDataQuality', () => {
  it('finds no gaps in an empty map', async () => {
    const empty = { total: 0, items: [] };
    expect(await findDataQuality(db, 10)).toEqual({ unsourcedEntities: empty, unsourcedLinks: empty, unknownSupply: empty, unknownTrl: empty });
  });

  it('lists unsourced entities and links, items without supplier data and technologies without TRL', async () => {
    await db.write(FIXTURE);
    expect(await findDataQuality(db, 10)).toEqual({
      unsourcedEntities: {
        total: 2,
        items: [
          { id: 'tech:b', kind: 'Technology', name: 'Beta' },
          { id: 'mat:m', kind: 'Material', name: 'Material M' },
        ],
      },
      unsourcedLinks: {
        total: 1,
        items: [{ type: 'DEPENDS_ON', fromId: 'tech:a', fromKind: 'Technology', fromName: 'Alpha', toId: 'mat:m', toKind: 'Material', toName: 'Material M' }],
      },
      unknownSupply: { total: 1, items: [{ id: 'mat:m', kind: 'Material', name: 'Material M' }] },
      unknownTrl: { total: 1, items: [{ id: 'tech:b', kind: 'Technology', name: 'Beta' }] },
    });
  });

  it('caps each list at `first` but keeps the full count', async () => {
    const report = await findDataQuality(db, 1);
    expect(report.unsourcedEntities).toEqual({ total: 2, items: [{ id: 'tech:b', kind: 'Technology', name: 'Beta' }] });
  });

  queries.snapshotTest();
});
