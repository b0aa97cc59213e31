// Against the throwaway Neo4j: a capability's lanes are its enabling technologies with their readiness facts, missing
// facts read as null, and an unknown capability is null (not an empty roadmap).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import { findCapabilityLanes } from './roadmap.repository.js';

const queries = new QueryRecorder('roadmap/roadmap.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(
    db,
    seedFixture()
      .nodes('Technology', [
        {
          id: 'tech:radar',
          name: 'Radar',
          ...{ trl: 7, trlYear: 2024, trlSource: 'src:doc', trlBasis: 'stated' },
          ...{ horizon: '2030', horizonSource: 'src:doc', horizonBasis: 'stated' },
        },
        { id: 'tech:lidar', name: 'Lidar' },
        { id: 'tech:other', name: 'Unrelated' },
      ])
      .nodes('Capability', [
        { id: 'cap:watch', name: 'Coast watch', domain: 'border management' },
        { id: 'cap:empty', name: 'Nothing enables this', domain: 'border management' },
      ])
      .links('ENABLES', [
        { from: 'tech:radar', to: 'cap:watch', strength: 0.8 },
        { from: 'tech:lidar', to: 'cap:watch', strength: 0.4 },
      ])
      .build(),
  );
});
afterAll(closeTestDatabase);

describe('findCapabilityLanes', () => {
  it('gives one lane per enabling technology, with null for the facts the map lacks', async () => {
    const found = await findCapabilityLanes(db, 'cap:watch');
    expect(found?.id).toBe('cap:watch');
    expect(found?.name).toBe('Coast watch');
    expect([...found!.lanes].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'tech:lidar', name: 'Lidar', strength: 0.4, trl: null, trlYear: null, horizon: null },
      { id: 'tech:radar', name: 'Radar', strength: 0.8, trl: 7, trlYear: 2024, horizon: '2030' },
    ]);
  });

  it('gives a capability nothing enables no lanes, and an unknown id null', async () => {
    expect(await findCapabilityLanes(db, 'cap:empty')).toEqual({ id: 'cap:empty', name: 'Nothing enables this', lanes: [] });
    expect(await findCapabilityLanes(db, 'cap:nope')).toBeNull();
    expect(await findCapabilityLanes(db, 'tech:radar')).toBeNull();
  });

  queries.snapshotTest();
});
