// Against the throwaway Neo4j, with the small seed (tech:a enables cap:x with strength 1 and depends on mat:m with
// criticality 0.75; tech:b stands apart): the loaders' batched reads of ENABLES and DEPENDS_ON, their COLLECT forms
// for look-ahead, and the legacy mutations that write through the one link path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import {
  deleteDependsOn,
  deleteEnables,
  DEPENDENCIES_OF_T,
  dependenciesFrom,
  ENABLES_OF_T,
  enablesFrom,
  findDependantsOf,
  findDependenciesOf,
  findEnablesByCapability,
  findEnablesByTechnology,
  upsertDependsOn,
  upsertEnables,
  type DependencyRow,
  type EnablesRow,
} from './mapping.repository.js';

const queries = new QueryRecorder('mapping/mapping.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const enables = (rows: EnablesRow[]) => rows.map((r) => [r.technology.id, r.capability.id, r.strength, r.rationale]);
const dependencies = (rows: DependencyRow[]) => rows.map((r) => [r.dependant.id, r.dependency.id, r.criticality, r.substitutability]);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
});
afterAll(closeTestDatabase);

describe('ENABLES', () => {
  it('writes a link through the link path and returns it', async () => {
    const row = await upsertEnables(db, { technologyId: 'tech:b', capabilityId: 'cap:x', strength: 0.5, rationale: 'One of several ways.' }, actor);
    expect(row).toMatchObject({ technology: { id: 'tech:b', kind: 'Technology' }, capability: { id: 'cap:x' }, strength: 0.5, sourceIds: [] });
  });

  it('refuses a capability that is not one, naming the field as a list item', async () => {
    const refused = await upsertEnables(db, { technologyId: 'tech:b', capabilityId: 'mat:m', strength: 1 }, actor).then(
      () => null,
      (error: GraphQLError) => error.extensions,
    );
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capabilityId[0]' });
  });

  it('reads the links by capability and by technology, strongest first', async () => {
    expect(enables(await findEnablesByCapability(db, ['cap:x']))).toEqual([
      ['tech:a', 'cap:x', 1, null],
      ['tech:b', 'cap:x', 0.5, 'One of several ways.'],
    ]);
    expect(enables(await findEnablesByTechnology(db, ['tech:b', 'tech:a']))).toEqual([
      ['tech:a', 'cap:x', 1, null],
      ['tech:b', 'cap:x', 0.5, 'One of several ways.'],
    ]);
    expect(await findEnablesByTechnology(db, ['tech:nothing'])).toEqual([]);
  });

  it('gives the same rows through ENABLES_OF_T as the loader', async () => {
    const [row] = await db.read<{ t: Record<string, unknown>; items: unknown[] }>(
      `MATCH (t:Technology {id: 'tech:b'}) RETURN properties(t) AS t, ${ENABLES_OF_T('full')} AS items`,
    );
    const technology = { ...(row!.t as { id: string; name: string }), kind: 'Technology' as const };
    expect(enablesFrom(technology, row!.items)).toEqual(await findEnablesByTechnology(db, ['tech:b']));
  });

  it('removes a link once', async () => {
    expect(await deleteEnables(db, 'tech:b', 'cap:x', actor)).toBe(true);
    expect(await deleteEnables(db, 'tech:b', 'cap:x', actor)).toBe(false);
    expect(enables(await findEnablesByCapability(db, ['cap:x']))).toEqual([['tech:a', 'cap:x', 1, null]]);
  });
});

describe('DEPENDS_ON', () => {
  it('writes a link through the link path and returns it', async () => {
    const row = await upsertDependsOn(db, { dependantId: 'tech:b', dependencyId: 'mat:m', criticality: 0.5, substitutability: 0.25 }, actor);
    expect(dependencies([row])).toEqual([['tech:b', 'mat:m', 0.5, 0.25]]);
  });

  it('reads dependencies and dependants, most critical first', async () => {
    expect(dependencies(await findDependantsOf(db, ['mat:m']))).toEqual([
      ['tech:a', 'mat:m', 0.75, 0],
      ['tech:b', 'mat:m', 0.5, 0.25],
    ]);
    expect(dependencies(await findDependenciesOf(db, ['tech:a']))).toEqual([['tech:a', 'mat:m', 0.75, 0]]);
    expect((await findDependenciesOf(db, ['tech:a']))[0]!.dependency.kind).toBe('Material');
    expect(await findDependantsOf(db, ['tech:a'])).toEqual([]);
  });

  it('gives the far end only its id and name through DEPENDENCIES_OF_T brief', async () => {
    const [row] = await db.read<{ items: unknown[] }>(`MATCH (t:Technology {id: 'tech:a'}) RETURN ${DEPENDENCIES_OF_T('brief')} AS items`);
    const [dependency] = dependenciesFrom({ id: 'tech:a', name: 'Technology A', kind: 'Technology' }, row!.items);
    expect(dependency).toEqual({
      dependant: { id: 'tech:a', name: 'Technology A', kind: 'Technology' },
      dependency: { id: 'mat:m', name: 'Material M', kind: 'Material' },
      criticality: 0.75,
      substitutability: 0,
      rationale: null,
      sourceIds: ['src:doc'],
    });
  });

  it('removes a link once', async () => {
    expect(await deleteDependsOn(db, 'tech:b', 'mat:m', actor)).toBe(true);
    expect(await deleteDependsOn(db, 'tech:b', 'mat:m', actor)).toBe(false);
    expect(dependencies(await findDependantsOf(db, ['mat:m']))).toEqual([['tech:a', 'mat:m', 0.75, 0]]);
  });

  queries.snapshotTest();
});
