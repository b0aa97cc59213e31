// Scenarios through GraphQL over HTTP on a real Neo4j. The fixture is the worked example of docs/scenarios.md with
// names; every expected number below is worked out there (and in server/src/scenario/run.test.ts) by hand.
import { describe, expect, it } from 'vitest';
import type { SeedData } from '../graph-seed/seed-data.js';
import { seedFixture } from './support/seed-builder.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';

function fixture(): SeedData {
  return seedFixture({ id: 'src:doc', title: 'A report', publisher: 'JRC', year: 2024, url: 'https://example.org/r' })
    .nodes('Country', [
      { id: 'country:cn', name: 'China', iso2: 'CN', eu: false },
      { id: 'country:au', name: 'Australia', iso2: 'AU', eu: false },
    ])
    .nodes('Supplier', [
      { id: 'sup:s1', name: 'Gallium producers in China' },
      { id: 'sup:s2', name: 'Gallium producers in Australia' },
    ])
    .nodes('Material', [{ id: 'mat:m', name: 'Gallium', criticalRawMaterial: true }])
    .nodes('Component', [
      { id: 'comp:k', name: 'GaN amplifiers' },
      { id: 'comp:k2', name: 'GaAs amplifiers' },
    ])
    .nodes('Technology', [
      { id: 'tech:t', name: 'Surveillance radar' },
      { id: 'tech:u', name: 'Optical cameras', horizon: 'now', horizonSource: 'src:doc', horizonBasis: 'stated' },
      { id: 'tech:v', name: 'Quantum radar', horizon: '2040', horizonSource: 'src:doc', horizonBasis: 'stated' },
      { id: 'tech:z', name: 'Uncrewed aircraft', dualUse: true },
    ])
    .nodes('Capability', [
      { id: 'cap:c', name: 'Border surveillance', domain: 'border management' },
      { id: 'cap:d', name: 'Maritime awareness', domain: 'border management' },
    ])
    .links('LOCATED_IN', [
      { from: 'sup:s1', to: 'country:cn' },
      { from: 'sup:s2', to: 'country:au' },
    ])
    .links('SUPPLIED_BY', [
      { from: 'mat:m', to: 'sup:s1', share: 0.7 },
      { from: 'mat:m', to: 'sup:s2', share: 0.3 },
    ])
    .links('DEPENDS_ON', [
      { from: 'comp:k', to: 'mat:m', criticality: 0.8, substitutability: 0.25 },
      { from: 'tech:t', to: 'comp:k', criticality: 1, substitutability: 0 },
    ])
    .links('ENABLES', [
      { from: 'tech:t', to: 'cap:c', strength: 1 },
      { from: 'tech:u', to: 'cap:c', strength: 0.5 },
      { from: 'tech:v', to: 'cap:d', strength: 1 },
      { from: 'tech:u', to: 'cap:d', strength: 1 },
    ])
    .links('COUNTERS', [{ from: 'cap:c', to: 'tech:z' }])
    .build();
}

let db: Database;
let server: RunningServer;
/** Signed in as a test analyst (an API token): every call authenticates. */
let caller: TestUser;
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(caller.token));

/** Everything but the overlay (every node and relationship with its properties), so a test can prove scenarios never touch the baseline. */
async function baselineFingerprint(): Promise<string> {
  const [row] = await db.read<{ nodes: unknown[]; rels: unknown[] }>(
    `CALL () { MATCH (n) WHERE NOT n:Scenario AND NOT n:ScenarioEvent AND NOT n:AtlasDataVersion
               WITH n ORDER BY n.id RETURN collect([labels(n), properties(n)]) AS nodes }
     CALL () { MATCH (a)-[r]->(b) WHERE NOT a:Scenario AND NOT a:ScenarioEvent
               WITH a, r, b ORDER BY a.id, type(r), b.id RETURN collect([a.id, type(r), b.id, properties(r)]) AS rels }
     RETURN nodes, rels`,
  );
  const sorted = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1))) : value;
  return JSON.stringify(row, sorted);
}
const countScenarios = async () => (await db.read<{ n: number }>('MATCH (s:Scenario) RETURN count(s) AS n'))[0]!.n;

