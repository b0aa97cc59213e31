import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../tests/support/db.js';
import { smallSeed } from '../tests/fixtures/small-seed.js';
import { SeedError } from './seed-data.js';
import { totals, writeSeed } from './write.js';

let db: Database;

beforeEach(async () => {
  db = await testDatabase();
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

async function graphCounts() {
  const [row] = await db.read<{ nodes: number; links: number }>('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS links');
  return row!;
}

describe('seed loader on a real Neo4j', () => {
  it('writes every record, then a second run changes nothing', async () => {
    const first = await writeSeed(db, smallSeed());
    // 7 nodes (1 source + 6 entities), 4 links + 6 SOURCED_FROM.
    expect(totals(first)).toEqual({ nodes: 7, links: 4, created: 11, changed: 0 });
    expect(await graphCounts()).toEqual({ nodes: 7, links: 10 });

    const second = await writeSeed(db, smallSeed());
    expect(totals(second)).toEqual({ nodes: 7, links: 4, created: 0, changed: 0 });
    expect(await graphCounts()).toEqual({ nodes: 7, links: 10 });
    const [tech] = await db.read('MATCH (t:Technology:Entity {id: "tech:a"}) RETURN t.trl AS trl, [(t)-[:SOURCED_FROM]->(s) | s.id] AS sources');
    expect(tech).toEqual({ trl: 6, sources: ['src:doc'] });
  });

  it('reports a changed value as changed', async () => {
    await writeSeed(db, smallSeed());
    const data = smallSeed();
    data.nodes.find((g) => g.kind === 'Technology')!.records[0]!.trl = 7;
    expect(totals(await writeSeed(db, data))).toMatchObject({ created: 0, changed: 1 });
  });

  it('writes nothing when any record is invalid', async () => {
    const data = smallSeed();
    data.links.find((g) => g.type === 'ENABLES')!.records.push({ from: 'tech:b', to: 'cap:nope', strength: 1, sources: ['src:doc'] });
    await expect(writeSeed(db, data)).rejects.toBeInstanceOf(SeedError);
    expect(await graphCounts()).toEqual({ nodes: 0, links: 0 });
  });
});
