// Against the throwaway Neo4j, with the worked example of docs/dependency-analysis.md (tests/fixtures): the one
// supply-graph query returns every supply node and edge with the fields the analysis reads, horizons and COUNTERS
// apart; the subgraph query returns what lies below one root. Expected values worked out from the fixture's picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { dependencyFixture, seedToSupplyGraph } from '../../../tests/fixtures/dependency-fixture.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { MAX_DELTA_ENTITIES } from './supply-graph.delta.js';
import { fetchSubgraph, fetchSupplyGraph, readSupplyGraphDelta, supplyGraphFromRows, type SupplyGraphRow } from './supply-graph.repository.js';

const queries = new QueryRecorder('supply-graph/supply-graph.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, dependencyFixture());
  // What only scenarios read: a horizon on radar, and drone detection countering thermal imaging.
  await db.write(`MATCH (t:Technology {id: 'tech:radar'}) SET t.horizon = '2030'`);
  await db.write(`MATCH (c:Capability {id: 'cap:drone-detection'}), (t:Technology {id: 'tech:thermal-imaging'}) CREATE (c)-[:COUNTERS]->(t)`);
});
afterAll(closeTestDatabase);

describe('fetchSupplyGraph', () => {
  it('holds every node of the supply kinds (not KET areas or sources) and every supply edge among them', async () => {
    const { supply } = await fetchSupplyGraph(db);
    // 2 capabilities, 2 technologies, 3 components, 2 materials, 6 suppliers, 4 countries.
    expect(supply.nodes.size).toBe(19);
    // 3 ENABLES, 4 DEPENDS_ON, 6 SUPPLIED_BY, 6 LOCATED_IN; COUNTERS is not a supply edge.
    expect(supply.edges.length).toBe(19);
    expect(supply.nodes.get('tech:radar')).toEqual({
      id: 'tech:radar',
      kind: 'Technology',
      name: 'Radar',
      trl: 7,
      ketAreas: [
        { id: 'ket:micro-electronics', name: 'Micro- and nanoelectronics' },
        { id: 'ket:photonics', name: 'Photonics' },
      ],
    });
    expect(supply.nodes.get('country:de')).toMatchObject({ kind: 'Country', eu: true, iso2: 'DE' });
    expect(supply.edges.find((e) => e.from === 'mat:germanium' && e.to === 'sup:cn-germanium')).toEqual({
      from: 'mat:germanium',
      to: 'sup:cn-germanium',
      type: 'SUPPLIED_BY',
      share: 0.6,
      year: 2023,
      basis: 'global production',
      sourceIds: ['src:fixture'],
    });
  });

  it('is the graph the fixture describes, with horizons and COUNTERS beside it', async () => {
    const graph = await fetchSupplyGraph(db);
    const expected = seedToSupplyGraph(dependencyFixture());
    expect([...graph.supply.nodes.keys()].sort()).toEqual([...expected.nodes.keys()].filter((id) => !id.startsWith('ket:') && !id.startsWith('src:')).sort());
    expect([...graph.horizons]).toEqual([['tech:radar', '2030']]);
    expect([...graph.counteredBy]).toEqual([['tech:thermal-imaging', ['cap:drone-detection']]]);
  });
});

describe('fetchSubgraph', () => {
  it("returns a component, its supplier and the supplier's country, and the root kind", async () => {
    const found = await fetchSubgraph(db, 'comp:chalcogenide-optics');
    expect(found?.rootKind).toBe('Component');
    expect([...found!.graph.nodes.keys()].sort()).toEqual(['comp:chalcogenide-optics', 'country:de', 'sup:de-optics']);
    expect(found!.graph.edges.map((e) => `${e.from}-${e.type}->${e.to}`).sort()).toEqual([
      'comp:chalcogenide-optics-SUPPLIED_BY->sup:de-optics',
      'sup:de-optics-LOCATED_IN->country:de',
    ]);
  });

  it('starts a capability at its enabling technologies and goes down to countries', async () => {
    const found = await fetchSubgraph(db, 'cap:drone-detection');
    // Radar enables it: radar → GaN amplifier → gallium → two suppliers → China, Germany.
    expect([...found!.graph.nodes.keys()].sort()).toEqual([
      'cap:drone-detection',
      'comp:gan-amplifier',
      'country:cn',
      'country:de',
      'mat:gallium',
      'sup:cn-gallium',
      'sup:de-gallium',
      'tech:radar',
    ]);
  });

  it('is null for an id no entity has', async () => {
    expect(await fetchSubgraph(db, 'comp:nothing')).toBeNull();
  });
});

