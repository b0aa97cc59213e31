// The subgraph cut from the whole graph in memory (subgraph.ts) against SUBGRAPH_QUERY on the real Neo4j and the real
// seed (graph-seed/data, substitutes included): the same nodes with the same fields, the same edges, the same sorted
// adjacency lists, for roots of every kind. Then through the API after a mapping write: the tree and the single points
// of failure served from the whole graph updated in memory are byte for byte what an uncached API computes by fetching.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSeedDir } from '../../../graph-seed/index.js';
import { createUserWithToken, type TestUser } from '../../../tests/support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { inProcessApi, type InProcessApi } from '../../../tests/support/in-process.js';
import { connect } from '../db/connect.js';
import { Database } from '../db/database.js';
import { subgraphFromWhole } from './subgraph.js';
import { fetchSubgraph, fetchSupplyGraph } from './supply-graph.repository.js';
import { currentSupplyGraph } from './supply-graph.service.js';
import { SUPPLY_KINDS, type SupplyEdge, type SupplyGraph } from './supply-graph.js';

let db: Database;

/** The seed's first technology: it depends on a chain of substitutes planted below (the seed's are shallower). */
let chainTechnology: string;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
  // mat:chain-i+1 replaces mat:chain-i: from the technology, chain-1…3 are rounds 1–3 and chain-4 round 4 (left out).
  await db.write(`UNWIND range(0, 4) AS i CREATE (:Entity:Material {id: 'mat:chain-' + i, name: 'Chain material ' + i})`);
  await db.write(`UNWIND range(1, 4) AS i MATCH (a:Material {id: 'mat:chain-' + i}), (b:Material {id: 'mat:chain-' + (i - 1)}) CREATE (a)-[:SUBSTITUTES]->(b)`);
  await db.write(`MATCH (m:Material {id: 'mat:chain-3'}), (s:Supplier) WITH m, s ORDER BY s.id LIMIT 1 CREATE (m)-[:SUPPLIED_BY {share: 0.5}]->(s)`);
  [{ id: chainTechnology }] = (await db.write(
    `MATCH (t:Technology) WITH t ORDER BY t.id LIMIT 1 MATCH (m:Material {id: 'mat:chain-0'})
     CREATE (t)-[:DEPENDS_ON {criticality: 1, substitutability: 0}]->(m) RETURN t.id AS id`,
  )) as { id: string }[];
}, 180_000);
afterAll(closeTestDatabase);

