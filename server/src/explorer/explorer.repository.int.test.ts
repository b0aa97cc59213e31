// Against the throwaway Neo4j, with the small seed (tests/fixtures/small-seed.ts): tech:a enables cap:x and depends on
// mat:m, supplied by sup:s in country:cn; tech:b stands alone. A neighbourhood walks map links only (not SOURCED_FROM),
// nearest first then by name, and says when the limit cut it short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { findNeighbourhood, MAX_DEPTH } from './explorer.repository.js';

const queries = new QueryRecorder('explorer/explorer.repository');
let db: Database;

const ids = (n: Awaited<ReturnType<typeof findNeighbourhood>>) => n?.entities.map((e) => e.id);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
});
afterAll(closeTestDatabase);

describe('findNeighbourhood', () => {
  it('at depth 1 gives the centre, its direct neighbours by name and the links between them', async () => {
    const found = await findNeighbourhood(db, 'tech:a', 1, 10);
    expect(found?.centre).toMatchObject({ id: 'tech:a', kind: 'Technology', name: 'Technology A' });
    expect(ids(found)).toEqual(['tech:a', 'cap:x', 'mat:m']);
    expect(found?.entities.map((e) => e.kind)).toEqual(['Technology', 'Capability', 'Material']);
    expect([...found!.links].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      {
        id: 'tech:a|DEPENDS_ON|mat:m',
        type: 'DEPENDS_ON',
        from: 'tech:a',
        to: 'mat:m',
        properties: { criticality: 0.75, substitutability: 0 },
        sourceIds: ['src:doc'],
      },
      { id: 'tech:a|ENABLES|cap:x', type: 'ENABLES', from: 'tech:a', to: 'cap:x', properties: { strength: 1 }, sourceIds: ['src:doc'] },
    ]);
    expect(found?.truncated).toBe(false);
  });

  it('reaches further at depths 2 and 3, nearest first', async () => {
    expect(ids(await findNeighbourhood(db, 'tech:a', 2, 10))).toEqual(['tech:a', 'cap:x', 'mat:m', 'sup:s']);
    const three = await findNeighbourhood(db, 'tech:a', MAX_DEPTH, 10);
    expect(ids(three)).toEqual(['tech:a', 'cap:x', 'mat:m', 'sup:s', 'country:cn']);
    expect(three?.links.map((l) => l.id).sort()).toEqual([
      'mat:m|SUPPLIED_BY|sup:s',
      'sup:s|LOCATED_IN|country:cn',
      'tech:a|DEPENDS_ON|mat:m',
      'tech:a|ENABLES|cap:x',
    ]);
  });

  it('keeps the nearest `limit` and says it was cut short', async () => {
    const cut = await findNeighbourhood(db, 'country:cn', 3, 2);
    expect(ids(cut)).toEqual(['country:cn', 'sup:s', 'mat:m']);
    expect(cut?.links.map((l) => l.id).sort()).toEqual(['mat:m|SUPPLIED_BY|sup:s', 'sup:s|LOCATED_IN|country:cn']);
    expect(cut?.truncated).toBe(true);
  });

  it('gives an entity without links alone, an unknown id null, and refuses a depth beyond the maximum', async () => {
    expect(await findNeighbourhood(db, 'tech:b', 1, 10)).toMatchObject({ entities: [{ id: 'tech:b' }], links: [], truncated: false });
    expect(await findNeighbourhood(db, 'tech:nope', 1, 10)).toBeNull();
    await expect(findNeighbourhood(db, 'tech:a', MAX_DEPTH + 1, 10)).rejects.toThrow(RangeError);
  });

  queries.snapshotTest();
});
