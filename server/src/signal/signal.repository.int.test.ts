// Against the throwaway Neo4j: the inbox list (newest first, paged by cursor, filtered by status, STEEP, target, days
// and full text), its ids and counts, and the INDICATES links read from either end. Four signals, two on one day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { SignalStatus, Steep } from '../vocabulary/vocabularies.js';
import { countSignals, findLinksOfSignals, findSignalsOfTargets, listSignalIds, listSignals } from './signal.repository.js';

const queries = new QueryRecorder('signal/signal.repository');
let db: Database;

const ids = async (...args: Parameters<typeof listSignals>) => {
  const { rows, total } = await listSignals(...args);
  return { ids: rows.map((r) => r.id), total };
};
const tally = (counts: { value: string; count: number }[]) => Object.fromEntries(counts.map((c) => [c.value, c.count]));

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (t:Entity:Technology {id: 'tech:drones', name: 'Drones'}), (c:Entity:Capability {id: 'cap:defence', name: 'Defence'})
     CREATE (s1:Entity:Signal {id: 'sig:1', name: 'Drone swarms tested', steep: 'technological', status: 'new', publishedAt: '2026-01-10'})
     CREATE (s2:Entity:Signal {id: 'sig:2', name: 'Battery recycling law', description: 'EU rules', steep: 'political', status: 'linked', publishedAt: '2026-01-12'})
     CREATE (:Entity:Signal {id: 'sig:3', name: 'Drone delivery pilot', steep: 'social', status: 'archived', publishedAt: '2026-01-05'})
     CREATE (:Entity:Signal {id: 'sig:4', name: 'Drone racing league', steep: 'social', status: 'new', publishedAt: '2026-01-10'})
     CREATE (s1)-[:INDICATES {relevance: 0.9}]->(t), (s1)-[:INDICATES {relevance: 0.4}]->(c), (s2)-[:INDICATES {relevance: 0.5}]->(t)`,
  );
  await db.schema('CALL db.awaitIndexes(120)');
});
afterAll(closeTestDatabase);

describe('signal reads', () => {
  it('list newest first, one more than a page, then on from the cursor (same day: higher id first)', async () => {
    const { rows } = await listSignals(db, {}, 2, null);
    expect(rows[0]).toMatchObject({ id: 'sig:2', kind: 'Signal', name: 'Battery recycling law', description: 'EU rules' });
    expect(await ids(db, {}, 2, null)).toEqual({ ids: ['sig:2', 'sig:4', 'sig:1'], total: 4 });
    expect(await ids(db, {}, 2, { name: '2026-01-10', id: 'sig:4' })).toEqual({ ids: ['sig:1', 'sig:3'], total: 4 });
  });

  it('list by status, STEEP category, target, days and words; punctuation alone matches nothing', async () => {
    expect(await ids(db, { status: SignalStatus.NEW }, 10, null)).toEqual({ ids: ['sig:4', 'sig:1'], total: 2 });
    expect(await ids(db, { steep: Steep.SOCIAL }, 10, null)).toEqual({ ids: ['sig:4', 'sig:3'], total: 2 });
    expect(await ids(db, { targetId: 'tech:drones' }, 10, null)).toEqual({ ids: ['sig:2', 'sig:1'], total: 2 });
    expect(await ids(db, { publishedFrom: '2026-01-06', publishedTo: '2026-01-10' }, 10, null)).toEqual({ ids: ['sig:4', 'sig:1'], total: 2 });
    expect(await ids(db, { text: 'drone', status: SignalStatus.NEW }, 10, null)).toEqual({ ids: ['sig:4', 'sig:1'], total: 2 });
    expect(await ids(db, { text: 'recycling' }, 10, null)).toEqual({ ids: ['sig:2'], total: 1 });
    expect(await ids(db, { text: '!!!' }, 10, null)).toEqual({ ids: [], total: 0 });
  });

  it('give the ids of every match', async () => {
    expect((await listSignalIds(db, {})).sort()).toEqual(['sig:1', 'sig:2', 'sig:3', 'sig:4']);
    expect(await listSignalIds(db, { targetId: 'cap:defence' })).toEqual(['sig:1']);
    expect((await listSignalIds(db, { text: 'drone' })).sort()).toEqual(['sig:1', 'sig:3', 'sig:4']);
    expect(await listSignalIds(db, { text: '!!!' })).toEqual([]);
  });

  it('count per status whatever status is chosen, and per STEEP category within it', async () => {
    const all = await countSignals(db, {});
    expect(all.total).toBe(4);
    expect(tally(all.byStatus)).toEqual({ new: 2, assessed: 0, linked: 1, archived: 1 });
    expect(tally(all.bySteep)).toEqual({ social: 2, technological: 1, economic: 0, environmental: 0, political: 1 });
    const fresh = await countSignals(db, { status: SignalStatus.NEW, text: 'drone' });
    expect(fresh.total).toBe(2);
    expect(tally(fresh.byStatus)).toEqual({ new: 2, assessed: 0, linked: 0, archived: 1 });
    expect(tally(fresh.bySteep)).toEqual({ social: 1, technological: 1, economic: 0, environmental: 0, political: 0 });
    const none = await countSignals(db, { text: '!!!' });
    expect(none.total).toBe(0);
    expect(none.byStatus.every((c) => c.count === 0)).toBe(true);
  });

  it('read what signals indicate, most relevant first', async () => {
    const links = await findLinksOfSignals(db, ['sig:1', 'sig:3', 'sig:nope']);
    expect(links.map((l) => [l.key, l.signal.id, l.target.id, l.target.kind, l.relevance])).toEqual([
      ['sig:1', 'sig:1', 'tech:drones', 'Technology', 0.9],
      ['sig:1', 'sig:1', 'cap:defence', 'Capability', 0.4],
    ]);
    expect(await findLinksOfSignals(db, [])).toEqual([]);
  });

  it('read the signals indicating each target, newest first', async () => {
    const row = (l: Awaited<ReturnType<typeof findSignalsOfTargets>>[number]) => [l.key, l.signal.id, l.signal.kind, l.target.name, l.relevance];
    expect((await findSignalsOfTargets(db, ['tech:drones', 'tech:nope'])).map(row)).toEqual([
      ['tech:drones', 'sig:2', 'Signal', 'Drones', 0.5],
      ['tech:drones', 'sig:1', 'Signal', 'Drones', 0.9],
    ]);
    expect((await findSignalsOfTargets(db, ['cap:defence'])).map(row)).toEqual([['cap:defence', 'sig:1', 'Signal', 'Defence', 0.4]]);
  });

  queries.snapshotTest();
});
