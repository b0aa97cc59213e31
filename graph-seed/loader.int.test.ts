import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../tests/support/db.js';
import { smallSeed } from '../tests/fixtures/small-seed.js';
import { graphSnapshot } from '../tests/support/fingerprint.js';
import { generate } from '../bench/synthetic-map.js';
import { SeedError } from './seed-data.js';
import { totals, writeSeed } from './write.js';

let db: Database;

beforeEach(async () => {
  db = await testDatabase();
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

// Entities and their outgoing relationships only: every write transaction also keeps a data-version node (db/data-version.ts).
async function graphCounts() {
  const [row] = await db.read<{ nodes: number; links: number }>(
    'MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS links',
  );
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

  it('tallies per kind and type across small batches: a new record is created, a changed link is changed', async () => {
    await writeSeed(db, smallSeed(), { batchSize: 2 });
    const data = smallSeed();
    data.links.find((g) => g.type === 'DEPENDS_ON')!.records[0]!.criticality = 0.5;
    data.links.find((g) => g.type === 'ENABLES')!.records.push({ from: 'tech:b', to: 'cap:x', strength: 0.25, sources: ['src:doc'] });
    const lines: string[] = [];
    const second = await writeSeed(db, data, { batchSize: 2, log: (line) => lines.push(line) });
    const byName = (list: { name: string; created: number; changed: number; unchanged: number }[]) =>
      Object.fromEntries(list.map((t) => [t.name, [t.created, t.changed, t.unchanged]]));
    expect(byName(second.nodes)).toEqual({
      Source: [0, 0, 1],
      Technology: [0, 0, 2],
      Capability: [0, 0, 1],
      Material: [0, 0, 1],
      Supplier: [0, 0, 1],
      Country: [0, 0, 1],
    });
    expect(byName(second.links)).toEqual({ ENABLES: [1, 0, 1], DEPENDS_ON: [0, 1, 0], SUPPLIED_BY: [0, 0, 1], LOCATED_IN: [0, 0, 1] });
    // 7 nodes and 5 links in batches of 2: progress lines for both phases.
    expect(lines).toContain('  nodes: 7/7');
    expect(lines).toContain('  links: 5/5');
    const rows = await db.read<{ type: string; from: string; to: string; value: number | null; sourceIds: string[] }>(
      `MATCH (a:Technology)-[r:ENABLES|DEPENDS_ON]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, ` +
        `coalesce(r.strength, r.criticality) AS value, r.sourceIds AS sourceIds ORDER BY type, from`,
    );
    expect(rows).toEqual([
      { type: 'DEPENDS_ON', from: 'tech:a', to: 'mat:m', value: 0.5, sourceIds: ['src:doc'] },
      { type: 'ENABLES', from: 'tech:a', to: 'cap:x', value: 1, sourceIds: ['src:doc'] },
      { type: 'ENABLES', from: 'tech:b', to: 'cap:x', value: 0.25, sourceIds: ['src:doc'] },
    ]);
    // One relationship per (type, from, to), one SOURCED_FROM per entity, each node with exactly its kind and :Entity.
    expect(await graphCounts()).toEqual({ nodes: 7, links: 11 });
    const labels = await db.read<{ id: string; labels: string[] }>('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels ORDER BY id');
    expect(labels.map((r) => [r.id, [...r.labels].sort()])).toEqual([
      ['cap:x', ['Capability', 'Entity']],
      ['country:cn', ['Country', 'Entity']],
      ['mat:m', ['Entity', 'Material']],
      ['src:doc', ['Entity', 'Source']],
      ['sup:s', ['Entity', 'Supplier']],
      ['tech:a', ['Entity', 'Technology']],
      ['tech:b', ['Entity', 'Technology']],
    ]);
    const [marker] = await db.read<{ n: number }>(
      'MATCH (n) WHERE n.__created IS NOT NULL RETURN count(n) + COUNT { ()-[r]->() WHERE r.__created IS NOT NULL } AS n',
    );
    expect(marker!.n).toBe(0);
  });

  it('writes nothing when any record is invalid', async () => {
    const data = smallSeed();
    data.links.find((g) => g.type === 'ENABLES')!.records.push({ from: 'tech:b', to: 'cap:nope', strength: 1, sources: ['src:doc'] });
    await expect(writeSeed(db, data)).rejects.toBeInstanceOf(SeedError);
    expect(await graphCounts()).toEqual({ nodes: 0, links: 0 });
  });

  it('writes the same graph into an empty map (create only) as into a map that already holds an entity (merge)', async () => {
    // Every kind and link type, hubs included: the synthetic map of the benchmarks at its smallest.
    const data = generate({ technologies: 60, seed: 7 }).data;
    const lines: string[] = [];
    await writeSeed(db, data, { log: (line) => lines.push(line) });
    expect(lines.some((l) => l.includes('the map is empty'))).toBe(true);
    const created = await graphSnapshot(db, { ignoreProperties: ['createdAt'] });

    await resetDatabase(db);
    await db.write("CREATE (:Entity:Placeholder {id: 'placeholder:x'})");
    const merged: string[] = [];
    await writeSeed(db, data, { log: (line) => merged.push(line) });
    expect(merged.some((l) => l.includes('the map is empty'))).toBe(false);
    const viaMerge = await graphSnapshot(db, { ignoreProperties: ['createdAt'], ignoreLabels: ['Placeholder'] });
    expect(viaMerge.nodes.length).toBeGreaterThan(150);
    expect(viaMerge.nodes).toEqual(created.nodes);
    expect(viaMerge.relationships).toEqual(created.relationships);
    const [{ undated }] = await db.read<{ undated: number }>('MATCH (n:Entity) WHERE n.createdAt IS NULL AND NOT n:Placeholder RETURN count(n) AS undated');
    expect(undated).toBe(0);
  });
});