describe('readSupplyGraphDelta', () => {
  const delta = (ids: readonly string[]) => db.readTransaction((tx) => readSupplyGraphDelta(tx, ids));
  const described = (rows: readonly SupplyGraphRow[]) => rows.map((r) => (r.type ? `${r.from}-${r.type}->${r.to}` : `${r.kind} ${String(r.props.id)}`)).sort();

  it("reads a touched node's row and every supply link touching it", async () => {
    const found = await delta(['comp:chalcogenide-optics']);
    expect(found?.touched).toEqual(['comp:chalcogenide-optics']);
    expect(described(found!.rows)).toEqual(['Component comp:chalcogenide-optics', 'comp:chalcogenide-optics-SUPPLIED_BY->sup:de-optics']);
  });

  it("touches a KET area's technologies too (their rows carry its name), but gives the area itself no row", async () => {
    const found = await delta(['ket:micro-electronics']);
    expect(found?.touched).toEqual(['ket:micro-electronics', 'tech:radar']);
    expect(described(found!.rows)).toEqual([
      'Technology tech:radar',
      'tech:radar-DEPENDS_ON->comp:gan-amplifier',
      'tech:radar-ENABLES->cap:border-surveillance',
      'tech:radar-ENABLES->cap:drone-detection',
    ]);
  });

  it('includes COUNTERS links, and keeps an id that matches nothing touched with no rows', async () => {
    const found = await delta(['cap:drone-detection', 'comp:deleted']);
    expect(found?.touched).toEqual(['cap:drone-detection', 'comp:deleted']);
    expect(described(found!.rows)).toEqual([
      'Capability cap:drone-detection',
      'cap:drone-detection-COUNTERS->tech:thermal-imaging',
      'tech:radar-ENABLES->cap:drone-detection',
    ]);
  });

  it('is empty for no ids, and null for more than MAX_DELTA_ENTITIES (the next read fetches the whole graph)', async () => {
    expect(await delta([])).toEqual({ touched: [], rows: [] });
    expect(await delta(Array.from({ length: MAX_DELTA_ENTITIES + 1 }, (_, i) => `comp:${i}`))).toBeNull();
  });
});

describe('supplyGraphFromRows', () => {
  it('turns COUNTERS rows into the outlook, not into supply edges', () => {
    const graph = supplyGraphFromRows([
      { kind: 'Capability', props: { id: 'cap:c', name: 'C' }, ketAreas: null, type: null, from: null, to: null },
      { kind: 'Technology', props: { id: 'tech:t', name: 'T', horizon: '2035' }, ketAreas: [], type: null, from: null, to: null },
      { kind: null, props: { strength: 1 }, ketAreas: null, type: 'ENABLES', from: 'tech:t', to: 'cap:c' },
      { kind: null, props: {}, ketAreas: null, type: 'COUNTERS', from: 'cap:c', to: 'tech:t' },
    ]);
    expect(graph.supply.edges.map((e) => `${e.from}-${e.type}->${e.to}`)).toEqual(['tech:t-ENABLES->cap:c']);
    expect([...graph.horizons]).toEqual([['tech:t', '2035']]);
    expect([...graph.counteredBy]).toEqual([['tech:t', ['cap:c']]]);
  });

  queries.snapshotTest();
});
