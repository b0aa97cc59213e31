// Against the throwaway Neo4j: technologies read with the links asked for (far ends in full or brief, all properties
// or some), listed by name with every filter, total and cursor, their KET and critical areas, and created, changed and
// deleted with their area links. The entity and link writes' own Cypher is recorded in their repositories' tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import { EuPosition } from '../vocabulary/vocabularies.js';
import type { TechnologyFilter } from './technology.type.js';
import {
  findAreasOfTechnologies,
  findTechnologyWithLinks,
  insertTechnology,
  listTechnologies,
  modifyTechnology,
  removeTechnology,
} from './technology.repository.js';

const queries = new QueryRecorder('technology/technology.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const stated = (field: string, value: unknown) => ({ [field]: value, [`${field}Source`]: 'src:doc', [`${field}Basis`]: 'stated' });
const listed = async (filter: TechnologyFilter) => (await listTechnologies(db, filter, 10, null)).rows.map((r) => r.technology.id);
const areas = async (ids: string[]) => (await findAreasOfTechnologies(db, ids)).map((r) => [r.technologyId, r.kind, r.props.id]);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(
    db,
    seedFixture()
      .nodes('KetArea', [
        { id: 'ket:photonics', name: 'Photonics', framework: 'KET-2018' },
        { id: 'ket:nano', name: 'Nanotechnology', framework: 'KET-2009' },
      ])
      .nodes('CriticalTechnologyArea', [{ id: 'cta:ai', name: 'Artificial intelligence' }])
      .nodes('Technology', [
        { id: 'tech:a', name: 'Technology A', dualUse: true, trlYear: 2023, ...stated('trl', 6), ...stated('euPosition', 'leader') },
        { id: 'tech:b', name: 'Technology B', trlYear: 2022, ...stated('trl', 3) },
        { id: 'tech:c', name: 'Another technology' },
      ])
      .nodes('Capability', [{ id: 'cap:x', name: 'Capability X', domain: 'border management' }])
      .nodes('Material', [{ id: 'mat:m', name: 'Material M' }])
      .links('IN_KET_AREA', [
        { from: 'tech:a', to: 'ket:photonics' },
        { from: 'tech:b', to: 'ket:nano' },
      ])
      .links('IN_CRITICAL_AREA', [{ from: 'tech:a', to: 'cta:ai' }])
      .links('ENABLES', [{ from: 'tech:a', to: 'cap:x', strength: 0.9 }])
      .links('DEPENDS_ON', [{ from: 'tech:a', to: 'mat:m', criticality: 0.75 }])
      .build(),
  );
});
afterAll(closeTestDatabase);

