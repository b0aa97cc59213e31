// The dependency analysis through GraphQL over HTTP, on the worked example of docs/dependency-analysis.md
// (tests/fixtures/dependency-fixture.ts). Every expected number is worked out by hand in the fixture's picture.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { dependencyFixture } from './fixtures/dependency-fixture.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, type TestUser } from './support/auth.js';
import { graphSnapshot } from './support/fingerprint.js';

let db: Database;
let server: RunningServer;

useSeededApi(dependencyFixture, 'admin', (api) => ({ db, server, caller } = api));

/** Signed in as a test admin (it deletes a supplier) (an API token): every call authenticates. */
let caller: TestUser;
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(caller.token));
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const before = db.queryCount;
  const result = await run();
  return { result, roundTrips: db.queryCount - before };
}
const SPOFS =
  `query($id: ID!) { singlePointsOfFailure(capabilityId: $id) { status points { node { id } capabilityLost reason ` + `unknownSupply technologies { id } } } }`;
const spofIds = async (id = 'cap:border-surveillance') => (await gql(SPOFS, { id })).data.singlePointsOfFailure.points.map((p: any) => p.node.id);

describe('dependencyTree', () => {
  it('walks border surveillance down to countries in one round trip', async () => {
    const { result, roundTrips } = await counted(() =>
      gql(`{ dependencyTree(rootId: "cap:border-surveillance") {
        root { id level } nodes { id kind level } edges { type from to share criticality }
        paths { nodeIds steps { type } cycle } cycles { nodeIds } truncated } }`),
    );
    expect(result.errors).toBeUndefined();
    const t = result.data.dependencyTree;
    expect(roundTrips).toBe(1);
    // cap, 2 technologies, 2 components, 2 materials, 5 suppliers, 4 countries; not the unlinked chalcogenide optics.
    expect(t.nodes).toHaveLength(16);
    expect(
      t.nodes
        .filter((n: any) => n.level === 5)
        .map((n: any) => n.id)
        .sort(),
    ).toEqual(['country:be', 'country:cn', 'country:de']);
    expect(t.nodes.find((n: any) => n.id === 'country:us').level).toBe(4);
    // 2 ENABLES (not radar → drone detection), 4 DEPENDS_ON, 5 SUPPLIED_BY, 5 LOCATED_IN.
    expect(t.edges).toHaveLength(16);
    expect(t.edges).toContainEqual({ type: 'SUPPLIED_BY', from: 'mat:germanium', to: 'sup:cn-germanium', share: 0.6, criticality: null });
    // One path per node reached per way of reaching it: 16 (no diamonds here).
    expect(t.paths).toHaveLength(16);
    expect(t.paths).toContainEqual({
      nodeIds: ['cap:border-surveillance', 'tech:radar', 'comp:gan-amplifier', 'mat:gallium', 'sup:cn-gallium', 'country:cn'],
      steps: [{ type: 'ENABLES' }, { type: 'DEPENDS_ON' }, { type: 'DEPENDS_ON' }, { type: 'SUPPLIED_BY' }, { type: 'LOCATED_IN' }],
      cycle: false,
    });
    expect(t.cycles).toEqual([]);
    expect(t.truncated).toBe(false);
  });

  it('stops at maxDepth and validates its arguments', async () => {
    const { data } = await gql('{ dependencyTree(rootId: "tech:radar", maxDepth: 2) { nodes { id } maxDepth } }');
    expect(data.dependencyTree.nodes.map((n: any) => n.id)).toEqual(['tech:radar', 'comp:gan-amplifier', 'mat:gallium']);
    const bad = await gql('{ dependencyTree(rootId: "tech:radar", maxDepth: 0) { maxDepth } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxDepth' });
    const wrongKind = await gql('{ dependencyTree(rootId: "sup:us-optics") { maxDepth } }');
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rootId' });
    const missing = await gql('{ dependencyTree(rootId: "cap:nothing") { maxDepth } }');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'rootId' });
  });
});

