// The GraphQL API over real HTTP against a real Neo4j loaded with a known fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/src/app.js';
import { Database } from '../server/src/db/database.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { graphSnapshot } from './support/fingerprint.js';
import { inProcessApi, type InProcessApi } from './support/in-process.js';
import { readyAnswer } from './support/ready.js';

let db: Database;
let server: RunningServer;
const TECHNOLOGIES = 30;

useSeededApi(
  () => mappingFixture(TECHNOLOGIES),
  'admin',
  (api) => ({ db, server, caller } = api),
);

/** Signed in as a test admin (an API token): every call authenticates. */
let caller: TestUser;
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(caller.token));

/** The same caller in process (Apollo's executeOperation), where HTTP is not what a test is about. */
let api: InProcessApi;
beforeAll(async () => {
  api = await inProcessApi(db);
});
afterAll(() => api?.stop());
const execute = (query: string, variables?: Record<string, unknown>) => api.execute(query, variables, caller.user);

describe('reading the map', () => {
  it('lists capabilities with id and name', async () => {
    const { data, errors } = await gql('{ capabilities { id name } capabilityPage(first: 2) { totalCount pageInfo { hasNextPage } } }');
    expect(errors).toBeUndefined();
    expect(data.capabilities.map((c: any) => c.name)).toEqual(['Biometric identification', 'Border surveillance', 'Digital forensics', 'Drug detection']);
    expect(data.capabilityPage).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });

  it('pages through technologies with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data } = await gql(
        'query($after: String) { technologyPage(first: 8, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
      );
      seen.push(...data.technologyPage.edges.map((e: any) => e.node.id));
      if (!data.technologyPage.pageInfo.hasNextPage) break;
      after = data.technologyPage.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(TECHNOLOGIES);
    expect(new Set(seen).size).toBe(TECHNOLOGIES);
    expect(seen).toEqual([...seen].sort());
  });

  it('filters technologies by TRL range and KET area', async () => {
    const { data } = await gql('{ technologies(filter: { trlMin: 8, ketAreaId: "ket:photonics" }) { id trl } }');
    // TRL is (i % 9) + 1 for i in 0..29: TRL 8 or 9 for i = 7, 8, 16, 17, 25, 26.
    expect(data.technologies.map((t: any) => t.id)).toEqual(['tech:t007', 'tech:t008', 'tech:t016', 'tech:t017', 'tech:t025', 'tech:t026']);
  });

  it('returns a technology with its links and their sources', async () => {
    const { data, errors } = await gql(`{ technology(id: "tech:t005") {
      id name trl sources { id year } areas { id kind }
      enables { capability { id } strength sources { id } }
      dependsOn { dependency { id kind } criticality substitutability }
    } }`);
    expect(errors).toBeUndefined();
    expect(data.technology).toEqual({
      id: 'tech:t005',
      name: 'Technology 005',
      trl: 6,
      sources: [{ id: 'src:doc-0', year: 2020 }],
      areas: [{ id: 'ket:photonics', kind: 'KetArea' }],
      enables: [
        { capability: { id: 'cap:c1' }, strength: 1, sources: [{ id: 'src:doc-0' }] },
        { capability: { id: 'cap:c2' }, strength: 0.5, sources: [{ id: 'src:doc-1' }] },
      ],
      dependsOn: [{ dependency: { id: 'mat:gallium', kind: 'Material' }, criticality: 0.5, substitutability: 0.25 }],
    });
  });

  it('finds a neighbourhood two links deep', async () => {
    const { data } = await gql('{ neighbours(id: "tech:t000", depth: 2, limit: 500) { centre { id } entities { id kind } links { type from to } truncated } }');
    const ids = data.neighbours.entities.map((e: any) => e.id);
    expect(data.neighbours.centre.id).toBe('tech:t000');
    // Depth 1: two capabilities, gallium, photonics; depth 2: every other technology through those.
    expect(ids).toContain('cap:c0');
    expect(ids).toContain('mat:gallium');
    expect(ids).toHaveLength(1 + 4 + (TECHNOLOGIES - 1));
    expect(data.neighbours.links).toContainEqual({ type: 'ENABLES', from: 'tech:t000', to: 'cap:c1' });
    expect(data.neighbours.truncated).toBe(false);
  });

  it('ranks full-text matches, name before description', async () => {
    const { data } = await gql('{ search(text: "spectrosc") { score entity { id } } }');
    expect(data.search.map((h: any) => h.entity.id)).toEqual(['tech:t007']);
    const byName = await gql('{ search(text: "drug") { entity { id } } }');
    expect(byName.data.search.map((h: any) => h.entity.id)).toEqual(['cap:c1', 'tech:t007']);
  });

  it('costs a bounded number of round trips for a nested list (no N+1)', async () => {
    const before = db.queryCount;
    const { data, errors } = await gql(`{ technologies(first: ${TECHNOLOGIES}) {
      id sources { name } areas { name }
      enables { strength sources { name } capability { name sources { name } enabledBy { technology { id } } } }
      dependsOn { dependency { name sources { name } } }
    } }`);
    expect(errors).toBeUndefined();
    expect(data.technologies).toHaveLength(TECHNOLOGIES);
    const roundTrips = db.queryCount - before;
    // One batch each, whatever the count: the list (which brings enables and dependsOn with it, see technology.loaders.ts),
    // technology sources, areas, link sources, capability and dependency sources, enabledBy.
    expect(roundTrips).toBeLessThanOrEqual(6);
  });

  it('reads a technology with its links in one round trip, and a page of them with its links in one', async () => {
    let before = db.queryCount;
    const one = await gql(
      `{ technology(id: "tech:t002") { id enables { strength capability { id name } } dependsOn { criticality dependency { id name kind } } } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(db.queryCount - before).toBe(1);
    // t002 enables c2 (strength 1) and c3 (0.5), strongest first, and depends on gallium.
    expect(one.data.technology).toEqual({
      id: 'tech:t002',
      enables: [
        { strength: 1, capability: { id: 'cap:c2', name: 'Digital forensics' } },
        { strength: 0.5, capability: { id: 'cap:c3', name: 'Biometric identification' } },
      ],
      dependsOn: [{ criticality: 0.5, dependency: { id: 'mat:gallium', name: 'Gallium', kind: 'Material' } }],
    });

    before = db.queryCount;
    const page = await gql(`{ technologyPage(first: 3, after: null) { totalCount edges { node { id
      enables { capability { id domain } } dependsOn { dependency { ... on Material { criticalRawMaterial } } } } } } }`);
    expect(page.errors).toBeUndefined();
    expect(db.queryCount - before).toBe(1);
    expect(page.data.technologyPage.totalCount).toBe(TECHNOLOGIES);
    // Fields beyond id and name of the far ends come through too (the look-ahead then fetches them whole).
    expect(page.data.technologyPage.edges[1].node).toEqual({
      id: 'tech:t001',
      enables: [{ capability: { id: 'cap:c1', domain: 'LAW_ENFORCEMENT' } }, { capability: { id: 'cap:c2', domain: 'LAW_ENFORCEMENT' } }],
      dependsOn: [{ dependency: { criticalRawMaterial: true } }],
    });
  });

  it('fetches only the selected properties of listed technologies, unless a link asks for more of them', async () => {
    const brief = await gql('{ technologies(first: 2) { id trl enables { technology { id } } } }');
    expect(brief.data.technologies).toEqual([
      { id: 'tech:t000', trl: 1, enables: [{ technology: { id: 'tech:t000' } }, { technology: { id: 'tech:t000' } }] },
      { id: 'tech:t001', trl: 2, enables: [{ technology: { id: 'tech:t001' } }, { technology: { id: 'tech:t001' } }] },
    ]);
    // The link's technology is the listed record: asked for its description, the records must be whole.
    const whole = await gql(
      '{ technologies(first: 1) { id enables { technology { description } } dependsOn { dependant { ... on Technology { horizon trl } } } } }',
    );
    expect(whole.data.technologies[0].enables[0].technology.description).toBe('A test technology');
    expect(whole.data.technologies[0].dependsOn).toEqual([{ dependant: { horizon: null, trl: 1 } }]);
    // attributes reads every other property: here the TRL and its year (its source and basis have fields of their own),
    // which this query selects nowhere else.
    const attributes = await gql('{ technologies(first: 1) { attributes { key value } } }');
    expect(attributes.data.technologies[0].attributes).toEqual([
      { key: 'trl', value: '1' },
      { key: 'trlYear', value: '2024' },
    ]);
  });
});

describe('cached explorer reads', () => {
  const READ = 'query Read($id: ID!) { technology(id: $id) { id trl enables { capability { id } } } }';
  const post = (headers: Record<string, string>, variables: Record<string, unknown>) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: READ, variables }),
    });

  it('answers a repeated read from the cache, and a write through GraphQL or any Database handle shows at once', async () => {
    const first = await gql(READ, { id: 'tech:t010' });
    // TRL (10 % 9) + 1.
    expect(first.data.technology.trl).toBe(2);
    let before = db.queryCount;
    const again = await post(authHeaders(caller.token), { id: 'tech:t010' });
    // No round trip for the read (the API token is checked by the auth service's own handle, not counted here).
    expect(db.queryCount - before).toBe(0);
    expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(again.headers.get('x-request-id')).toBeTruthy();
    expect(await again.json()).toEqual(first);

    const updated = await gql('mutation { updateTechnology(id: "tech:t010", input: { trl: 7 }) { trl } }');
    expect(updated.errors).toBeUndefined();
    before = db.queryCount;
    expect((await gql(READ, { id: 'tech:t010' })).data.technology.trl).toBe(7);
    expect(db.queryCount - before).toBe(1);

    await db.write('MATCH (t:Technology {id: $id}) SET t.trl = 8', { id: 'tech:t010' });
    expect((await gql(READ, { id: 'tech:t010' })).data.technology.trl).toBe(8);
    const unlinked = await gql('mutation { unlinkEnables(technologyId: "tech:t010", capabilityId: "cap:c3") { removed } }');
    expect(unlinked.data.unlinkEnables.removed).toBe(true);
    // t010 enabled c2 and c3.
    expect((await gql(READ, { id: 'tech:t010' })).data.technology.enables).toEqual([{ capability: { id: 'cap:c2' } }]);
  });

  it('never shares a cached answer between callers, and never caches what depends on the caller', async () => {
    // Made first: creating a user is a write, which would empty the cache anyway.
    const other = await createUserWithToken(db, 'viewer');
    await gql(READ, { id: 'tech:t011' });
    let before = db.queryCount;
    await gql(READ, { id: 'tech:t011' });
    expect(db.queryCount - before).toBe(0); // cached for this caller
    before = db.queryCount;
    const theirs = await postGraphQL(server.url, READ, { id: 'tech:t011' }, authHeaders(other.token));
    expect(theirs.errors).toBeUndefined();
    expect(db.queryCount - before).toBe(1); // read again: not served from the first caller's entry
    const me = '{ me { id } technology(id: "tech:t011") { id } }';
    for (let i = 0; i < 2; i++) {
      expect((await gql(me)).data.me.id).toBe(caller.user.id);
      expect((await postGraphQL(server.url, me, {}, authHeaders(other.token))).data.me.id).toBe(other.user.id);
    }
    // Anonymous callers may not read (ATLAS_PUBLIC_READ is off here), even what a signed-in caller has cached.
    const anonymous = await postGraphQL(server.url, READ, { id: 'tech:t011' });
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('computes every read when the result cache is off (ATLAS_RESULT_CACHE=false)', async () => {
    new Database(db.driver, db.name, undefined, { resultCache: false });
    try {
      await gql(READ, { id: 'tech:t012' });
      const before = db.queryCount;
      await gql(READ, { id: 'tech:t012' });
      expect(db.queryCount - before).toBe(1);
    } finally {
      new Database(db.driver, db.name, undefined, { resultCache: true });
    }
  });
});

describe('mapping mutations', () => {
  it('rejects a TRL outside 1–9, naming the field, and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const { errors } = await execute('mutation { createTechnology(input: { name: "Quantum sensing", trl: 12 }) { id } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trl' });
    expect(errors?.[0]?.message).toContain('input.trl: must be a whole number from 1 to 9');
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('rejects an unknown KET area inside the transaction and leaves no half-made technology', async () => {
    const before = await graphSnapshot(db);
    const { errors } = await execute('mutation { createTechnology(input: { name: "Quantum sensing", ketAreaIds: ["ket:nope"] }) { id } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ketAreaIds[0]' });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('creates, updates, links, unlinks and deletes', async () => {
    const created = await gql(
      'mutation { createTechnology(input: { name: "Quantum sensing", trl: 4, ketAreaIds: ["ket:photonics"], sourceIds: ' +
        '["src:doc-2"] }) { id trl areas { id } sources { id } } }',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createTechnology).toEqual({ id: 'tech:quantum-sensing', trl: 4, areas: [{ id: 'ket:photonics' }], sources: [{ id: 'src:doc-2' }] });

    const duplicate = await gql('mutation { createTechnology(input: { name: "Quantum sensing" }) { id } }');
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });

    const updated = await gql('mutation { updateTechnology(id: "tech:quantum-sensing", input: { trl: 5, horizon: BY_2030 }) { trl horizon name } }');
    expect(updated.data.updateTechnology).toEqual({ trl: 5, horizon: 'BY_2030', name: 'Quantum sensing' });

    const badLink = await gql(
      'mutation { linkEnables(input: { technologyId: "tech:quantum-sensing", capabilityId: "cap:missing", strength: 0.5 }) { strength } }',
    );
    expect(badLink.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capabilityId[0]' });
    const badStrength = await gql(
      'mutation { linkEnables(input: { technologyId: "tech:quantum-sensing", capabilityId: "cap:c0", strength: 1.5 }) { strength } }',
    );
    expect(badStrength.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.strength' });

    const link = await gql(
      'mutation { linkEnables(input: { technologyId: "tech:quantum-sensing", capabilityId: "cap:c0", strength: 0.75, ' +
        'rationale: "detects concealed items" }) { strength capability { id } } }',
    );
    expect(link.data.linkEnables).toEqual({ strength: 0.75, capability: { id: 'cap:c0' } });
    const dep = await gql(
      'mutation { linkDependsOn(input: { dependantId: "tech:quantum-sensing", dependencyId: "mat:gallium", criticality: 1 }) ' +
        '{ criticality substitutability } }',
    );
    expect(dep.data.linkDependsOn).toEqual({ criticality: 1, substitutability: 0 });
    const self = await gql(
      'mutation { linkDependsOn(input: { dependantId: "tech:quantum-sensing", dependencyId: "tech:quantum-sensing", criticality: 1 }) { criticality } }',
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dependencyId' });

    const unlink = await gql('mutation { unlinkEnables(technologyId: "tech:quantum-sensing", capabilityId: "cap:c0") { removed } }');
    expect(unlink.data.unlinkEnables.removed).toBe(true);
    const again = await gql('mutation { unlinkEnables(technologyId: "tech:quantum-sensing", capabilityId: "cap:c0") { removed } }');
    expect(again.data.unlinkEnables.removed).toBe(false);

    const deleted = await gql('mutation { deleteTechnology(id: "tech:quantum-sensing") { id relationshipsRemoved } }');
    // IN_KET_AREA, SOURCED_FROM and DEPENDS_ON remain at delete time.
    expect(deleted.data.deleteTechnology).toEqual({ id: 'tech:quantum-sensing', relationshipsRemoved: 3 });
    const gone = await gql('mutation { deleteTechnology(id: "tech:quantum-sensing") { id } }');
    expect(gone.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('creates and validates capabilities', async () => {
    const bad = await gql('mutation { createCapability(input: { name: "X", domain: BORDER_MANAGEMENT }) { id } }');
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.name', message: 'must have at least 2 characters.' }]);
    // A domain outside the enum is refused by GraphQL before the other checks run, still naming the field and the choices.
    const space = await gql('mutation { createCapability(input: { name: "X", domain: "space" }) { id } }');
    expect(space.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.domain', message: 'must be one of BORDER_MANAGEMENT, LAW_ENFORCEMENT, DRUG_MARKETS, CRISIS_MANAGEMENT, CYBERSECURITY; got "space".' },
    ]);
    const ok = await gql('mutation { createCapability(input: { name: "Counter-drone", domain: BORDER_MANAGEMENT }) { id domain } }');
    expect(ok.data.createCapability).toEqual({ id: 'cap:counter-drone', domain: 'BORDER_MANAGEMENT' });
  });
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await readyAnswer(server.url)).body).toEqual({ status: 'ready' });
  });
});
