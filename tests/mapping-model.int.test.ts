// The mapping model as the API describes it (query mappingModel): every kind analysts map and every link type with its
// properties, read in process (Apollo's executeOperation) since HTTP is not the subject. The answer comes from the
// one table in server/src/mapping/mapping-model.ts, not from the graph, so the fixture is the small seed only for
// realism. The workbench mutations are tested in mapping.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import type { Database } from '../server/src/db/database.js';
import { smallSeed } from './fixtures/small-seed.js';
import { createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { inProcessApi, type InProcessApi } from './support/in-process.js';

let db: Database;
let viewer: TestUser;
let api: InProcessApi;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
  viewer = await createUserWithToken(db, 'viewer', { name: 'Vic Viewer' });
  api = await inProcessApi(db);
});
afterAll(async () => {
  await api?.stop();
  await closeTestDatabase();
});

const inProcess = (user: TestUser | null, query: string, variables?: Record<string, unknown>) => api.execute(query, variables, user?.user ?? null);

describe('mappingModel', () => {
  it('describes every kind analysts map and every link type with its properties', async () => {
    const { data, errors } = await inProcess(
      viewer,
      `{ mappingModel { commonFields { name } kinds { kind idPrefix adminOnly fields { name type required choices } }
      linkTypes { type label fromKinds toKinds properties { name type required min max } } } }`,
    );
    expect(errors).toBeUndefined();
    const model = data.mappingModel;
    expect(model.commonFields.map((f: any) => f.name)).toEqual(['name', 'description', 'aliases']);
    expect(model.kinds.map((k: any) => k.kind).sort()).toEqual([
      'Capability',
      'CaseStudy',
      'Component',
      'Country',
      'CriticalTechnologyArea',
      'KetArea',
      'Material',
      'Organisation',
      'Project',
      'Source',
      'Supplier',
      'Technology',
    ]);
    expect(
      model.kinds
        .filter((k: any) => k.adminOnly)
        .map((k: any) => k.kind)
        .sort(),
    ).toEqual(['CriticalTechnologyArea', 'KetArea']);
    expect(model.kinds.find((k: any) => k.kind === 'Country').fields).toEqual([
      { name: 'iso2', type: 'TEXT', required: true, choices: null },
      { name: 'eu', type: 'BOOLEAN', required: true, choices: null },
    ]);
    expect(model.linkTypes).toHaveLength(15);
    expect(model.linkTypes.find((l: any) => l.type === 'DEPENDS_ON')).toEqual({
      type: 'DEPENDS_ON',
      label: 'depends on',
      fromKinds: ['Technology', 'Component'],
      toKinds: ['Technology', 'Component', 'Material'],
      properties: [
        { name: 'criticality', type: 'SHARE', required: true, min: 0, max: 1 },
        { name: 'substitutability', type: 'SHARE', required: false, min: 0, max: 1 },
        { name: 'rationale', type: 'LONG_TEXT', required: false, min: null, max: 2000 },
      ],
    });
  });
});
