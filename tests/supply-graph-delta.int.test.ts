// The supply graph after a write, on the real Neo4j and through the real write path: mapping mutations (the same
// resolvers and transactions as the web's) leave a delta that the next read applies to the cached graph, without
// fetching it again, and the result equals a fresh fetch. A second API process on the same Neo4j (a child process, as
// behind a load balancer) still sees every write of this one, and this one every write of the other (no delta recorded
// for it here: fetched whole). Fixture: tests/fixtures/dependency-fixture.ts (docs/dependency-analysis.md's picture).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import type { Database } from '../server/src/db/database.js';
import type { SupplyGraphWithOutlook } from '../server/src/supply-graph/outlook.js';
import { fetchSupplyGraph } from '../server/src/supply-graph/supply-graph.repository.js';
import { currentSupplyGraph } from '../server/src/supply-graph/supply-graph.service.js';
import type { SupplyEdge } from '../server/src/supply-graph/supply-graph.js';
import { dependencyFixture } from './fixtures/dependency-fixture.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { inProcessApi, type InProcessApi } from './support/in-process.js';
import { startApiProcess, type ApiProcess } from './reliability/api-processes.js';

let db: Database;
let api: InProcessApi;
let analyst: TestUser;
let admin: TestUser;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, dependencyFixture());
  // Horizons and COUNTERS ride along in the same graph (scenarios read them).
  await db.write(`MATCH (t:Technology {id: 'tech:radar'}) SET t.horizon = '2030'`);
  await db.write(`MATCH (c:Capability {id: 'cap:drone-detection'}), (t:Technology {id: 'tech:thermal-imaging'}) CREATE (c)-[:COUNTERS]->(t)`);
  api = await inProcessApi(db);
  analyst = await createUserWithToken(db, 'analyst');
  admin = await createUserWithToken(db, 'admin');
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await closeTestDatabase();
});

