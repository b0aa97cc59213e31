// Against the throwaway Neo4j and its full-text index (made by applySchema, awaited before the fixture is read): hits
// counted per kind, and one page ranked exact match first, then score, then the kind order, name and id. Four
// entities share the name "Radar mast", so they score alike and the tie-breaks alone order them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { countHitsByKind, findHitPage } from './search.repository.js';

const queries = new QueryRecorder('explorer/search.repository');
let db: Database;

const page = async (query: string, exact: string, kinds: EntityKind[] | null, skip: number, limit: number) =>
  (await findHitPage(db, query, exact, kinds, skip, limit)).map((r) => [r.entity.id, r.exact]);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.schema('CALL db.awaitIndexes(120)');
  await writeSeed(
    db,
    seedFixture()
      .nodes('Technology', [
        { id: 'tech:radar', name: 'Radar' },
        { id: 'tech:mast-b', name: 'Radar mast' },
        { id: 'tech:mast-a', name: 'Radar mast' },
        { id: 'tech:uas', name: 'Uncrewed aircraft', aliases: ['Drones'] },
        { id: 'tech:lidar', name: 'Lidar' },
      ])
      .nodes('Capability', [{ id: 'cap:mast', name: 'Radar mast', domain: 'border management' }])
      .nodes('Supplier', [{ id: 'sup:mast', name: 'Radar mast' }])
      .build(),
  );
});
afterAll(closeTestDatabase);

describe('search repository', () => {
  it('counts every hit per kind', async () => {
    const counts = await countHitsByKind(db, 'radar');
    expect([...counts].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'Capability', count: 1 },
      { kind: 'Supplier', count: 1 },
      { kind: 'Technology', count: 3 },
    ]);
  });

  it('ranks the exact name first, then equal scores by kind order, name and id', async () => {
    expect(await page('radar', 'radar', null, 0, 10)).toEqual([
      ['tech:radar', true],
      ['tech:mast-a', false],
      ['tech:mast-b', false],
      ['cap:mast', false],
      ['sup:mast', false],
    ]);
  });

  it('pages with skip and limit, and keeps only the kinds asked for', async () => {
    expect(await page('radar', 'radar', null, 1, 2)).toEqual([
      ['tech:mast-a', false],
      ['tech:mast-b', false],
    ]);
    expect(await page('radar', 'radar', ['Supplier', 'Capability'], 0, 10)).toEqual([
      ['cap:mast', false],
      ['sup:mast', false],
    ]);
  });

  it('counts an alias equal to the text as exact', async () => {
    const [hit, ...rest] = await findHitPage(db, 'drones', 'drones', null, 0, 10);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ entity: { id: 'tech:uas', kind: 'Technology', aliases: ['Drones'] }, exact: true });
    expect(hit!.score).toBeGreaterThan(0);
  });

  it('finds nothing for a word no entity holds', async () => {
    expect(await countHitsByKind(db, 'quantum')).toEqual([]);
    expect(await findHitPage(db, 'quantum', 'quantum', null, 0, 10)).toEqual([]);
  });

  queries.snapshotTest();
});
