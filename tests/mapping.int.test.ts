// The mapping workbench API over HTTP on a real Neo4j: create/edit/link/delete any kind with sources, history,
// conflicts, restore, merge, deletion impact and data quality (the model itself: mapping-model.int.test.ts). Fixture: tests/fixtures/small-seed.ts —
// src:doc; tech:a (TRL 6) ENABLES cap:x and DEPENDS_ON mat:m; mat:m SUPPLIED_BY sup:s (0.9); sup:s LOCATED_IN country:cn;
// tech:b (no TRL, no links). Every seeded node and link cites src:doc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { smallSeed } from './fixtures/small-seed.js';
import { createUserWithToken, authHeaders, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { postGraphQL } from './support/graphql.js';
import { graphFingerprint } from './support/fingerprint.js';

let db: Database;
let server: RunningServer;
let ana: TestUser;
let bob: TestUser;
let admin: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
  server = await startServer({ db, port: 0, limits: { mutationBurst: 1000 } });
  ana = await createUserWithToken(db, 'analyst', { name: 'Ana Analyst' });
  bob = await createUserWithToken(db, 'analyst', { name: 'Bob Analyst' });
  admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
  viewer = await createUserWithToken(db, 'viewer', { name: 'Vic Viewer' });
});
afterAll(async () => {
  await server?.close();
  await closeTestDatabase();
});

const as = (user: TestUser | null, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(server.url, query, variables, user ? authHeaders(user.token) : {});

/** Everything in the graph, so a refused change can be shown to have written nothing (the data version included). */
const fingerprint = () => graphFingerprint(db, { keepDataVersion: true });

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id name kind revision aliases unsourced sources { id name } } }`;
const UPDATE = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id name revision aliases ... on Technology { trl horizon } } }`;
const LINK = `mutation($input: LinkInput!) { linkEntities(input: $input) { type from { id } to { id } properties unsourced sources { id } } }`;
const HISTORY =
  `query($id: ID!) { history(id: $id) { totalCount changes { id kind byName entityId linkType fromId toId comment ` +
  `revision fields { field before after } notRestored restorable } } }`;
const history = async (id: string) => (await as(ana, HISTORY, { id })).data.history;

