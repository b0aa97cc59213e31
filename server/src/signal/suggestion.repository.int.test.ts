// Against the throwaway Neo4j: the clustering corpus (newest signals first, with what they indicate and what was
// rejected for them), the technologies' texts, and a rejected suggestion remembered once with its first author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { findClusteringCorpus, findTechnologyTexts, rejectSuggestedLink } from './suggestion.repository.js';

const queries = new QueryRecorder('signal/suggestion.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (d:Entity:Technology {id: 'tech:drones', name: 'Drones', description: 'Unmanned aircraft'}),
            (b:Entity:Technology {id: 'tech:batteries', name: 'Batteries'}), (c:Entity:Capability {id: 'cap:defence', name: 'Defence'})
     CREATE (s1:Entity:Signal {id: 'sig:1', name: 'Drone swarms tested', publishedAt: '2026-01-10'})
     CREATE (s2:Entity:Signal {id: 'sig:2', name: 'Battery recycling law', publishedAt: '2026-01-12'})
     CREATE (:Entity:Signal {id: 'sig:3', name: 'Old news', publishedAt: '2025-06-01'})
     CREATE (s1)-[:INDICATES]->(d), (s1)-[:INDICATES]->(c), (s2)-[:INDICATES]->(b)`,
  );
});
afterAll(closeTestDatabase);

describe('suggested links', () => {
  it('read the newest signals with the technologies and everything they indicate', async () => {
    const corpus = await findClusteringCorpus(db, 2);
    expect(corpus.map((c) => [c.signal.id, c.signal.kind, c.technologyIds, [...c.linkedIds].sort(), c.rejectedIds])).toEqual([
      ['sig:2', 'Signal', ['tech:batteries'], ['tech:batteries'], []],
      ['sig:1', 'Signal', ['tech:drones'], ['cap:defence', 'tech:drones'], []],
    ]);
    expect((await findClusteringCorpus(db, 10)).map((c) => c.signal.id)).toEqual(['sig:2', 'sig:1', 'sig:3']);
  });

  it('read every technology’s name and description, by id', async () => {
    const texts = await findTechnologyTexts(db);
    expect(texts.map((t) => [t.id, t.kind, t.name, t.description ?? null])).toEqual([
      ['tech:batteries', 'Technology', 'Batteries', null],
      ['tech:drones', 'Technology', 'Drones', 'Unmanned aircraft'],
    ]);
  });

  it('remember a rejection once, keeping its first author, and show it in the corpus', async () => {
    const first = await rejectSuggestedLink(db, 'sig:3', 'tech:drones', { id: 'user:ana', name: 'Ana' });
    expect(first.by).toBe('Ana');
    expect(Number.isNaN(Date.parse(first.at))).toBe(false);
    expect(await rejectSuggestedLink(db, 'sig:3', 'tech:drones', { id: 'user:bo', name: 'Bo' })).toEqual(first);
    const [old] = (await findClusteringCorpus(db, 10)).filter((c) => c.signal.id === 'sig:3');
    expect(old!.rejectedIds).toEqual(['tech:drones']);
    expect(await db.read('MATCH ()-[r:REJECTED_SUGGESTION]->() RETURN r.byId AS byId')).toEqual([{ byId: 'user:ana' }]);
  });

  it('refuse unknown or wrong-kind ids, writing nothing', async () => {
    const ana = { id: 'user:ana', name: 'Ana' };
    await expect(rejectSuggestedLink(db, 'sig:nope', 'tech:drones', ana)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signalId' } });
    await expect(rejectSuggestedLink(db, 'sig:1', 'cap:defence', ana)).rejects.toMatchObject({ extensions: { field: 'technologyId' } });
    expect(await db.read('MATCH ()-[r:REJECTED_SUGGESTION]->() RETURN count(r) AS n')).toEqual([{ n: 1 }]);
  });

  queries.snapshotTest();
});