describe('reading technologies', () => {
  it('finds one with the links asked for, far ends in full or brief; null for an unknown id', async () => {
    const found = await findTechnologyWithLinks(db, 'tech:a', { enables: 'full', dependsOn: 'brief' });
    expect(found?.technology).toMatchObject({ id: 'tech:a', kind: 'Technology', trl: 6, euPosition: 'leader', dualUse: true });
    expect(found?.enables).toMatchObject([
      { capability: { id: 'cap:x', kind: 'Capability', domain: 'border management' }, strength: 0.9, sourceIds: ['src:doc'] },
    ]);
    // Brief: the far end's id and name only.
    expect(found?.dependsOn).toMatchObject([{ criticality: 0.75, substitutability: 0, sourceIds: ['src:doc'] }]);
    expect(found?.dependsOn?.[0]?.dependency).toEqual({ id: 'mat:m', name: 'Material M', kind: 'Material' });
    expect(await findTechnologyWithLinks(db, 'tech:nope', { enables: 'full', dependsOn: 'full' })).toBeNull();
  });

  it('fetches only the properties asked for, the others null', async () => {
    const found = await findTechnologyWithLinks(db, 'tech:a', { enables: false, dependsOn: false, props: ['trl'] });
    expect(found?.technology).toMatchObject({ id: 'tech:a', name: 'Technology A', trl: 6, euPosition: null, description: null });
    expect(found?.enables).toBeUndefined();
  });

  it('lists by name with the total, after a cursor, and without counting when not asked', async () => {
    const all = await listTechnologies(db, {}, 10, null);
    expect([all.total, all.rows.map((r) => r.technology.id)]).toEqual([3, ['tech:c', 'tech:a', 'tech:b']]);
    const after = await listTechnologies(db, {}, 10, { name: 'Technology A', id: 'tech:a' }, { enables: 'brief', dependsOn: false }, false);
    expect([after.total, after.rows.map((r) => r.technology.id), after.rows[0]?.enables]).toEqual([null, ['tech:b'], []]);
    const withLinks = await listTechnologies(db, { nameContains: 'technology a' }, 10, null, { enables: 'brief', dependsOn: 'full' });
    expect(withLinks.rows[0]?.enables?.map((e) => e.capability.id)).toEqual(['cap:x']);
    expect(withLinks.rows[0]?.dependsOn?.map((d) => d.dependency.id)).toEqual(['mat:m']);
    expect(await listTechnologies(db, { nameContains: 'quantum' }, 10, null)).toEqual({ total: 0, rows: [] });
  });

  it('filters by areas, readiness range, EU position and dual use', async () => {
    expect(await listed({ ketAreaId: 'ket:photonics' })).toEqual(['tech:a']);
    expect(await listed({ criticalAreaId: 'cta:ai' })).toEqual(['tech:a']);
    expect(await listed({ trlMin: 4 })).toEqual(['tech:a']);
    expect(await listed({ trlMax: 4 })).toEqual(['tech:b']);
    expect(await listed({ euPosition: EuPosition.LEADER })).toEqual(['tech:a']);
    expect(await listed({ dualUse: false })).toEqual(['tech:c', 'tech:b']);
  });

  it('gives the areas of each technology by area name', async () => {
    expect(await areas(['tech:a', 'tech:b', 'tech:c'])).toEqual([
      ['tech:a', 'CriticalTechnologyArea', 'cta:ai'],
      ['tech:b', 'KetArea', 'ket:nano'],
      ['tech:a', 'KetArea', 'ket:photonics'],
    ]);
  });
});

describe('writing technologies', () => {
  it('creates one with its areas and source, and refuses an area of the wrong kind', async () => {
    const created = await insertTechnology(
      db,
      { name: 'Quantum sensing', trl: 2, ketAreaIds: ['ket:photonics'], criticalAreaIds: ['cta:ai'], sourceIds: ['src:doc'] },
      actor,
    );
    expect(created).toMatchObject({ id: 'tech:quantum-sensing', kind: 'Technology', name: 'Quantum sensing', trl: 2, revision: 1 });
    expect(await areas(['tech:quantum-sensing'])).toEqual([
      ['tech:quantum-sensing', 'CriticalTechnologyArea', 'cta:ai'],
      ['tech:quantum-sensing', 'KetArea', 'ket:photonics'],
    ]);
    const refused = await insertTechnology(db, { name: 'Other', ketAreaIds: ['cta:ai'] }, actor).catch((e: GraphQLError) => e.extensions);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.ketAreaIds[0]' }] });
  });

  it('changes the given fields and replaces the KET areas given, keeping the others', async () => {
    const changed = await modifyTechnology(db, 'tech:quantum-sensing', { description: 'Atom interferometry.', ketAreaIds: ['ket:nano'] }, actor);
    expect(changed).toMatchObject({ description: 'Atom interferometry.', trl: 2, revision: 2 });
    expect(await areas(['tech:quantum-sensing'])).toEqual([
      ['tech:quantum-sensing', 'CriticalTechnologyArea', 'cta:ai'],
      ['tech:quantum-sensing', 'KetArea', 'ket:nano'],
    ]);
  });

  it('deletes one with its source and area links', async () => {
    expect(await removeTechnology(db, 'tech:quantum-sensing', actor)).toMatchObject({ id: 'tech:quantum-sensing', relationshipsRemoved: 3 });
    expect(await findTechnologyWithLinks(db, 'tech:quantum-sensing', { enables: false, dependsOn: false })).toBeNull();
  });

  queries.snapshotTest();
});
