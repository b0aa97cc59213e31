// Against the throwaway Neo4j: the radar's technologies with what places them, its sector and filter lists, which
// filter ids exist, technology changes since a day (Change nodes written here with fixed times), and saved editions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import {
  existingIds,
  fetchAreaSectors,
  fetchFilterChoices,
  fetchRadarTechnologies,
  findEditions,
  insertEdition,
  listEditions,
  technologyChangesSince,
} from './radar.repository.js';

const queries = new QueryRecorder('radar/radar.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const signal = (id: string, publishedAt: string) => ({
  id,
  title: id,
  url: `https://news.example.org/${id}`,
  publishedAt,
  steep: 'technological',
  status: 'new',
});

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(
    db,
    seedFixture()
      .nodes('KetArea', [
        { id: 'ket:photonics', name: 'Photonics', framework: 'KET-2018' },
        { id: 'ket:materials', name: 'Advanced materials', framework: 'KET-2018' },
        { id: 'ket:nano', name: 'Nanotechnology', framework: 'KET-2009' },
      ])
      .nodes('CriticalTechnologyArea', [{ id: 'cta:ai', name: 'Artificial intelligence' }])
      .nodes('Technology', [
        { id: 'tech:a', name: 'Alpha', description: 'First.', dualUse: true, ...{ trl: 6, trlYear: 2024, trlSource: 'src:doc', trlBasis: 'stated' } },
        { id: 'tech:b', name: 'Beta' },
      ])
      .nodes('Capability', [{ id: 'cap:x', name: 'Coast watch', domain: 'border management' }])
      .nodes('CaseStudy', [{ id: 'case:s', name: 'Smuggling by drone' }])
      .nodes('Signal', [signal('sig:1', '2026-01-10'), signal('sig:2', '2026-01-05')])
      .links('IN_KET_AREA', [{ from: 'tech:a', to: 'ket:photonics' }])
      .links('IN_CRITICAL_AREA', [{ from: 'tech:a', to: 'cta:ai' }])
      .links('ENABLES', [{ from: 'tech:a', to: 'cap:x', strength: 0.5 }])
      .links('SCANS', [{ from: 'case:s', to: 'tech:a', role: 'threat' }])
      .links('INDICATES', [
        { from: 'sig:1', to: 'tech:a' },
        { from: 'sig:2', to: 'tech:a' },
      ])
      .build(),
  );
  await db.write(`UNWIND $changes AS c CREATE (x:Change) SET x = c {.*, at: datetime(c.at)}`, {
    changes: [
      { id: 'chg:1', seq: 1, entityId: 'tech:a', entityKind: 'Technology', kind: 'UPDATE', at: '2026-01-05T23:59:59Z', fields: '[]' },
      {
        id: 'chg:2',
        seq: 2,
        entityId: 'tech:a',
        entityKind: 'Technology',
        kind: 'UPDATE',
        at: '2026-01-06T00:00:00Z',
        fields: '[{"field":"trl","before":5,"after":6}]',
      },
      { id: 'chg:3', seq: 3, entityId: 'cap:x', entityKind: 'Capability', kind: 'UPDATE', at: '2026-01-07T09:00:00Z', fields: '[]' },
      { id: 'chg:4', seq: 4, entityId: 'tech:b', entityKind: 'Technology', kind: 'CREATE', at: '2026-01-08T09:00:00Z' },
    ],
  });
});
afterAll(closeTestDatabase);