useSeededApi(fixture, 'analyst', (api) => ({ db, server, caller } = api));

const RUN_FIELDS = `horizon capabilityCount warnings
  impacts { capabilityId name before after delta readinessAfter needAfter capability { domain }
            paths { weight eventIndexes summary steps { id kind before after via } } }
  nodes { id kind after delta }
  timeline { year maturing { technologyId year baselineYear byScenario } gains { capabilityId delta } losses { capabilityId delta } }`;

const CHINA = { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 };
const MATURATION = { type: 'MATURATION', targetId: 'tech:v', trl: 7, year: 2028 };

describe('running a draft', () => {
  it('propagates a cut of China to the capabilities, with paths, and saves nothing', async () => {
    const before = await baselineFingerprint();
    const { data, errors } = await gql(`query($input: ScenarioRunInput!) { runScenario(input: $input) { ${RUN_FIELDS} } }`, {
      input: { horizon: 2030, events: [CHINA] },
    });
    expect(errors).toBeUndefined();
    const run = data.runScenario;
    expect(run.capabilityCount).toBe(2);
    // Gallium 0.7·0 + 0.3·1 = 0.3; GaN 1 − 0.8·0.75·0.7 = 0.58; radar 0.58; border surveillance (0.58 + 0.5) / 1.5 = 0.72.
    expect(run.impacts.map((i: any) => [i.capabilityId, i.before, i.after, i.delta, i.capability.domain])).toEqual([
      ['cap:c', 1, 0.72, -0.28, 'BORDER_MANAGEMENT'],
    ]);
    expect(run.nodes.map((n: any) => [n.id, n.after])).toEqual([
      ['country:cn', 0],
      ['sup:s1', 0],
      ['mat:m', 0.3],
      ['comp:k', 0.58],
      ['tech:t', 0.58],
    ]);
    expect(run.impacts[0].paths).toHaveLength(1);
    expect(run.impacts[0].paths[0].summary).toBe(
      'China [100%→0%] › Gallium producers in China [100%→0%] › Gallium [100%→30%] › GaN amplifiers [100%→58%] › Surveillance ' +
        'radar [100%→58%] › Border surveillance [100%→72%]',
    );
    expect(run.impacts[0].paths[0].weight).toBe(0.28);
    expect(await countScenarios()).toBe(0);
    expect(await baselineFingerprint()).toBe(before);
  });

  it('changes nothing with no events', async () => {
    const { data } = await gql(`query { runScenario(input: { horizon: 2035, events: [] }) { ${RUN_FIELDS} } }`);
    expect([data.runScenario.impacts, data.runScenario.nodes]).toEqual([[], []]);
    expect(data.runScenario.timeline.map((s: any) => [s.year, s.gains, s.losses])).toEqual([
      [2030, [], []],
      [2035, [], []],
      [2040, [], []],
    ]);
  });

  it('answers the same bytes twice', async () => {
    const q = `query($input: ScenarioRunInput!) { runScenario(input: $input) { ${RUN_FIELDS} } }`;
    const input = { horizon: 2030, events: [CHINA, MATURATION, { type: 'THREAT', targetId: 'tech:z', fraction: 0.25 }] };
    expect(JSON.stringify(await gql(q, { input }))).toBe(JSON.stringify(await gql(q, { input })));
  });

  it('rejects bad events naming the field, and an unknown target', async () => {
    const q = 'query($input: ScenarioRunInput!) { runScenario(input: $input) { horizon } }';
    const bad = await gql(q, { input: { horizon: 2030, events: [CHINA, CHINA, { ...CHINA, fraction: 1.5 }] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[2].fraction' });
    const unknown = await gql(q, { input: { horizon: 2030, events: [CHINA, { ...CHINA, targetId: 'country:atlantis' }] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[1].targetId' });
    expect(unknown.errors?.[0]?.message).toContain('no Supplier, Country, Material, Component or Technology has id "country:atlantis"');
  });
});

const SCENARIO_FIELDS =
  'id name description horizon drivers assumptions author createdAt updatedAt events { index type targetId target { id ' +
  'name } replacesId fraction trl year note }';

describe('saved scenarios', () => {
  it('rejects a horizon in the past, an unknown node and a bad fraction, and saves nothing', async () => {
    const before = await countScenarios();
    const past = await gql('mutation { createScenario(input: { name: "Old", horizon: 2020 }) { id } }');
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.horizon' });
    const q = 'mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }';
    const unknown = await gql(q, { input: { name: 'Cut', horizon: 2030, events: [CHINA, { type: 'DISRUPTION', targetId: 'sup:nope', fraction: 1 }] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[1].targetId' });
    const wrongKind = await gql(q, { input: { name: 'Cut', horizon: 2030, events: [{ type: 'MATURATION', targetId: 'mat:m', trl: 7, year: 2030 }] } });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].targetId' });
    const fraction = await gql(q, { input: { name: 'Cut', horizon: 2030, events: [CHINA, CHINA, { ...CHINA, fraction: -0.1 }] } });
    expect(fraction.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[2].fraction' });
    expect(await countScenarios()).toBe(before);
  });

  let chinaId: string;
  let maturationId: string;

  it('creates a scenario in one transaction and reads it back with its events', async () => {
    const before = db.queryCount;
    const created = await gql('mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }', {
      input: {
        name: 'China cuts gallium',
        description: 'Export ban',
        horizon: 2030,
        drivers: ['Political', 'export controls'],
        assumptions: ['No stockpiles'],
        events: [CHINA],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(db.queryCount - before).toBe(1);
    chinaId = created.data.createScenario.id;
    expect(chinaId).toBe('scn:china-cuts-gallium');

    const { data } = await gql(`{ scenario(id: "${chinaId}") { ${SCENARIO_FIELDS} } entity(id: "${chinaId}") { kind } }`);
    expect(data.scenario).toMatchObject({
      name: 'China cuts gallium',
      horizon: 2030,
      drivers: ['political', 'export controls'],
      assumptions: ['No stockpiles'],
      author: 'Test analyst',
      events: [{ index: 0, type: 'DISRUPTION', targetId: 'country:cn', target: { id: 'country:cn', name: 'China' }, fraction: 1, trl: null, year: null }],
    });
    expect(data.entity.kind).toBe('Scenario');

    // The author is whoever is signed in; a client cannot name one.
    const second = await postGraphQL(
      server.url,
      'mutation($input: ScenarioInput!) { createScenario(input: $input) { id author } }',
      {
        input: { name: 'Quantum radar early', horizon: 2030, drivers: ['technological'], events: [MATURATION] },
      },
      authHeaders((await createUserWithToken(db, 'analyst', { name: 'A. Analyst' })).token),
    );
    maturationId = second.data.createScenario.id;
    expect(second.data.createScenario.author).toBe('A. Analyst');
  });

  it('runs a saved scenario with the figures of the draft, in bounded round trips', async () => {
    const before = db.queryCount;
    const { data, errors } = await gql(`{ runSavedScenario(id: "${chinaId}") { scenario { id } ${RUN_FIELDS} } }`);
    expect(errors).toBeUndefined();
    // The scenario with its events, the supply graph, horizons + COUNTERS, and one batch for capability { domain }.
    expect(db.queryCount - before).toBeLessThanOrEqual(4);
    expect(data.runSavedScenario.impacts.map((i: any) => [i.capabilityId, i.after])).toEqual([['cap:c', 0.72]]);
  });

  it('compares two scenarios: the capabilities whose change differs, by the difference', async () => {
    const { data, errors } = await gql(`{ compareScenarios(ids: ["${chinaId}", "${maturationId}"]) {
      runs { scenario { id } impacts { capabilityId delta } }
      rows { capabilityId spread cells { scenarioId before after delta } } } }`);
    expect(errors).toBeUndefined();
    // Maritime awareness: 0 vs +0.5 (quantum radar deployable in 2030: (1 + 1) / 2 against (0 + 1) / 2).
    // Border surveillance: −0.28 vs 0.
    expect(data.compareScenarios.rows.map((r: any) => [r.capabilityId, r.spread, r.cells.map((c: any) => [c.scenarioId, c.delta])])).toEqual([
      [
        'cap:d',
        0.5,
        [
          [chinaId, 0],
          [maturationId, 0.5],
        ],
      ],
      [
        'cap:c',
        0.28,
        [
          [chinaId, -0.28],
          [maturationId, 0],
        ],
      ],
    ]);
    const tooFew = await gql(`{ compareScenarios(ids: ["${chinaId}"]) { rows { spread } } }`);
    expect(tooFew.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const missing = await gql(`{ compareScenarios(ids: ["${chinaId}", "scn:nope"]) { rows { spread } } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids[1]' });
  });

  it('updates, lists, duplicates and deletes, never touching the baseline', async () => {
    const baseline = await baselineFingerprint();
    const updated = await gql(`mutation($input: ScenarioUpdate!) { updateScenario(id: "${chinaId}", input: $input) { ${SCENARIO_FIELDS} } }`, {
      input: {
        horizon: 2035,
        events: [
          { ...CHINA, fraction: 0.5, year: 2031, note: 'partial ban' },
          { type: 'SUBSTITUTE', targetId: 'comp:k2', replacesId: 'comp:k', fraction: 0.5 },
        ],
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateScenario).toMatchObject({ name: 'China cuts gallium', horizon: 2035, drivers: ['political', 'export controls'] });
    expect(updated.data.updateScenario.events.map((e: any) => [e.index, e.type, e.fraction, e.year, e.replacesId, e.note])).toEqual([
      [0, 'DISRUPTION', 0.5, 2031, null, 'partial ban'],
      [1, 'SUBSTITUTE', 0.5, null, 'comp:k', null],
    ]);
    const badUpdate = await gql(`mutation { updateScenario(id: "${chinaId}", input: { events: [{ type: THREAT, targetId: "cap:c" }] }) { id } }`);
    expect(badUpdate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].targetId' });
    expect((await gql(`{ scenario(id: "${chinaId}") { events { type } } }`)).data.scenario.events).toHaveLength(2);

    const copy = await gql(`mutation { duplicateScenario(id: "${chinaId}") { id name horizon events { type targetId } } }`);
    expect(copy.data.duplicateScenario).toMatchObject({ id: 'scn:china-cuts-gallium-copy', name: 'China cuts gallium (copy)', horizon: 2035 });
    expect(copy.data.duplicateScenario.events).toEqual([
      { type: 'DISRUPTION', targetId: 'country:cn' },
      { type: 'SUBSTITUTE', targetId: 'comp:k2' },
    ]);

    const list = await gql('{ scenarios(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id name } } } }');
    expect(list.data.scenarios.totalCount).toBe(3);
    expect(list.data.scenarios.edges.map((e: any) => e.node.name)).toEqual(['China cuts gallium', 'China cuts gallium (copy)']);

    const deleted = await gql(`mutation { deleteScenario(id: "${copy.data.duplicateScenario.id}") { id relationshipsRemoved } }`);
    // Two HAS_EVENT, two TARGETS and one REPLACES.
    expect(deleted.data.deleteScenario).toEqual({ id: 'scn:china-cuts-gallium-copy', relationshipsRemoved: 5 });
    const again = await gql(`mutation { deleteScenario(id: "${copy.data.duplicateScenario.id}") { id } }`);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.read('MATCH (e:ScenarioEvent) WHERE e.scenarioId = $id RETURN e', { id: 'scn:china-cuts-gallium-copy' })).toEqual([]);
    expect(await baselineFingerprint()).toBe(baseline);
  });

  it('keeps running a scenario whose target was deleted from the map, with a warning', async () => {
    const made = await gql(
      'mutation { createScenario(input: { name: "Drones threat", horizon: 2030, events: [{ type: THREAT, targetId: "tech:z", ' +
        'fraction: 0.25 }, { type: DISRUPTION, targetId: "sup:s2", fraction: 1 }] }) { id } }',
    );
    const id = made.data.createScenario.id;
    // Deleting a map entity is an admin's right (the analyst who made the scenario cannot).
    await postGraphQL(server.url, 'mutation { deleteTechnology(id: "tech:z") { id } }', {}, authHeaders((await createUserWithToken(db, 'admin')).token));
    const { data, errors } = await gql(
      `{ runSavedScenario(id: "${id}") { warnings impacts { capabilityId after } } scenario(id: "${id}") { events { targetId target { id } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.runSavedScenario.warnings).toEqual(['Event 1 (THREAT) refers to tech:z, which is no longer on the map; it was skipped.']);
    // Australia's 0.3 of gallium lost: GaN 1 − 0.8·0.75·0.3 = 0.82, radar 0.82, border surveillance (0.82 + 0.5)/1.5 = 0.88.
    expect(data.runSavedScenario.impacts).toEqual([{ capabilityId: 'cap:c', after: 0.88 }]);
    expect(data.scenario.events[0]).toEqual({ targetId: 'tech:z', target: null });
  });
});

describe('the map cached between runs', () => {
  const RUN = 'query($input: ScenarioRunInput!) { runScenario(input: $input) { impacts { capabilityId after } nodes { id after } } }';
  const LOSE_AUSTRALIA = { input: { horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'sup:s2', fraction: 1 }] } };

  it('reuses the fetched map until a write, then sees the write', async () => {
    const first = await gql(RUN, LOSE_AUSTRALIA);
    expect(first.errors).toBeUndefined();
    // Australia's 0.3 of gallium lost: GaN 1 − 0.8·0.75·0.3 = 0.82, radar 0.82, border surveillance (0.82 + 0.5)/1.5 = 0.88.
    expect(first.data.runScenario.impacts).toEqual([{ capabilityId: 'cap:c', after: 0.88 }]);

    // The same map again: served from the cache, no query at all.
    const [queries, hits] = [db.queryCount, db.cache.hits];
    expect(await gql(RUN, LOSE_AUSTRALIA)).toEqual(first);
    expect(db.queryCount - queries).toBe(0);
    expect(db.cache.hits).toBeGreaterThan(hits);

    // A second Australian supplier takes 0.2 of sup:s2's 0.3: losing sup:s2 now loses 0.1 of gallium (0.9 left),
    // GaN 1 − 0.8·0.75·0.1 = 0.94, radar 0.94, border surveillance (0.94 + 0.5)/1.5 = 0.96.
    const admin = authHeaders((await createUserWithToken(db, 'admin')).token);
    const writes = [
      'mutation { createSupplier(input: { id: "sup:s3", name: "Gallium recyclers in Australia", countryId: "country:au", sourceIds: ["src:doc"] }) { id } }',
      'mutation { linkSuppliedBy(input: { itemId: "mat:m", supplierId: "sup:s2", share: 0.1, sourceIds: ["src:doc"] }) { share } }',
      'mutation { linkSuppliedBy(input: { itemId: "mat:m", supplierId: "sup:s3", share: 0.2, sourceIds: ["src:doc"] }) { share } }',
    ];
    for (const mutation of writes) expect((await postGraphQL(server.url, mutation, {}, admin)).errors).toBeUndefined();
    const after = await gql(RUN, LOSE_AUSTRALIA);
    expect(after.data.runScenario.impacts).toEqual([{ capabilityId: 'cap:c', after: 0.96 }]);
    expect(after.data.runScenario.nodes).toEqual([
      { id: 'sup:s2', after: 0 },
      { id: 'mat:m', after: 0.9 },
      { id: 'comp:k', after: 0.94 },
      { id: 'tech:t', after: 0.94 },
    ]);
  });
});
