// Against the throwaway Neo4j: who owns an entity, its sources, free ids for sources created inline, the map links
// touching entities, and what deleting one would reach. Fixture: Alpha (created by Ana, citing two reports) enables
// Capability X and depends on Material M, which Supplier S supplies and Alternative can substitute; Scenario S has an
// event on Supplier S.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database, WriteTx } from '../db/database.js';
import { findDeletionReach, findLinksOf, findLinksOfEntities, findOwner, freeId, sourceIdsOf } from './map-entity.repository.js';

const queries = new QueryRecorder('mapping/map-entity.repository');
let db: Database;
/** As the service reads outside a transaction (deletionImpact, the links loader). */
let reader: WriteTx;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  reader = { run: (cypher, params) => db.read(cypher, params) };
  await resetDatabase(db);
  await db.write(`
    CREATE (a:Entity:Source {id: 'src:a', name: 'Report A'}), (r:Entity:Source {id: 'src:report', name: 'Report'}),
           (:Entity:Source {id: 'src:report-2', name: 'Report'})
    CREATE (t:Entity:Technology {id: 'tech:a', name: 'Alpha', createdBy: 'user:ana', createdByName: 'Ana'})-[:SOURCED_FROM]->(a),
           (t)-[:SOURCED_FROM]->(r)
    CREATE (c:Entity:Capability {id: 'cap:x', name: 'Capability X'}), (m:Entity:Material {id: 'mat:m', name: 'Material M'}),
           (s:Entity:Supplier {id: 'sup:s', name: 'Supplier S'}), (alt:Entity:Material {id: 'mat:alt', name: 'Alternative'})
    CREATE (t)-[:ENABLES {strength: 1, sourceIds: ['src:a']}]->(c), (t)-[:DEPENDS_ON {criticality: 0.75, sourceIds: ['src:a']}]->(m),
           (m)-[:SUPPLIED_BY {share: 0.5}]->(s), (alt)-[:SUBSTITUTES]->(m)
    CREATE (:Entity:Scenario {id: 'scn:s', name: 'Scenario S'})-[:HAS_EVENT]->(:ScenarioEvent {targetId: 'sup:s'})`);
});
afterAll(closeTestDatabase);

describe('the owner and sources of an entity', () => {
  it('finds the kind, name and creator, or null', async () => {
    expect(await findOwner(reader, 'tech:a')).toEqual({ kind: 'Technology', name: 'Alpha', createdBy: 'user:ana', createdByName: 'Ana' });
    expect(await findOwner(reader, 'cap:x')).toEqual({ kind: 'Capability', name: 'Capability X', createdBy: null, createdByName: null });
    expect(await findOwner(reader, 'tech:nothing')).toBeNull();
  });

  it('lists the sources an entity cites, none for an unknown id', async () => {
    expect((await sourceIdsOf(reader, 'tech:a')).sort()).toEqual(['src:a', 'src:report']);
    expect(await sourceIdsOf(reader, 'cap:x')).toEqual([]);
    expect(await sourceIdsOf(reader, 'tech:nothing')).toEqual([]);
  });

  it('makes a free id from a name, numbering after the ones taken', async () => {
    expect(await db.writeTransaction((tx) => freeId(tx, 'Source', 'Report'))).toBe('src:report-3');
    expect(await db.writeTransaction((tx) => freeId(tx, 'Source', 'A new study'))).toBe('src:a-new-study');
  });
});

describe('the links of entities', () => {
  it('lists each owner’s links in both directions, by owner, type and names', async () => {
    const links = await findLinksOfEntities(reader, ['mat:m', 'cap:x']);
    expect(links.map((l) => [l.ownerId, l.type, l.from.id, l.to.id])).toEqual([
      ['cap:x', 'ENABLES', 'tech:a', 'cap:x'],
      ['mat:m', 'DEPENDS_ON', 'tech:a', 'mat:m'],
      ['mat:m', 'SUBSTITUTES', 'mat:alt', 'mat:m'],
      ['mat:m', 'SUPPLIED_BY', 'mat:m', 'sup:s'],
    ]);
    // Only the model's properties, and the ends as entities with their kind.
    expect(links[1]).toMatchObject({ properties: { criticality: 0.75 }, sourceIds: ['src:a'], from: { kind: 'Technology', name: 'Alpha' } });
    expect(await findLinksOfEntities(reader, ['tech:nothing'])).toEqual([]);
  });

  it('lists the links of one entity', async () => {
    const links = await findLinksOf(reader, 'sup:s');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ type: 'SUPPLIED_BY', properties: { share: 0.5 }, sourceIds: [], from: { id: 'mat:m', kind: 'Material' } });
  });
});

describe('findDeletionReach', () => {
  const reach = async (id: string) => {
    const found = await findDeletionReach(db, id);
    return { scenarios: found.scenarios.map((s) => s.id), capabilities: found.capabilities.map((c) => c.id), citations: found.citations };
  };

  it('finds scenarios with events on it and the capabilities its supply chain reaches', async () => {
    expect(await reach('sup:s')).toEqual({ scenarios: ['scn:s'], capabilities: ['cap:x'], citations: 0 });
  });

  it('reaches capabilities through what a substitute replaces, and a capability reaches itself', async () => {
    expect(await reach('mat:alt')).toEqual({ scenarios: [], capabilities: ['cap:x'], citations: 0 });
    expect(await reach('cap:x')).toEqual({ scenarios: [], capabilities: ['cap:x'], citations: 0 });
  });

  it('counts what cites a source: one entity and two links', async () => {
    expect(await reach('src:a')).toEqual({ scenarios: [], capabilities: [], citations: 3 });
  });

  it('reaches nothing from an id no entity has', async () => {
    expect(await reach('tech:nothing')).toEqual({ scenarios: [], capabilities: [], citations: 0 });
  });

  queries.snapshotTest();
});
