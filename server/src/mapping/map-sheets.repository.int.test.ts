// Against the throwaway Neo4j, with the small seed (tech:a enables cap:x and depends on mat:m, supplied by sup:s in
// China; tech:b stands apart; all cite src:doc) and mat:alt, an unsourced substitute for mat:m: the map in
// spreadsheet row shape, whole or one capability's part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { readMap } from './map-sheets.repository.js';

const queries = new QueryRecorder('mapping/map-sheets.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
  await db.write(`MATCH (m:Material {id: 'mat:m'}) CREATE (:Entity:Material {id: 'mat:alt', name: 'Alternative'})-[:SUBSTITUTES {sourceIds: []}]->(m)`);
});
afterAll(closeTestDatabase);

describe('readMap', () => {
  it('reads every entity and link of the map in row shape, by id and by type', async () => {
    const map = await readMap(db);
    expect([...map.entities.keys()]).toEqual(['cap:x', 'country:cn', 'mat:alt', 'mat:m', 'src:doc', 'sup:s', 'tech:a', 'tech:b']);
    expect(map.entities.get('tech:a')).toEqual({
      kind: 'Technology',
      values: {
        name: 'Technology A',
        description: null,
        aliases: null,
        trl: 6,
        trlYear: 2023,
        horizon: null,
        euPosition: null,
        dualUse: null,
        sources: ['src:doc'],
      },
    });
    expect(map.entities.get('mat:alt')?.values).toMatchObject({ name: 'Alternative', sources: null });
    expect([...map.links.keys()]).toEqual([
      'DEPENDS_ON|tech:a|mat:m',
      'ENABLES|tech:a|cap:x',
      'LOCATED_IN|sup:s|country:cn',
      'SUBSTITUTES|mat:alt|mat:m',
      'SUPPLIED_BY|mat:m|sup:s',
    ]);
    expect(map.links.get('SUPPLIED_BY|mat:m|sup:s')).toEqual({ share: 0.9, year: 2022, basis: null, sources: ['src:doc'] });
    expect(map.links.get('SUBSTITUTES|mat:alt|mat:m')).toEqual({ rationale: null, sources: null });
  });

  it("reads a capability's part: its chain down to countries, substitutes and the sources they cite", async () => {
    const map = await readMap(db, 'cap:x');
    // tech:b enables nothing: it is not part of cap:x.
    expect([...map.entities.keys()]).toEqual(['cap:x', 'country:cn', 'mat:alt', 'mat:m', 'src:doc', 'sup:s', 'tech:a']);
    expect(map.links.size).toBe(5);
  });

  it('refuses a capability that does not exist, naming capabilityId', async () => {
    const refused = await readMap(db, 'cap:nothing').then(
      () => null,
      (error: GraphQLError) => error.extensions,
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND', field: 'capabilityId' });
  });

  queries.snapshotTest();
});