const edgeKey = (e: SupplyEdge) => `${e.from}|${e.type}|${e.to}`;
/** What a reader can see, Map order aside. */
function canonical(g: SupplyGraphWithOutlook) {
  const s = g.supply;
  const ids = [...s.nodes.keys()].sort();
  return {
    nodes: ids.map((id) => s.nodes.get(id)),
    edges: s.edges.map((e) => [edgeKey(e), e] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
    out: ids.map((id) => s.out.get(id)!.map(edgeKey)),
    in: ids.map((id) => s.in.get(id)!.map(edgeKey)),
    horizons: [...g.horizons].sort(),
    counteredBy: [...g.counteredBy].sort(),
  };
}

async function mutate(query: string, variables: Record<string, unknown>, as: TestUser = analyst) {
  const result = await api.execute(query, variables, as.user);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** The cached graph after a write: updated by the write's delta (no round trip), equal to a fresh fetch. */
async function expectUpdatedInPlace(before: SupplyGraphWithOutlook): Promise<SupplyGraphWithOutlook> {
  const handle = db.scoped();
  const after = await currentSupplyGraph(handle);
  expect(handle.queryCount).toBe(0);
  expect(after).not.toBe(before);
  expect(canonical(after)).toEqual(canonical(await fetchSupplyGraph(db)));
  return after;
}

const LINK = `mutation($input: LinkInput!) { linkEntities(input: $input) { type } }`;
const UNLINK = `mutation($type: LinkType!, $from: ID!, $to: ID!) { unlinkEntities(type: $type, fromId: $from, toId: $to) { removed } }`;
const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id revision } }`;
const UPDATE = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id revision } }`;
const DELETE = `mutation($id: ID!) { deleteEntity(id: $id) { id } }`;
const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id } }`;
const SOURCES = { sourceIds: ['src:fixture'] };

describe('the cached supply graph after mapping writes', () => {
  it('is the previous graph with each write’s changes applied, equal to a fresh fetch', async () => {
    let g = await currentSupplyGraph(db);
    const initial = canonical(g);

    // A new component with a link into a cycle: thermal imaging → IR optics → new lens → thermal imaging.
    await mutate(CREATE, { input: { kind: 'Component', id: 'comp:lens', name: 'Lens', ...SOURCES } });
    g = await expectUpdatedInPlace(g);
    await mutate(LINK, {
      input: { type: 'DEPENDS_ON', fromId: 'comp:ir-optics', toId: 'comp:lens', properties: { criticality: 0.5, substitutability: 0.5 }, ...SOURCES },
    });
    g = await expectUpdatedInPlace(g);
    await mutate(LINK, {
      input: { type: 'DEPENDS_ON', fromId: 'comp:lens', toId: 'tech:thermal-imaging', properties: { criticality: 1, substitutability: 0 }, ...SOURCES },
    });
    g = await expectUpdatedInPlace(g);

    // A share changed (the same link replaced), then removed.
    await mutate(LINK, { input: { type: 'SUPPLIED_BY', fromId: 'mat:germanium', toId: 'sup:cn-germanium', properties: { share: 0.7 }, ...SOURCES } });
    g = await expectUpdatedInPlace(g);
    expect(g.supply.out.get('mat:germanium')!.find((e) => e.to === 'sup:cn-germanium')).toMatchObject({ share: 0.7 });
    await mutate(UNLINK, { type: 'SUPPLIED_BY', from: 'mat:germanium', to: 'sup:be-germanium' });
    g = await expectUpdatedInPlace(g);

    // An attribute of a node, a horizon, then a technology deleted with its links (COUNTERS included).
    const [{ revision }] = (await db.read(`MATCH (t:Technology {id: 'tech:radar'}) RETURN coalesce(t.revision, 0) AS revision`)) as { revision: number }[];
    await mutate(UPDATE, { input: { id: 'tech:radar', expectedRevision: revision, attributes: { horizon: '2035' } } });
    g = await expectUpdatedInPlace(g);
    expect(g.horizons.get('tech:radar')).toBe('2035');
    await mutate(DELETE, { id: 'tech:thermal-imaging' }, admin);
    g = await expectUpdatedInPlace(g);
    expect(g.supply.nodes.has('tech:thermal-imaging')).toBe(false);
    expect(g.counteredBy.size).toBe(0);

    // Two suppliers merged: the links of the one merged away move to the one kept.
    await mutate(MERGE, { keep: 'sup:cn-gallium', merge: 'sup:de-gallium' }, admin);
    g = await expectUpdatedInPlace(g);
    expect(g.supply.nodes.has('sup:de-gallium')).toBe(false);

    expect(canonical(g)).not.toEqual(initial);
  }, 300_000);

  it('is fetched whole after a write that recorded no delta (a plain Cypher write, as a seed load or a backup does)', async () => {
    const before = await currentSupplyGraph(db);
    await db.write(`MATCH (m:Material {id: 'mat:gallium'}) SET m.name = 'Gallium (Ga)'`);
    const handle = db.scoped();
    const after = await currentSupplyGraph(handle);
    expect(handle.queryCount).toBe(1);
    expect(after).not.toBe(before);
    expect(after.supply.nodes.get('mat:gallium')!.name).toBe('Gallium (Ga)');
  });
});

describe('with a second API process on the same Neo4j', () => {
  let other: ApiProcess;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${other.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(admin.token) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(json.errors).toBeUndefined();
    return json.data;
  };
  const ranked = async () =>
    ((await post('{ criticalDependencies { items { node { id } } } }')).criticalDependencies.items as { node: { id: string } }[]).map((i) => i.node.id);

  beforeAll(async () => {
    // Version checked before every cached read (the default), so each process sees the other's writes at once.
    other = await startApiProcess(inject('neo4j'), { ATLAS_VERSION_CHECK_MS: '0' });
  }, 180_000);
  afterAll(async () => {
    await other?.kill();
  }, 60_000);

  it('each sees every write of the other, cached graphs and deltas notwithstanding', async () => {
    // Both have the graph cached.
    const before = await currentSupplyGraph(db);
    expect(await ranked()).not.toContain('comp:prism');

    // Written here (a delta here): the other process has none for it and fetches the graph whole.
    await mutate(CREATE, { input: { kind: 'Component', id: 'comp:prism', name: 'Prism', ...SOURCES } });
    await mutate(LINK, {
      input: { type: 'DEPENDS_ON', fromId: 'tech:radar', toId: 'comp:prism', properties: { criticality: 1, substitutability: 0 }, ...SOURCES },
    });
    expect(await ranked()).toContain('comp:prism');

    // Written there: this process has no delta for that version, so it fetches whole, and sees it.
    await post(UNLINK, { type: 'DEPENDS_ON', from: 'tech:radar', to: 'comp:prism' });
    const handle = db.scoped();
    const after = await currentSupplyGraph(handle);
    expect(handle.queryCount).toBe(1);
    expect(after).not.toBe(before);
    expect(after.supply.out.get('tech:radar')!.map(edgeKey)).not.toContain('tech:radar|DEPENDS_ON|comp:prism');
    expect(canonical(after)).toEqual(canonical(await fetchSupplyGraph(db)));
    expect(await ranked()).toContain('comp:prism'); // still mapped, now depended on by nothing: ranked with score 0
  }, 300_000);
});