describe('criticalDependencies', () => {
  it('scores the dependencies of border surveillance with every component, in one round trip', async () => {
    const { result, roundTrips } = await counted(() =>
      gql(`{ criticalDependencies(rootId: "cap:border-surveillance") {
        root { id } reachSaturation weights { key weight }
        items { node { id } score capabilityCount hhi nonEuShare unknownSupply components { key factor weight contribution } } } }`),
    );
    expect(roundTrips).toBe(1);
    const r = result.data.criticalDependencies;
    expect(r.weights).toEqual([
      { key: 'reach', weight: 0.25 },
      { key: 'concentration', weight: 0.25 },
      { key: 'nonEu', weight: 0.2 },
      { key: 'substitutability', weight: 0.2 },
      { key: 'maturity', weight: 0.1 },
    ]);
    expect(r.items).toHaveLength(15); // every node below the capability
    const of = (id: string) => r.items.find((i: any) => i.node.id === id);
    expect(r.items[0].node.id).toBe('mat:gallium');
    expect(of('mat:gallium')).toMatchObject({ score: 0.818, capabilityCount: 2, hhi: 0.9608, nonEuShare: 0.98 });
    expect(of('mat:germanium')).toMatchObject({ score: 0.558, capabilityCount: 1, hhi: 0.45, nonEuShare: 0.6 });
    expect(of('comp:gan-amplifier')).toMatchObject({ score: 0.778, hhi: null, unknownSupply: true });
    expect(of('mat:germanium').components.map((c: any) => [c.key, c.factor])).toEqual([
      ['reach', 0.2],
      ['concentration', 0.45],
      ['nonEu', 0.7],
      ['substitutability', 1],
      ['maturity', null],
    ]);
  });

  it('ranks the whole portfolio when rootId is null', async () => {
    const { data } = await gql('{ criticalDependencies(first: 3) { root { id } items { node { id } score } } }');
    expect(data.criticalDependencies.root).toBeNull();
    // Gallium 0.818; then China and the Chinese gallium producers, each (0.25·0.4 + 0.25·0.98 + 0.2·1) / 0.7 = 0.779 (ties by id);
    // the GaN amplifier and the IR optics follow at 0.778.
    expect(data.criticalDependencies.items).toEqual([
      { node: { id: 'mat:gallium' }, score: 0.818 },
      { node: { id: 'country:cn' }, score: 0.779 },
      { node: { id: 'sup:cn-gallium' }, score: 0.779 },
    ]);
  });

  it('pages the ranking with first/after, each page continuing where the last ended', async () => {
    const PAGE = `query($after: String) { criticalDependencies(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } items { node { id } } } }`;
    const all = (await gql('{ criticalDependencies { totalCount items { node { id } } } }')).data.criticalDependencies;
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 50; round++) {
      const page: any = (await gql(PAGE, { after })).data.criticalDependencies;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.items.map((i: { node: { id: string } }) => i.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // The same order as the whole ranking (gallium, China, the Chinese gallium producer, … as above), nothing twice.
    expect(seen).toEqual(all.items.map((i: { node: { id: string } }) => i.node.id));
    expect(seen.slice(0, 3)).toEqual(['mat:gallium', 'country:cn', 'sup:cn-gallium']);
    const bad = await gql('{ criticalDependencies(first: 2, after: "not-a-cursor") { totalCount } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lists the first capabilities of a dependency on request, with the full count beside them', async () => {
    const { data } = await gql(
      `{ criticalDependencies(first: 1) { items { node { id } capabilityCount all: capabilities { id } one: capabilities(first: 1) { id } } } }`,
    );
    const [gallium] = data.criticalDependencies.items;
    expect(gallium.node.id).toBe('mat:gallium');
    expect(gallium.capabilityCount).toBe(2);
    expect(gallium.all).toHaveLength(2);
    expect(gallium.one).toEqual([gallium.all[0]]);
    const bad = await gql('{ criticalDependencies(first: 1) { items { capabilities(first: -1) { id } } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors?.[0])).toContain('first');
  });
});

describe('singlePointsOfFailure', () => {
  it('lists what alone breaks an enabling technology, with reasons', async () => {
    // A write first, so nothing memoised by earlier tests counts: the subgraph below the capability is fetched once.
    await db.write('RETURN 1 AS nothing');
    const { result, roundTrips } = await counted(() => gql(SPOFS, { id: 'cap:border-surveillance' }));
    expect(roundTrips).toBe(1);
    // dependencyTree of the same root shares that memoised subgraph: no round trip at all.
    const tree = await counted(() => gql('{ dependencyTree(rootId: "cap:border-surveillance") { nodes { id } } }'));
    expect(tree.result.data.dependencyTree.nodes).toHaveLength(16);
    expect(tree.roundTrips).toBe(0);
    const r = result.data.singlePointsOfFailure;
    expect(r.status).toBe('AVAILABLE');
    expect(r.points.map((p: any) => p.node.id)).toEqual([
      'comp:gan-amplifier',
      'comp:ir-optics',
      'mat:gallium',
      'mat:germanium',
      'sup:us-optics',
      'country:us',
    ]);
    expect(r.points[0]).toMatchObject({ unknownSupply: true, capabilityLost: false, technologies: [{ id: 'tech:radar' }] });
    expect(r.points[4].reason).toBe('US optics maker is the only supplier of Infrared optics.');
    const drones = await gql(SPOFS, { id: 'cap:drone-detection' });
    expect(drones.data.singlePointsOfFailure.points.map((p: any) => [p.node.id, p.capabilityLost])).toEqual([
      ['comp:gan-amplifier', true],
      ['mat:gallium', true],
    ]);
  });
});

describe('sovereigntyReport', () => {
  it('ranks technologies and KET areas by non-EU supply, and lists exposure per country', async () => {
    await db.write('RETURN 1 AS nothing');
    const { result, roundTrips } = await counted(() =>
      gql(`{ sovereigntyReport {
        technologies { technology { id } nonEuShare items unknownSupplyItems { id } }
        ketAreas { id nonEuShare }
        countries { country { id } lostCount capabilities { capability { id } lostIfCut largestShare } } } }`),
    );
    // After a write, the whole graph is fetched once; criticalDependencies then scores that memoised graph: none.
    expect(roundTrips).toBe(1);
    const scores = await counted(() => gql('{ criticalDependencies(first: 2) { items { node { id } } } }'));
    expect(scores.result.data.criticalDependencies.items).toEqual([{ node: { id: 'mat:gallium' } }, { node: { id: 'country:cn' } }]);
    expect(scores.roundTrips).toBe(0);
    const r = result.data.sovereigntyReport;
    expect(r.technologies).toEqual([
      { technology: { id: 'tech:radar' }, nonEuShare: 0.98, items: 1, unknownSupplyItems: [{ id: 'comp:gan-amplifier' }] },
      { technology: { id: 'tech:thermal-imaging' }, nonEuShare: 0.8, items: 2, unknownSupplyItems: [] },
    ]);
    expect(r.ketAreas).toEqual([
      { id: 'ket:micro-electronics', nonEuShare: 0.98 },
      { id: 'ket:photonics', nonEuShare: 0.89 },
    ]);
    expect(r.countries[0]).toEqual({
      country: { id: 'country:cn' },
      lostCount: 0,
      capabilities: [
        { capability: { id: 'cap:border-surveillance' }, lostIfCut: false, largestShare: 0.98 },
        { capability: { id: 'cap:drone-detection' }, lostIfCut: false, largestShare: 0.98 },
      ],
    });
  });
});

describe('supply mapping mutations', () => {
  it('validates first, naming the field, and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const bad = await gql(
      'mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:us-optics", share: 1.5, basis: GLOBAL_PRODUCTION }) { share } }',
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.share' });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.share']);
    const rumour = await gql(
      'mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:us-optics", share: 0.5, basis: rumour }) { share } }',
    );
    expect(rumour.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.basis' });
    const wrongKind = await gql('mutation { linkSuppliedBy(input: { itemId: "sup:us-optics", supplierId: "sup:us-optics" }) { share } }');
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.itemId[0]' });
    const noCountry = await gql('mutation { createSupplier(input: { name: "Japanese optics maker", countryId: "country:jp" }) { id } }');
    expect(noCountry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.countryId[0]' });
    const self = await gql('mutation { linkSubstitutes(input: { substituteId: "comp:ir-optics", replacesId: "comp:ir-optics" }) { rationale } }');
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replacesId' });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses a share of 0 (a supplier holding nothing is no supplier) and changes nothing, not even an existing link', async () => {
    const before = await graphSnapshot(db);
    // A new link with share 0, and an existing one (Belgian germanium, 0.3) set to 0.
    const added = await gql('mutation { linkSuppliedBy(input: { itemId: "mat:gallium", supplierId: "sup:de-optics", share: 0 }) { share } }');
    expect(added.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.share' });
    expect(added.errors?.[0]?.message).toContain('Unlink it instead');
    const zeroed = await gql('mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:be-germanium", share: 0 }) { share } }');
    expect(zeroed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.share' });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses shares of one item adding up to more than 1 (germanium: 0.6 + 0.3 held, 0.2 asked)', async () => {
    const over = await gql('mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:de-optics", share: 0.2 }) { share } }');
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.share' });
    expect(over.errors?.[0]?.message).toContain('would add up to 1.100');
    expect(over.errors?.[0]?.message).toContain('at most 0.100 is left');
    // Updating an existing supplier's share does not count its old share: 0.3 → 0.4 with 0.6 from others is 1.0.
    const update = await gql(
      'mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:be-germanium", share: 0.4, year: 2024 }) { share year totalShare } }',
    );
    expect(update.data.linkSuppliedBy).toEqual({ share: 0.4, year: 2024, totalShare: 1 });
    await gql(
      'mutation { linkSuppliedBy(input: { itemId: "mat:germanium", supplierId: "sup:be-germanium", share: 0.3, year: 2023, basis: GLOBAL_PRODUCTION, sourceIds: ["src:fixture"] }) { share } }',
    );
  });

  it('a second supplier takes the sole supplier and its country off the list at once; unlinking puts them back', async () => {
    const created = await gql(
      'mutation { createSupplier(input: { name: "Dutch optics maker", countryId: "country:de", sourceIds: ["src:fixture"] }) { id name } }',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createSupplier).toEqual({ id: 'sup:dutch-optics-maker', name: 'Dutch optics maker' });
    const link = await gql(
      'mutation { linkSuppliedBy(input: { itemId: "comp:ir-optics", supplierId: "sup:dutch-optics-maker", share: 0.5, year: ' +
        '2024 }) { item { id } supplier { id } share totalShare } }',
    );
    expect(link.data.linkSuppliedBy).toEqual({ item: { id: 'comp:ir-optics' }, supplier: { id: 'sup:dutch-optics-maker' }, share: 0.5, totalShare: 0.5 });
    expect(await spofIds()).toEqual(['comp:gan-amplifier', 'comp:ir-optics', 'mat:gallium', 'mat:germanium']);
    const unlink = await gql('mutation { unlinkSuppliedBy(itemId: "comp:ir-optics", supplierId: "sup:dutch-optics-maker") { removed } }');
    expect(unlink.data.unlinkSuppliedBy.removed).toBe(true);
    expect(await spofIds()).toContain('sup:us-optics');
    const deleted = await gql('mutation { deleteSupplier(id: "sup:dutch-optics-maker") { id relationshipsRemoved } }');
    expect(deleted.data.deleteSupplier).toEqual({ id: 'sup:dutch-optics-maker', relationshipsRemoved: 2 }); // LOCATED_IN, SOURCED_FROM
  });

  it('a substitute takes the whole optics chain off the list; unlinking puts it back', async () => {
    const link = await gql(
      'mutation { linkSubstitutes(input: { substituteId: "comp:chalcogenide-optics", replacesId: "comp:ir-optics", rationale: ' +
        '"germanium-free IR glass" }) { substitute { id } replaces { id } rationale } }',
    );
    expect(link.data.linkSubstitutes).toEqual({
      substitute: { id: 'comp:chalcogenide-optics' },
      replaces: { id: 'comp:ir-optics' },
      rationale: 'germanium-free IR glass',
    });
    expect(await spofIds()).toEqual(['comp:gan-amplifier', 'mat:gallium']);
    const unlink = await gql('mutation { unlinkSubstitutes(substituteId: "comp:chalcogenide-optics", replacesId: "comp:ir-optics") { removed } }');
    expect(unlink.data.unlinkSubstitutes.removed).toBe(true);
    expect(await spofIds()).toHaveLength(6);
  });

  it('without the German gallium producer, cutting China loses drone detection (and only that) in the sovereignty report', async () => {
    // China then holds all named gallium (0.98): cut, gallium → GaN amplifier → radar → drone detection fall; border
    // surveillance keeps thermal imaging (US optics, Belgian germanium 0.3).
    const unlink = await gql('mutation { unlinkSuppliedBy(itemId: "mat:gallium", supplierId: "sup:de-gallium") { removed } }');
    expect(unlink.data.unlinkSuppliedBy.removed).toBe(true);
    const { data } = await gql('{ sovereigntyReport { countries { country { id } lostCount capabilities { capability { id } lostIfCut largestShare } } } }');
    expect(data.sovereigntyReport.countries[0]).toEqual({
      country: { id: 'country:cn' },
      lostCount: 1,
      capabilities: [
        { capability: { id: 'cap:drone-detection' }, lostIfCut: true, largestShare: 0.98 },
        { capability: { id: 'cap:border-surveillance' }, lostIfCut: false, largestShare: 0.98 },
      ],
    });
    expect(data.sovereigntyReport.countries.slice(1).map((c: any) => c.lostCount)).toEqual([0, 0, 0]);
    const relink = await gql(
      'mutation { linkSuppliedBy(input: { itemId: "mat:gallium", supplierId: "sup:de-gallium", share: 0.02, year: 2023, basis: GLOBAL_PRODUCTION, sourceIds: ["src:fixture"] }) { share } }',
    );
    expect(relink.errors).toBeUndefined();
  });
});
