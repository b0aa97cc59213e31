// The capability roadmap through GraphQL over HTTP on the worked example of docs/dependency-analysis.md
// (tests/fixtures/dependency-fixture.ts): lanes, risks and a scenario's events, worked out by hand from its picture.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/src/app.js';
import { currentYear } from '../server/src/scenario/scenario.model.js';
import { dependencyFixture } from './fixtures/dependency-fixture.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, type TestUser } from './support/auth.js';
import { postGraphQL } from './support/graphql.js';

let server: RunningServer;
let caller: TestUser;
useSeededApi(dependencyFixture, 'admin', (api) => ({ server, caller } = api));
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(caller.token));

const ROADMAP = `query($cap: ID!, $scn: ID) { capabilityRoadmap(capabilityId: $cap, scenarioId: $scn) {
  capability { id name } scenario { id name } currentYear endYear horizons
  lanes { id strength trl basis deployableFrom readiness { from to state } scenarioDeployableFrom risks { type nodeId nonEuShare } }
  events { index type year targetId laneIds summary } } }`;

describe('capabilityRoadmap', () => {
  it('lays out border surveillance: two deployable lanes, strongest first, with their risks', async () => {
    const { data, errors } = await gql(ROADMAP, { cap: 'cap:border-surveillance' });
    expect(errors).toBeUndefined();
    const r = data.capabilityRoadmap;
    const now = currentYear();
    expect([r.capability.name, r.scenario, r.currentYear, r.endYear]).toEqual(['Border surveillance', null, now, 2040]);
    expect(r.horizons).toEqual([2030, 2035, 2040].filter((y) => y >= now));
    // Thermal imaging (TRL 8, strength 1) before radar (TRL 7, strength 0.5); both deployable over the whole timeline.
    expect(r.lanes.map((l: any) => [l.id, l.strength, l.trl, l.basis, l.deployableFrom])).toEqual([
      ['tech:thermal-imaging', 1, 8, 'TRL', now],
      ['tech:radar', 0.5, 7, 'TRL', now],
    ]);
    expect(r.lanes[0].readiness).toEqual([{ from: now, to: 2041, state: 'DEPLOYABLE' }]);
    const risks = (i: number) => r.lanes[i].risks.map((x: any) => [x.type, x.nodeId, x.nonEuShare]);
    // Thermal: the optics (sole US supplier, no share: all of it, non-EU), germanium (60 % Chinese, 30 % Belgian, 10 %
    // unattributed), the optics maker and its country; then the items more than half non-EU.
    expect(risks(0)).toEqual([
      ['SINGLE_POINT_OF_FAILURE', 'comp:ir-optics', 1],
      ['SINGLE_POINT_OF_FAILURE', 'mat:germanium', 0.6],
      ['SINGLE_POINT_OF_FAILURE', 'sup:us-optics', null],
      ['SINGLE_POINT_OF_FAILURE', 'country:us', null],
      ['NON_EU_SUPPLY', 'comp:ir-optics', 1],
      ['NON_EU_SUPPLY', 'mat:germanium', 0.6],
    ]);
    // Radar: the amplifier (unknown supply: never counted as non-EU) and gallium (98 % Chinese).
    expect(risks(1)).toEqual([
      ['SINGLE_POINT_OF_FAILURE', 'comp:gan-amplifier', null],
      ['SINGLE_POINT_OF_FAILURE', 'mat:gallium', 0.98],
      ['NON_EU_SUPPLY', 'mat:gallium', 0.98],
    ]);
  });

  it('overlays a saved scenario: a Chinese cut touches both lanes, a maturation of radar changes nothing already deployable', async () => {
    const created = await gql(`mutation { createScenario(input: { id: "scn:roadmap-china", name: "China cut", horizon: 2035,
      events: [{ type: MATURATION, targetId: "tech:radar", trl: 9, year: 2031 }, { type: DISRUPTION, targetId: "country:cn", fraction: 1, year: 2029 }] }) { id } }`);
    expect(created.errors).toBeUndefined();
    const { data, errors } = await gql(ROADMAP, { cap: 'cap:border-surveillance', scn: 'scn:roadmap-china' });
    expect(errors).toBeUndefined();
    const r = data.capabilityRoadmap;
    expect(r.scenario).toEqual({ id: 'scn:roadmap-china', name: 'China cut' });
    expect(r.events).toEqual([
      {
        index: 1,
        type: 'DISRUPTION',
        year: 2029,
        targetId: 'country:cn',
        laneIds: ['tech:thermal-imaging', 'tech:radar'],
        summary: 'China disrupted (100 %) from 2029',
      },
      { index: 0, type: 'MATURATION', year: 2031, targetId: 'tech:radar', laneIds: ['tech:radar'], summary: 'Radar reaches TRL 9 by 2031' },
    ]);
    expect(r.lanes.map((l: any) => l.scenarioDeployableFrom)).toEqual([null, null]);
  });

  it('refuses what is not a capability, and names unknown ids', async () => {
    const wrongKind = await gql(ROADMAP, { cap: 'tech:radar' });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capabilityId' });
    const missing = await gql(ROADMAP, { cap: 'cap:nope' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'capabilityId' });
    const noScenario = await gql(ROADMAP, { cap: 'cap:border-surveillance', scn: 'scn:nope' });
    expect(noScenario.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scenarioId' });
  });
});
