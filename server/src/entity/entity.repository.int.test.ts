// Against the throwaway Neo4j: entities of any kind looked up by id (in the order asked, null for an unknown id), the
// sources each cites (newest first) and the count of every entity, sources included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { FIXTURE_SOURCE, seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import { countEntities, findEntitiesByIds, findSourcesOfEntities, toEntity } from './entity.repository.js';

const queries = new QueryRecorder('entity/entity.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  // src:doc (2024, the fixture's) and src:old (2019); tech:a cites both, cap:x only the fixture's.
  const data = seedFixture()
    .nodes('Technology', [{ id: 'tech:a', name: 'Technology A', dualUse: true, sources: ['src:old', 'src:doc'] }])
    .nodes('Capability', [{ id: 'cap:x', name: 'Capability X', domain: 'border management' }])
    .build();
  // A second document, added as is: the builder would have it cite the first.
  data.nodes
    .find((g) => g.kind === 'Source')!
    .records.push({ id: 'src:old', title: 'An older study', publisher: 'EDA', year: 2019, url: 'https://example.org/old' });
  await writeSeed(db, data);
});
afterAll(closeTestDatabase);

describe('entity repository', () => {
  it('finds entities of any kind by id, in the order asked, null for an unknown id', async () => {
    const found = await findEntitiesByIds(db, ['cap:x', 'tech:nope', 'tech:a']);
    expect(found.map((e) => e && [e.id, e.kind, e.name])).toEqual([['cap:x', 'Capability', 'Capability X'], null, ['tech:a', 'Technology', 'Technology A']]);
    expect(found[2]).toMatchObject({ dualUse: true });
    expect(await findEntitiesByIds(db, [])).toEqual([]);
  });

  it('lists the sources of each entity, newest first', async () => {
    const rows = await findSourcesOfEntities(db, ['tech:a', 'cap:x', 'tech:nope']);
    const of = (ownerId: string) => rows.filter((r) => r.ownerId === ownerId).map((r) => [r.source.id, r.source.kind, r.source.name]);
    expect(of('tech:a')).toEqual([
      [FIXTURE_SOURCE.id, 'Source', FIXTURE_SOURCE.title],
      ['src:old', 'Source', 'An older study'],
    ]);
    expect(of('cap:x')).toEqual([[FIXTURE_SOURCE.id, 'Source', FIXTURE_SOURCE.title]]);
    expect(rows).toHaveLength(3);
    expect(await findSourcesOfEntities(db, ['src:old'])).toEqual([]);
  });

  it('counts every entity, sources included', async () => {
    expect(await countEntities(db)).toBe(4);
    await db.write(`MATCH (n:Entity) DETACH DELETE n`);
    expect(await countEntities(db)).toBe(0);
  });

  it('makes a record of a row, its kind named', () => {
    expect(toEntity({ kind: 'Material', props: { id: 'mat:m', name: 'M' } })).toEqual({ id: 'mat:m', name: 'M', kind: 'Material' });
  });

  queries.snapshotTest();
});