describe('createEntity', () => {
  it('creates a component citing a new source created inline, and records both creations with their author', async () => {
    const { data, errors } = await as(ana, CREATE, {
      input: {
        kind: 'Component',
        name: 'Camera module',
        aliases: ['CCM', 'compact camera module'],
        newSources: [{ title: 'Camera module datasheet', publisher: 'ACME', year: 2024, url: 'https://example.org/cm', page: '12', accessed: '2026-11-30' }],
        comment: 'from the vendor datasheet',
      },
    });
    expect(errors).toBeUndefined();
    expect(data.createEntity).toEqual({
      id: 'comp:camera-module',
      name: 'Camera module',
      kind: 'Component',
      revision: 1,
      aliases: ['CCM', 'compact camera module'],
      unsourced: false,
      sources: [{ id: 'src:camera-module-datasheet', name: 'Camera module datasheet' }],
    });
    const h = await history('comp:camera-module');
    expect(h.totalCount).toBe(1);
    expect(h.changes[0]).toMatchObject({ kind: 'CREATE', byName: 'Ana Analyst', revision: 1, comment: 'from the vendor datasheet' });
    expect(h.changes[0].fields).toEqual([
      { field: 'aliases', before: null, after: ['CCM', 'compact camera module'] },
      { field: 'name', before: null, after: 'Camera module' },
      { field: 'sources', before: null, after: ['src:camera-module-datasheet'] },
    ]);
    const source = await as(ana, '{ entity(id: "src:camera-module-datasheet") { ... on Source { publisher year url } attributes { key value } } }');
    expect(source.data.entity).toMatchObject({ publisher: 'ACME', year: 2024, url: 'https://example.org/cm' });
    expect(source.data.entity.attributes).toEqual(
      expect.arrayContaining([
        { key: 'accessed', value: '2026-11-30' },
        { key: 'page', value: '12' },
      ]),
    );
    // A second source of the same title gets a free id.
    const again = await as(ana, CREATE, {
      input: { kind: 'Source', name: 'Camera module datasheet', attributes: { publisher: 'ACME', year: 2025, url: 'https://example.org/cm2' } },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  it('refuses bad input naming every field, and a refused change writes nothing (new sources included)', async () => {
    const before = await fingerprint();
    const bad = await as(ana, CREATE, {
      input: {
        kind: 'Technology',
        name: ' ',
        attributes: { trl: 12, colour: 'red' },
        newSources: [{ title: 'X report', publisher: 'JRC', year: 2024, url: 'not a url' }],
      },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual([
      'input.name',
      'input.attributes.colour',
      'input.attributes.trl',
      'input.newSources[0].url',
    ]);
    // Valid input that fails inside the transaction (the id is taken) after its new source was written: all rolled back.
    const taken = await as(ana, CREATE, {
      input: {
        kind: 'Component',
        name: 'Camera module',
        newSources: [{ title: 'Another datasheet', publisher: 'ACME', year: 2024, url: 'https://example.org/x' }],
      },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    const unknownSource = await as(ana, CREATE, { input: { kind: 'Material', name: 'Indium', sourceIds: ['src:nope'] } });
    expect(unknownSource.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceIds[0]' });
    const country = await as(ana, CREATE, { input: { kind: 'Country', name: 'Germany', attributes: { iso2: 'DE' } } });
    expect(country.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.attributes.eu', message: 'is required: give the eu member state.' }]);
    const signal = await as(ana, CREATE, { input: { kind: 'Signal', name: 'A news item' } });
    expect(signal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(await fingerprint()).toBe(before);
  });

  it('lets only admins create KET and critical technology areas, and no viewer or anonymous caller create anything', async () => {
    const input = { kind: 'KetArea', name: 'Advanced materials', attributes: { framework: 'KET-2018' } };
    expect((await as(ana, CREATE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(viewer, CREATE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(null, CREATE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ok = await as(admin, CREATE, { input });
    expect(ok.data.createEntity).toMatchObject({ id: 'ket:advanced-materials', unsourced: true });
  });
});

describe('updateEntity', () => {
  it('bumps the revision, records the fields before and after, and refuses a stale revision with what changed since', async () => {
    const first = await as(ana, UPDATE, { input: { id: 'tech:b', expectedRevision: 0, attributes: { trl: 4 }, aliases: ['TB'] } });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateEntity).toEqual({ id: 'tech:b', name: 'Technology B', revision: 1, aliases: ['TB'], trl: 4, horizon: null });
    // Bob opened it at revision 0 too: refused, told what Ana changed.
    const stale = await as(bob, UPDATE, { input: { id: 'tech:b', expectedRevision: 0, attributes: { trl: 5 } } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentRevision: 1,
      changes: [
        { field: 'aliases', before: null, after: ['TB'], by: 'Ana Analyst' },
        { field: 'trl', before: null, after: 4, by: 'Ana Analyst' },
      ],
    });
    expect(stale.errors?.[0]?.message).toContain('save again with expectedRevision 1');
    // Bob decides to overwrite: re-submits on the current revision.
    const overwrite = await as(bob, UPDATE, { input: { id: 'tech:b', expectedRevision: 1, attributes: { trl: 5, horizon: '2030' }, comment: 'newer source' } });
    expect(overwrite.data.updateEntity).toMatchObject({ revision: 2, trl: 5, horizon: 'BY_2030' });
    // Saving the same values again changes nothing and records nothing.
    const same = await as(bob, UPDATE, { input: { id: 'tech:b', expectedRevision: 2, attributes: { trl: 5 } } });
    expect(same.data.updateEntity.revision).toBe(2);
    const h = await history('tech:b');
    expect(h.changes.map((c: any) => [c.kind, c.byName, c.revision])).toEqual([
      ['UPDATE', 'Bob Analyst', 2],
      ['UPDATE', 'Ana Analyst', 1],
    ]);
    expect(h.changes[0].fields).toEqual([
      { field: 'horizon', before: null, after: '2030' },
      { field: 'trl', before: 4, after: 5 },
    ]);
    // Clearing an optional field with null.
    const cleared = await as(ana, UPDATE, { input: { id: 'tech:b', expectedRevision: 2, attributes: { horizon: null } } });
    expect(cleared.data.updateEntity).toMatchObject({ revision: 3, horizon: null });
    const bad = await as(ana, UPDATE, { input: { id: 'tech:b', expectedRevision: 3, name: 'X', attributes: { euPosition: 'ahead' } } });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.name', 'input.attributes.euPosition']);
    const missing = await as(ana, UPDATE, { input: { id: 'tech:nope', expectedRevision: 0, name: 'Nope' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('linkEntities', () => {
  it('links with validated properties and sources, enforces the shares of one item, kinds and fields, and records history', async () => {
    const supplier = await as(ana, CREATE, { input: { kind: 'Supplier', name: 'Optics Works', sourceIds: ['src:doc'] } });
    expect(supplier.data.createEntity.id).toBe('sup:optics-works');
    const link = await as(ana, LINK, {
      input: { type: 'SUPPLIED_BY', fromId: 'comp:camera-module', toId: 'sup:optics-works', properties: { share: 0.5, year: 2024 }, sourceIds: ['src:doc'] },
    });
    expect(link.errors).toBeUndefined();
    expect(link.data.linkEntities).toEqual({
      type: 'SUPPLIED_BY',
      from: { id: 'comp:camera-module' },
      to: { id: 'sup:optics-works' },
      properties: { share: 0.5, year: 2024 },
      unsourced: false,
      sources: [{ id: 'src:doc' }],
    });

    const before = await fingerprint();
    const over = await as(ana, LINK, { input: { type: 'SUPPLIED_BY', fromId: 'comp:camera-module', toId: 'sup:s', properties: { share: 0.6 } } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.properties.share' });
    expect(over.errors?.[0]?.message).toContain('would add up to 1.100');
    const wrongKind = await as(ana, LINK, { input: { type: 'ENABLES', fromId: 'cap:x', toId: 'tech:a', properties: { strength: 1 } } });
    expect(wrongKind.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.fromId', message: '"cap:x" is a Capability; expected Technology.' },
      { field: 'input.toId', message: '"tech:a" is a Technology; expected Capability.' },
    ]);
    const unknown = await as(ana, LINK, { input: { type: 'LOCATED_IN', fromId: 'sup:optics-works', toId: 'country:xx' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ field: 'input.toId' });
    const badProps = await as(ana, LINK, { input: { type: 'DEPENDS_ON', fromId: 'tech:a', toId: 'tech:a', properties: { criticality: 1.5, colour: 'red' } } });
    expect(badProps.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual([
      'input.toId',
      'input.properties.colour',
      'input.properties.criticality',
    ]);
    const noRole = await as(ana, LINK, { input: { type: 'SCANS', fromId: 'case:x', toId: 'tech:a' } });
    expect(noRole.errors?.[0]?.extensions?.field).toBe('input.properties.role');
    expect(await fingerprint()).toBe(before);

    // Unsourced links are allowed and said to be.
    const located = await as(ana, LINK, {
      input: {
        type: 'LOCATED_IN',
        fromId: 'sup:optics-works',
        toId: 'country:cn',
        newSources: [{ title: 'Company register', publisher: 'Registry', year: 2025, url: 'https://example.org/reg' }],
      },
    });
    expect(located.data.linkEntities).toMatchObject({ unsourced: false, sources: [{ id: 'src:company-register' }] });
    const bare = await as(ana, LINK, { input: { type: 'DEPENDS_ON', fromId: 'tech:b', toId: 'comp:camera-module', properties: { criticality: 0.5 } } });
    expect(bare.data.linkEntities).toMatchObject({ properties: { criticality: 0.5 }, unsourced: true, sources: [] });

    const h = await history('sup:optics-works');
    expect(h.changes.map((c: any) => [c.kind, c.linkType ?? null, c.fromId ?? c.entityId])).toEqual([
      ['LINK', 'LOCATED_IN', 'sup:optics-works'],
      ['LINK', 'SUPPLIED_BY', 'comp:camera-module'],
      ['CREATE', null, 'sup:optics-works'],
    ]);
    expect(h.changes[1].fields).toEqual([
      { field: 'share', before: null, after: 0.5 },
      { field: 'sources', before: null, after: ['src:doc'] },
      { field: 'year', before: null, after: 2024 },
    ]);
  });

  it('records the specific link mutations in the same history, with the same rules', async () => {
    const enables = await as(bob, 'mutation { linkEnables(input: { technologyId: "tech:b", capabilityId: "cap:x", strength: 0.5 }) { strength } }');
    expect(enables.data.linkEnables.strength).toBe(0.5);
    const over = await as(bob, 'mutation { linkSuppliedBy(input: { itemId: "mat:m", supplierId: "sup:optics-works", share: 0.2 }) { share } }');
    expect(over.errors?.[0]?.extensions).toMatchObject({ field: 'input.share' });
    const h = await history('cap:x');
    expect(h.changes[0]).toMatchObject({ kind: 'LINK', byName: 'Bob Analyst', linkType: 'ENABLES', fromId: 'tech:b', toId: 'cap:x' });
  });
});

describe('unlink, delete, impact, restore', () => {
  it('restores a removed link from history (admin only)', async () => {
    const unlink = await as(
      ana,
      'mutation { unlinkEntities(type: SUPPLIED_BY, fromId: "comp:camera-module", toId: "sup:optics-works", comment: "wrong supplier?") { removed changeId } }',
    );
    expect(unlink.data.unlinkEntities.removed).toBe(true);
    const changeId = unlink.data.unlinkEntities.changeId;
    expect((await as(ana, 'mutation($c: ID!) { restore(changeId: $c) { id } }', { c: changeId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const restored = await as(admin, 'mutation($c: ID!) { restore(changeId: $c) { id } }', { c: changeId });
    expect(restored.data.restore).toEqual({ id: 'comp:camera-module' });
    const [row] = await db.read(
      'MATCH (:Component {id: "comp:camera-module"})-[r:SUPPLIED_BY]->(:Supplier {id: "sup:optics-works"}) RETURN r.share AS share, r.sourceIds AS sourceIds',
    );
    expect(row).toEqual({ share: 0.5, sourceIds: ['src:doc'] });
    const again = await as(admin, 'mutation($c: ID!) { restore(changeId: $c) { id } }', { c: changeId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changeId' });
  });

  it('shows the impact of a deletion first, lets analysts delete only what they created, and an admin restore it with its links', async () => {
    const scenario = await as(
      ana,
      'mutation { createScenario(input: { name: "Supplier S fails", horizon: 2030, events: [{ type: DISRUPTION, targetId: "sup:s", fraction: 1 }] }) { id } }',
    );
    expect(scenario.errors).toBeUndefined();
    const IMPACT =
      'query($id: ID!) { deletionImpact(id: $id) { entity { id } links { type from { id } to { id } } scenarios { id name } ' +
      'capabilities { id } citations canDelete reason } }';
    const impact = await as(ana, IMPACT, { id: 'sup:s' });
    expect(impact.data.deletionImpact).toEqual({
      entity: { id: 'sup:s' },
      links: [
        { type: 'LOCATED_IN', from: { id: 'sup:s' }, to: { id: 'country:cn' } },
        { type: 'SUPPLIED_BY', from: { id: 'mat:m' }, to: { id: 'sup:s' } },
      ],
      scenarios: [{ id: scenario.data.createScenario.id, name: 'Supplier S fails' }],
      capabilities: [{ id: 'cap:x' }],
      citations: 0,
      canDelete: false,
      reason: 'You may delete only what you created; Supplier S was loaded with the seed. Ask an admin to delete it.',
    });
    expect((await as(admin, IMPACT, { id: 'src:doc' })).data.deletionImpact.citations).toBeGreaterThan(10);
    expect((await as(ana, 'mutation { deleteEntity(id: "sup:s") { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(bob, 'mutation { deleteEntity(id: "comp:camera-module") { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const deleted = await as(admin, 'mutation { deleteEntity(id: "sup:s", comment: "duplicate") { id relationshipsRemoved changeId } }');
    // LOCATED_IN, SUPPLIED_BY from mat:m, SOURCED_FROM src:doc, the scenario event's TARGETS.
    expect(deleted.data.deleteEntity).toMatchObject({ id: 'sup:s', relationshipsRemoved: 4 });
    expect((await as(ana, '{ entity(id: "sup:s") { id } }')).data.entity).toBeNull();
    const restored = await as(admin, 'mutation($c: ID!) { restore(changeId: $c) { id name revision unsourced } }', { c: deleted.data.deleteEntity.changeId });
    expect(restored.data.restore).toEqual({ id: 'sup:s', name: 'Supplier S', revision: 1, unsourced: false });
    const [links] = await db.read(
      `MATCH (s:Supplier {id: 'sup:s'}) RETURN COUNT { (s)-[:LOCATED_IN]->(:Country {id: 'country:cn'}) } AS located,
         [(m:Material {id: 'mat:m'})-[r:SUPPLIED_BY]->(s) | r.share] AS shares, COUNT { (:ScenarioEvent)-[:TARGETS]->(s) } AS events`,
    );
    expect(links).toEqual({ located: 1, shares: [0.9], events: 1 });
    const h = await history('sup:s');
    expect(h.changes.slice(0, 2).map((c: any) => [c.kind, c.byName, c.restorable, c.notRestored])).toEqual([
      ['RESTORE', 'Adam Admin', false, []],
      ['DELETE', 'Adam Admin', false, null],
    ]);
    // Ana deletes what she created.
    const own = await as(ana, CREATE, { input: { kind: 'Organisation', name: 'Test Lab', attributes: { acronym: 'TL', hubClusterA: false } } });
    expect((await as(ana, `mutation { deleteEntity(id: "${own.data.createEntity.id}") { relationshipsRemoved } }`)).data.deleteEntity).toEqual({
      relationshipsRemoved: 0,
    });
  });

  it('says which links could not come back when their other end is gone', async () => {
    const supplier = await as(admin, 'mutation { deleteEntity(id: "sup:optics-works") { changeId } }');
    await as(admin, 'mutation { deleteEntity(id: "comp:camera-module") { id } }');
    const restored = await as(admin, 'mutation($c: ID!) { restore(changeId: $c) { id } }', { c: supplier.data.deleteEntity.changeId });
    expect(restored.errors).toBeUndefined();
    const h = await history('sup:optics-works');
    expect(h.changes[0].kind).toBe('RESTORE');
    expect(h.changes[0].notRestored).toEqual(['SUPPLIED_BY comp:camera-module → sup:optics-works (the other end no longer exists)']);
    const [row] = await db.read("MATCH (s:Supplier {id: 'sup:optics-works'}) RETURN COUNT { (s)-[:LOCATED_IN]->() } AS located");
    expect(row!.located).toBe(1);
  });
});

describe('mergeEntities', () => {
  it('folds a duplicate into the kept entity: links re-pointed, aliases and sources merged, MERGE in history', async () => {
    await as(ana, CREATE, {
      input: {
        kind: 'Material',
        name: 'Mat M',
        aliases: ['MM'],
        newSources: [{ title: 'Other report', publisher: 'USGS', year: 2024, url: 'https://example.org/o' }],
      },
    });
    await as(ana, LINK, { input: { type: 'SUPPLIED_BY', fromId: 'mat:mat-m', toId: 'sup:optics-works', properties: { share: 0.1 } } });
    await as(ana, LINK, { input: { type: 'DEPENDS_ON', fromId: 'tech:b', toId: 'mat:mat-m', properties: { criticality: 0.25 } } });
    const wrongKind = await as(ana, 'mutation { mergeEntities(keepId: "mat:m", mergeId: "tech:b") { id } }');
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
    const merged = await as(
      ana,
      'mutation { mergeEntities(keepId: "mat:m", mergeId: "mat:mat-m", comment: "same material") { id aliases revision sources { id } } }',
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeEntities).toEqual({
      id: 'mat:m',
      aliases: ['Mat M', 'MM'],
      revision: 1,
      sources: expect.arrayContaining([{ id: 'src:doc' }, { id: 'src:other-report' }]),
    });
    expect(merged.data.mergeEntities.sources).toHaveLength(2);
    const [row] = await db.read(
      `MATCH (m:Material {id: 'mat:m'}) RETURN [(m)-[r:SUPPLIED_BY]->(s) | s.id + ':' + toString(r.share)] AS supply,
         [(t)-[:DEPENDS_ON]->(m) | t.id] AS dependants, COUNT { (:Material {id: 'mat:mat-m'}) } AS gone`,
    );
    expect({ ...row, supply: [...row!.supply].sort(), dependants: [...row!.dependants].sort() }).toEqual({
      supply: ['sup:optics-works:0.1', 'sup:s:0.9'],
      dependants: ['tech:a', 'tech:b'],
      gone: 0,
    });
    const h = await history('mat:m');
    expect(h.changes[0]).toMatchObject({ kind: 'MERGE', byName: 'Ana Analyst', comment: 'same material', revision: 1 });
    expect((await history('mat:mat-m')).changes[0].kind).toBe('MERGE');
  });
});

describe('dataQuality', () => {
  it('lists unsourced entities and links, items with unknown supply and technologies with unknown TRL', async () => {
    const { data, errors } = await as(
      viewer,
      `{ dataQuality(first: 50) {
      unsourcedEntities { total items { id kind name } } unsourcedLinks { total items { type fromId toId } }
      unknownSupply { total items { id } } unknownTrl { total items { id } } } }`,
    );
    expect(errors).toBeUndefined();
    const q = data.dataQuality;
    // ket:advanced-materials (created unsourced); the organisation was deleted; sup:optics-works cites src:doc.
    expect(q.unsourcedEntities).toEqual({ total: 1, items: [{ id: 'ket:advanced-materials', kind: 'KetArea', name: 'Advanced materials' }] });
    // tech:b ENABLES cap:x (linkEnables without sources), tech:b DEPENDS_ON mat:m (re-pointed from mat:mat-m), mat:m SUPPLIED_BY sup:optics-works.
    expect(q.unsourcedLinks.items.map((l: any) => `${l.fromId} ${l.type} ${l.toId}`).sort()).toEqual([
      'mat:m SUPPLIED_BY sup:optics-works',
      'tech:b DEPENDS_ON mat:m',
      'tech:b ENABLES cap:x',
    ]);
    expect(q.unknownSupply).toEqual({ total: 0, items: [] });
    expect(q.unknownTrl).toEqual({ total: 0, items: [] });
  });
});

describe('Entity.links and the specific mutations', () => {
  it('lists every map link of an entity with its properties, and records area and signal links in history', async () => {
    const { data, errors } = await as(viewer, '{ entity(id: "sup:s") { links { type from { id } to { id } properties unsourced } } }');
    expect(errors).toBeUndefined();
    expect(data.entity.links).toEqual([
      { type: 'LOCATED_IN', from: { id: 'sup:s' }, to: { id: 'country:cn' }, properties: {}, unsourced: false },
      { type: 'SUPPLIED_BY', from: { id: 'mat:m' }, to: { id: 'sup:s' }, properties: { share: 0.9, year: 2022 }, unsourced: false },
    ]);
    const created = await as(admin, 'mutation { createTechnology(input: { name: "Quantum sensing", ketAreaIds: ["ket:advanced-materials"] }) { id } }');
    expect(created.errors).toBeUndefined();
    const h = await history('ket:advanced-materials');
    expect(h.changes[0]).toMatchObject({ kind: 'LINK', linkType: 'IN_KET_AREA', fromId: 'tech:quantum-sensing', byName: 'Adam Admin' });
  });
});
