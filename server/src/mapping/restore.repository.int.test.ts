// Against the throwaway Neo4j: bringing deleted entities and links back from their snapshots, and folding one entity
// into another (merge). Fixture: Alpha enables Capability X; Alpha-duplicate (citing Report B, targeted by a scenario
// event) enables it too and is a sub-technology of Alpha; two scenario events wait for a deleted material.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import type { LinkSnapshot } from '../history/history.model.js';
import { describeLink, entityExists, recreateEntity, recreateLinks, repointRelationships, restorableLinks, setMergedAliases } from './restore.repository.js';

const queries = new QueryRecorder('mapping/restore.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const link = (type: string, fromId: string, toId: string, properties: Record<string, unknown> = {}): LinkSnapshot => ({ type, fromId, toId, properties });

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(`
    CREATE (a:Entity:Source {id: 'src:a', name: 'Report A'}), (b:Entity:Source {id: 'src:b', name: 'Report B'})
    CREATE (t:Entity:Technology {id: 'tech:a', name: 'Alpha'}), (b2:Entity:Technology {id: 'tech:b', name: 'Beta'}),
           (c:Entity:Capability {id: 'cap:x', name: 'Capability X'}), (t)-[:ENABLES {strength: 1}]->(c)
    CREATE (d:Entity:Technology {id: 'tech:dup', name: 'Alpha duplicate'})-[:SOURCED_FROM]->(b),
           (d)-[:ENABLES {strength: 1}]->(c), (d)-[:SUB_TECHNOLOGY_OF]->(t),
           (:ScenarioEvent {id: 'evt:dup', targetId: 'tech:dup'})-[:TARGETS]->(d)
    CREATE (:ScenarioEvent {id: 'evt:hit', targetId: 'mat:back'}), (:ScenarioEvent {id: 'evt:swap', replacesId: 'mat:back'})`);
});
afterAll(closeTestDatabase);

describe('links', () => {
  it('keeps only the map’s and the annotations’ link types, and describes a link', () => {
    const links = [link('ENABLES', 'tech:a', 'cap:x'), link('SOURCED_FROM', 'tech:a', 'src:a'), link('ANNOTATES', 'ann:1', 'tech:a')];
    expect(restorableLinks(links).map((l) => l.type)).toEqual(['ENABLES', 'ANNOTATES']);
    expect(describeLink(links[0]!)).toBe('ENABLES tech:a → cap:x');
  });

  it('says whether an entity exists', async () => {
    expect(await db.readTransaction((tx) => entityExists(tx, 'tech:a'))).toBe(true);
    expect(await db.readTransaction((tx) => entityExists(tx, 'mat:back'))).toBe(false);
  });

  it('re-creates links whose ends exist and that are not there, with their timestamps as datetimes', async () => {
    const outcomes = await db.writeTransaction((tx) =>
      recreateLinks(tx, [
        link('ENABLES', 'tech:a', 'cap:x'),
        link('SOURCED_FROM', 'tech:b', 'src:a'),
        link('ENABLES', 'tech:b', 'cap:x', { strength: 0.5, createdAt: '2026-01-01T00:00:00Z' }),
        link('ENABLES', 'tech:gone', 'cap:x'),
      ]),
    );
    expect(outcomes.map((o) => [describeLink(o.link), o.outcome])).toEqual([
      ['ENABLES tech:a → cap:x', 'exists'],
      ['ENABLES tech:b → cap:x', 'created'],
      ['ENABLES tech:gone → cap:x', 'missing'],
    ]);
    const [row] = await db.read(`MATCH (:Technology {id: 'tech:b'})-[r:ENABLES]->() RETURN r.strength AS strength, valueType(r.createdAt) AS type`);
    expect(row).toEqual({ strength: 0.5, type: 'ZONED DATETIME NOT NULL' });
    // Nothing restorable: no query, and no SOURCED_FROM written.
    expect(await db.writeTransaction((tx) => recreateLinks(tx, [link('SOURCED_FROM', 'tech:b', 'src:a')]))).toEqual([]);
    expect(await db.read(`MATCH (:Technology {id: 'tech:b'})-[:SOURCED_FROM]->() RETURN 1`)).toEqual([]);
  });
});