describe('radar reads', () => {
  it('gives every technology by name with its areas, capabilities, case studies and signal days', async () => {
    const [alpha, beta, ...rest] = await fetchRadarTechnologies(db);
    expect(rest).toEqual([]);
    expect({ ...alpha, signalDays: [...alpha!.signalDays].sort() }).toEqual({
      id: 'tech:a',
      name: 'Alpha',
      description: 'First.',
      horizon: null,
      trl: 6,
      dualUse: true,
      ketAreaIds: ['ket:photonics'],
      criticalAreaIds: ['cta:ai'],
      capabilities: [{ id: 'cap:x', domain: 'border management' }],
      caseStudyIds: ['case:s'],
      signalDays: ['2026-01-05', '2026-01-10'],
    });
    expect(beta).toMatchObject({ id: 'tech:b', trl: null, dualUse: null, ketAreaIds: [], capabilities: [], caseStudyIds: [], signalDays: [] });
  });

  it('lists KET areas by framework then name, and the critical areas', async () => {
    expect((await fetchAreaSectors(db, 'KET_AREA')).map((s) => [s.id, s.framework])).toEqual([
      ['ket:nano', 'KET-2009'],
      ['ket:materials', 'KET-2018'],
      ['ket:photonics', 'KET-2018'],
    ]);
    expect(await fetchAreaSectors(db, 'CRITICAL_AREA')).toEqual([{ id: 'cta:ai', name: 'Artificial intelligence', framework: null }]);
  });

  it("gives the filters' choices, each by name", async () => {
    expect(await fetchFilterChoices(db)).toEqual({
      capabilities: [{ id: 'cap:x', name: 'Coast watch', domain: 'border management' }],
      caseStudies: [{ id: 'case:s', name: 'Smuggling by drone' }],
      ketAreas: [
        { id: 'ket:materials', name: 'Advanced materials' },
        { id: 'ket:nano', name: 'Nanotechnology' },
        { id: 'ket:photonics', name: 'Photonics' },
      ],
    });
  });

  it('says which filter ids exist as the kind they name', async () => {
    expect(await existingIds(db, { capabilityId: 'cap:x', caseStudyId: 'case:s', ketAreaId: 'ket:nano' })).toEqual(new Set(['cap:x', 'case:s', 'ket:nano']));
    expect(await existingIds(db, { capabilityId: 'case:s', caseStudyId: null, ketAreaId: 'ket:nope' })).toEqual(new Set());
    expect(await existingIds(db, {})).toEqual(new Set());
  });

  it('lists changes of technologies from the start of the day on, oldest first', async () => {
    expect(await technologyChangesSince(db, '2026-01-06')).toEqual([
      { entityId: 'tech:a', kind: 'UPDATE', fields: [{ field: 'trl', before: 5, after: 6 }] },
      { entityId: 'tech:b', kind: 'CREATE', fields: [] },
    ]);
    expect(await technologyChangesSince(db, '2026-01-09')).toEqual([]);
  });
});

describe('radar editions', () => {
  const edition = (title: string) => ({
    title,
    ringRule: 'TRL_BANDS' as const,
    sectorRule: 'KET_AREA' as const,
    sizeMeasure: 'SIGNAL_MOMENTUM' as const,
    filter: { capabilityId: 'cap:x', caseStudyId: null },
    blips: [{ id: 'tech:a', name: 'Alpha', ring: 'TRL_5_6' as const, sector: 'ket:photonics' }],
  });

  it('saves editions with author and date, lists them newest first and finds them by id', async () => {
    expect(await listEditions(db, 10)).toEqual([]);
    const spring = await insertEdition(db, actor, edition('Spring 2026'));
    const summer = await insertEdition(db, actor, edition('Summer 2026'));
    expect(spring).toMatchObject({ ...edition('Spring 2026'), byId: 'user:ana', byName: 'Ana Analyst' });
    expect(spring.id).toMatch(/^radar-edition:/);
    expect(typeof spring.at).toBe('string');
    expect((await listEditions(db, 10)).map((e) => e.title)).toEqual(['Summer 2026', 'Spring 2026']);
    expect((await listEditions(db, 1)).map((e) => e.id)).toEqual([summer.id]);
    expect(await findEditions(db, [spring.id, 'radar-edition:nope'])).toEqual([spring]);
  });

  queries.snapshotTest();
});
