// The technology radar over real HTTP against a real Neo4j: movement since a date read from the change history, saved
// editions and their comparison, and refused input that writes nothing.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let analyst: TestUser;
let newId: string;
// Ten technologies t000…t009 with TRL (i % 9) + 1 and no horizon, all in ket:photonics. By the TRL fallback:
// t000–t002 and t009 (TRL 1–3) 2040+, t003–t004 (TRL 4–5) 2035, t005–t006 (TRL 6–7) 2030, t007–t008 (TRL 8–9) now.
useSeededApi(
  () => mappingFixture(10),
  'analyst',
  (api) => {
    ({ db, server, caller: analyst } = api);
  },
);

const call = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(analyst.token));
const RADAR = `query($since: String, $filter: RadarFilter) { radar(since: $since, filter: $filter) { blips { id ring sectorId isNew movedFrom } unknownReadinessCount emptyReason } }`;
const UPDATE = 'mutation($id: ID!, $input: TechnologyUpdate!) { updateTechnology(id: $id, input: $input) { id } }';
const SAVE = 'mutation($input: RadarEditionInput!) { saveRadarEdition(input: $input) { id title byName blipCount } }';
const editionCount = async () => (await db.read<{ n: number }>('MATCH (e:RadarEdition) RETURN count(e) AS n'))[0]!.n;

describe('the radar', () => {
  it('places every technology by the TRL fallback before anything changes, none moved', async () => {
    const r = (await call(RADAR, { since: '2000-01-01' })).data.radar;
    expect(r.blips).toHaveLength(10);
    expect(Object.fromEntries(r.blips.map((b: any) => [b.id, b.ring]))).toEqual({
      'tech:t000': 'BY_2040_PLUS',
      'tech:t001': 'BY_2040_PLUS',
      'tech:t002': 'BY_2040_PLUS',
      'tech:t003': 'BY_2035',
      'tech:t004': 'BY_2035',
      'tech:t005': 'BY_2030',
      'tech:t006': 'BY_2030',
      'tech:t007': 'NOW',
      'tech:t008': 'NOW',
      'tech:t009': 'BY_2040_PLUS',
    });
    expect(r.blips.every((b: any) => b.sectorId === 'ket:photonics' && !b.isNew && b.movedFrom === null)).toBe(true);
  });

  it('shows exactly the 3 technologies whose horizon changed as moved, and a new one as new', async () => {
    await call(UPDATE, { id: 'tech:t000', input: { horizon: 'NOW' } }); // 2040+ → now
    await call(UPDATE, { id: 'tech:t003', input: { horizon: 'BY_2030' } }); // 2035 → 2030
    await call(UPDATE, { id: 'tech:t007', input: { horizon: 'BY_2040' } }); // now → 2040+
    await call(UPDATE, { id: 'tech:t001', input: { description: 'Reworded, same ring' } });
    const created = await call('mutation { createTechnology(input: { name: "Quantum gravimetry" }) { id } }');
    newId = created.data.createTechnology.id;

    const r = (await call(RADAR, { since: '2000-01-01' })).data.radar;
    const moved = r.blips.filter((b: any) => b.movedFrom !== null).map((b: any) => [b.id, b.movedFrom, b.ring]);
    expect(moved).toEqual([
      ['tech:t000', 'BY_2040_PLUS', 'NOW'],
      ['tech:t003', 'BY_2035', 'BY_2030'],
      ['tech:t007', 'NOW', 'BY_2040_PLUS'],
    ]);
    expect(r.blips.filter((b: any) => b.isNew).map((b: any) => [b.id, b.ring, b.sectorId])).toEqual([[newId, 'UNKNOWN_READINESS', 'none']]);
    expect(r.unknownReadinessCount).toBe(1);

    // Asked from a later day than every change, nothing has moved.
    const later = (await call(RADAR, { since: '2999-01-01' })).data.radar;
    expect(later.blips.filter((b: any) => b.movedFrom !== null || b.isNew)).toEqual([]);
  });

  it('saves dated editions and compares two: moved, added, removed', async () => {
    const first = (await call(SAVE, { input: { title: 'Edition one' } })).data.saveRadarEdition;
    expect(first).toMatchObject({ title: 'Edition one', byName: 'Test analyst', blipCount: 11 });
    expect(first.id).toMatch(/^radar-edition:/);
    await call(UPDATE, { id: 'tech:t008', input: { horizon: 'BY_2035' } }); // now → 2035
    const admin = await createUserWithToken(db, 'admin');
    const removed = await postGraphQL(server.url, 'mutation($id: ID!) { deleteTechnology(id: $id) { id } }', { id: newId }, authHeaders(admin.token));
    expect(removed.errors).toBeUndefined();
    const second = (await call(SAVE, { input: { title: 'Edition two' } })).data.saveRadarEdition;

    const cmp = (
      await call('query($a: ID!, $b: ID!) { compareRadarEditions(fromId: $a, toId: $b) { moved { id fromRing toRing } added { id } removed { id ring } } }', {
        a: first.id,
        b: second.id,
      })
    ).data.compareRadarEditions;
    expect(cmp).toEqual({ moved: [{ id: 'tech:t008', fromRing: 'NOW', toRing: 'BY_2035' }], added: [], removed: [{ id: newId, ring: 'UNKNOWN_READINESS' }] });
    const list = (await call('{ radarEditions { title } }')).data.radarEditions.map((e: any) => e.title);
    expect(list).toEqual(['Edition two', 'Edition one']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await editionCount();
    const empty = await call(SAVE, { input: { title: '  ' } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const unknown = await call(SAVE, { input: { title: 'Filtered', filter: { capabilityId: 'cap:nothing' } } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.filter.capabilityId' });
    expect(await editionCount()).toBe(before);
    const since = await call(RADAR, { since: '2026-02-30' });
    expect(since.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    const cmp = await call('{ compareRadarEditions(fromId: "radar-edition:x", toId: "radar-edition:y") { added { id } } }');
    expect(cmp.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'fromId' });
  });

  it('explains an empty radar', async () => {
    const r = (await call(RADAR, { filter: { caseStudyId: null, domain: 'drug markets' } })).data.radar;
    expect(r.blips).toEqual([]);
    expect(r.emptyReason).toMatch(/^No technology matches the filter/);
  });
});