describe('recreateEntity', () => {
  it('brings an entity back with its kind, revision, sources and scenario events, naming the sources that are gone', async () => {
    const missing = await db.writeTransaction((tx) =>
      recreateEntity(
        tx,
        { kind: 'Material', properties: { id: 'mat:back', name: 'Back', createdAt: '2025-05-01T00:00:00Z' }, sourceIds: ['src:a', 'src:gone'], links: [] },
        3,
      ),
    );
    expect(missing).toEqual(['source src:gone (no longer exists)']);
    const [row] = await db.read(
      `MATCH (n:Entity:Material {id: 'mat:back'})
       RETURN n.revision AS revision, toString(n.createdAt) AS createdAt, [(n)-[:SOURCED_FROM]->(s) | s.id] AS sources,
              [(e)-[:TARGETS]->(n) | e.id] AS targeted, [(e)-[:REPLACES]->(n) | e.id] AS replaced`,
    );
    expect(row).toEqual({ revision: 3, createdAt: '2025-05-01T00:00:00Z', sources: ['src:a'], targeted: ['evt:hit'], replaced: ['evt:swap'] });
  });

  it('brings back an entity without sources, and refuses a kind the model does not have', async () => {
    expect(
      await db.writeTransaction((tx) => recreateEntity(tx, { kind: 'Component', properties: { id: 'comp:bare', name: 'Bare' }, sourceIds: [], links: [] }, 1)),
    ).toEqual([]);
    expect(await db.readTransaction((tx) => entityExists(tx, 'comp:bare'))).toBe(true);
    await expect(db.writeTransaction((tx) => recreateEntity(tx, { kind: 'Nope', properties: { id: 'x:1' }, sourceIds: [], links: [] }, 1))).rejects.toThrow(
      'not an entity kind: Nope',
    );
  });
});

describe('merge', () => {
  it("moves the merged entity's sources, events and links to the kept one, dropping those it has and those between them", async () => {
    const links = [
      link('ENABLES', 'tech:dup', 'cap:x', { strength: 1 }),
      link('SUB_TECHNOLOGY_OF', 'tech:dup', 'tech:a'),
      link('DEPENDS_ON', 'tech:dup', 'mat:back', { criticality: 0.5 }),
    ];
    const result = await db.writeTransaction((tx) => repointRelationships(tx, 'tech:a', 'tech:dup', links));
    expect(result).toEqual({ moved: 1, dropped: ['SUB_TECHNOLOGY_OF tech:a → tech:a', 'ENABLES tech:a → cap:x'] });
    const [row] = await db.read(
      `MATCH (k:Technology {id: 'tech:a'})
       RETURN [(k)-[:SOURCED_FROM]->(s) | s.id] AS sources, [(e)-[:TARGETS]->(k) | e.id + ' ' + e.targetId] AS events,
              [(k)-[r:DEPENDS_ON]->(m) | m.id + ' ' + toString(r.criticality)] AS dependencies,
              COUNT { (:Entity {id: 'tech:dup'}) } AS merged`,
    );
    expect(row).toEqual({ sources: ['src:b'], events: ['evt:dup tech:a'], dependencies: ['mat:back 0.5'], merged: 0 });
  });

  it("gives the kept entity the merged one's names as aliases, counting its revision up", async () => {
    expect(await db.writeTransaction((tx) => setMergedAliases(tx, 'Technology', 'tech:a', ['Alpha duplicate'], actor))).toBe(1);
    expect(await db.writeTransaction((tx) => setMergedAliases(tx, 'Technology', 'tech:a', ['Alpha duplicate', 'AD'], actor))).toBe(2);
    const [row] = await db.read(`MATCH (k:Technology {id: 'tech:a'}) RETURN k.aliases AS aliases, k.updatedBy AS updatedBy`);
    expect(row).toEqual({ aliases: ['Alpha duplicate', 'AD'], updatedBy: 'Ana Analyst' });
  });

  queries.snapshotTest();
});