const edgeKey = (e: SupplyEdge) => `${e.from}|${e.type}|${e.to}`;
/** What a reader can see, insertion order aside: nodes and edges sorted, and each node's (already sorted) lists. */
function canonical(found: { rootKind: string; graph: SupplyGraph } | null) {
  if (!found) return null;
  const g = found.graph;
  const ids = [...g.nodes.keys()].sort();
  return {
    rootKind: found.rootKind,
    nodes: ids.map((id) => g.nodes.get(id)),
    edges: g.edges.map((e) => [edgeKey(e), e] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
    out: ids.map((id) => g.out.get(id)!.map(edgeKey)),
    in: ids.map((id) => g.in.get(id)!.map(edgeKey)),
  };
}

/** Roots of every supply kind spread over the ids, and those whose subgraph holds the most substitutes. */
function someRoots(whole: SupplyGraph): string[] {
  const roots = new Set<string>();
  for (const kind of SUPPLY_KINDS) {
    const ids = [...whole.nodes.values()]
      .filter((n) => n.kind === kind)
      .map((n) => n.id)
      .sort();
    for (let i = 0; i < 6 && ids.length > 0; i++) roots.add(ids[Math.floor((i * ids.length) / 6)]!);
  }
  const substitutes = (id: string) => subgraphFromWhole(whole, id)!.graph.edges.filter((e) => e.type === 'SUBSTITUTES').length;
  const bySubstitutes = [...whole.nodes.keys()].map((id) => [id, substitutes(id)] as const).filter(([, n]) => n > 0);
  bySubstitutes.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  for (const [id] of bySubstitutes.slice(0, 12)) roots.add(id);
  for (const id of [chainTechnology, 'mat:chain-0', 'mat:chain-1']) roots.add(id);
  return [...roots];
}

describe('subgraphFromWhole on the real seed', () => {
  it('equals fetchSubgraph for roots of every kind, substitutes included', async () => {
    const whole = (await fetchSupplyGraph(db)).supply;
    const roots = someRoots(whole);
    const kinds = new Set(roots.map((id) => whole.nodes.get(id)!.kind));
    expect([...kinds].sort()).toEqual([...SUPPLY_KINDS].sort());
    for (const root of roots) expect(canonical(subgraphFromWhole(whole, root)), root).toEqual(canonical(await fetchSubgraph(db, root)));
    // The planted chain: three rounds below the technology, four below its second material (checked by hand).
    const chain = (id: string) => [...subgraphFromWhole(whole, id)!.graph.nodes.keys()].filter((n) => n.startsWith('mat:chain-')).sort();
    expect(chain(chainTechnology)).toEqual(['mat:chain-0', 'mat:chain-1', 'mat:chain-2', 'mat:chain-3']);
    expect(chain('mat:chain-1')).toEqual(['mat:chain-1', 'mat:chain-2', 'mat:chain-3', 'mat:chain-4']);
  });

  it('is null where the fetch answers another kind or nothing (the service then fetches)', async () => {
    const whole = (await fetchSupplyGraph(db)).supply;
    const [{ id }] = (await db.read(`MATCH (k:KetArea) RETURN k.id AS id ORDER BY id LIMIT 1`)) as { id: string }[];
    expect(subgraphFromWhole(whole, id)).toBeNull();
    expect((await fetchSubgraph(db, id))?.rootKind).toBe('KetArea');
    expect(subgraphFromWhole(whole, 'comp:nothing')).toBeNull();
    expect(await fetchSubgraph(db, 'comp:nothing')).toBeNull();
  });
});

const TREE = `query($id: ID!) { dependencyTree(rootId: $id) {
  root { id kind name level trl eu iso2 criticalRawMaterial }
  nodes { id kind name level trl eu iso2 criticalRawMaterial }
  edges { id type from to strength criticality substitutability share year basis rationale sourceIds }
  paths { nodeIds nodes cycle steps { id } } cycles { nodeIds } truncated maxDepth } }`;
const SPOF = `query($id: ID!) { singlePointsOfFailure(capabilityId: $id) {
  root { id } status enablers { technology { id } status }
  points { node { id level } technologies { id } breaks { id } capabilityLost reason unknownSupply } } }`;
const LINK = `mutation($input: LinkInput!) { linkEntities(input: $input) { type } }`;

describe('after a mapping write', () => {
  let uncachedDriver: Driver;
  let cached: InProcessApi;
  let uncached: InProcessApi;
  let analyst: TestUser;

  beforeAll(async () => {
    // Its own driver: the result cache is shared by every handle on one driver, and this one must stay off.
    uncachedDriver = await connect(inject('neo4j'), { timeoutMs: 30_000 });
    cached = await inProcessApi(db);
    uncached = await inProcessApi(new Database(uncachedDriver, db.name, undefined, { resultCache: false }));
    analyst = await createUserWithToken(db, 'analyst');
  });
  afterAll(async () => {
    await cached?.stop();
    await uncached?.stop();
    await uncachedDriver?.close();
  });

  const answer = async (api: InProcessApi, query: string, id: string) => {
    const result = await api.execute(query, { id }, analyst.user);
    expect(result.errors).toBeUndefined();
    return JSON.stringify(result.data);
  };

  it('serves trees and single points of failure from the whole graph in memory, byte for byte as fetched', async () => {
    const before = await currentSupplyGraph(db);
    const whole = before.supply;
    const [{ id: sourceId }] = (await db.read(`MATCH (s:Source) RETURN s.id AS id ORDER BY id LIMIT 1`)) as { id: string }[];
    // The capabilities whose trees hold the most substitutes, and the largest one.
    const capabilities = someRoots(whole).filter((id) => whole.nodes.get(id)!.kind === 'Capability');
    const size = (id: string) => subgraphFromWhole(whole, id)!.graph.nodes.size;
    const largest = [...whole.nodes.values()].filter((n) => n.kind === 'Capability').sort((a, b) => size(b.id) - size(a.id))[0]!.id;
    const below = subgraphFromWhole(whole, largest)!.graph;
    const technology = [...below.nodes.values()].find((n) => n.kind === 'Technology')!.id;
    const component = [...whole.nodes.values()].find((n) => n.kind === 'Component' && !below.nodes.has(n.id))!.id;
    const material = [...whole.nodes.values()].find((n) => n.kind === 'Material' && !below.nodes.has(n.id))!.id;

    // The mapping writes an analyst makes: a new dependency of a technology, and a substitute for a material below it.
    const link = async (input: Record<string, unknown>) => {
      const result = await cached.execute(LINK, { input: { ...input, sourceIds: [sourceId] } }, analyst.user);
      expect(result.errors).toBeUndefined();
    };
    await link({ type: 'DEPENDS_ON', fromId: technology, toId: component, properties: { criticality: 0.8, substitutability: 0.2 } });
    const replaced = [...below.nodes.values()].find((n) => n.kind === 'Material')!.id;
    await link({ type: 'SUBSTITUTES', fromId: material, toId: replaced, properties: {} });

    const roots = [...new Set([largest, technology, component, replaced, ...capabilities])];
    const queriesBefore = db.queryCount;
    const served = [];
    for (const id of roots) served.push(await answer(cached, TREE, id));
    for (const id of capabilities) served.push(await answer(cached, SPOF, id));
    // Not one round trip: the whole graph was carried by the writes' deltas and every subgraph cut from it.
    expect(db.queryCount - queriesBefore).toBe(0);
    expect(await currentSupplyGraph(db)).not.toBe(before);
    expect(served[0]).toContain(component);

    const fetched = [];
    for (const id of roots) fetched.push(await answer(uncached, TREE, id));
    for (const id of capabilities) fetched.push(await answer(uncached, SPOF, id));
    expect(served).toEqual(fetched);
  }, 120_000);
});
