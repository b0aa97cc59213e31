// Against the throwaway Neo4j: a scenario is saved with its events (linked to what they target or replace) under a
// free id, listed by name, read back with events in order, changed only by its author or an admin, copied by anyone
// (who then owns the copy), and removed with everything linked to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import {
  copyScenario,
  findEventsOfScenarios,
  findSavedScenarios,
  insertScenario,
  listScenarios,
  modifyScenario,
  removeScenario,
  toEvent,
  toScenario,
} from './scenario.repository.js';
import type { ScenarioInput } from './scenario.type.js';

const queries = new QueryRecorder('scenario/scenario.repository');
let db: Database;
const ANA = { id: 'user:ana', name: 'Ana', role: 'analyst' } as const;
const BO = { id: 'user:bo', name: 'Bo', role: 'analyst' } as const;
const ROOT = { id: 'user:root', name: 'Root', role: 'admin' } as const;
const LITHIUM: ScenarioInput = {
  name: 'Lithium shortage',
  horizon: 2035,
  drivers: ['Economic', ' economic ', 'port  strikes'],
  assumptions: ['Prices double'],
  events: [
    { type: 'DISRUPTION', targetId: 'mat:lithium', fraction: 0.5, year: 2027, note: ' strike ' },
    { type: 'SUBSTITUTE', targetId: 'mat:sodium', replacesId: 'mat:lithium', fraction: 0.3 },
  ],
};
const overlay = (id: string) =>
  db.read<{ type: string; to: string }>('MATCH (:Scenario {id: $id})-[:HAS_EVENT]->(e)-[r]->(t) RETURN type(r) AS type, t.id AS to ORDER BY e.index, type', {
    id,
  });
const typesOf = async (id: string) => (await findEventsOfScenarios(db, [id])).map((e) => e.type);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:Entity:Material {id: 'mat:lithium', name: 'Lithium'}), (:Entity:Material {id: 'mat:sodium', name: 'Sodium'}),
            (:Entity:Technology {id: 'tech:lidar', name: 'Lidar'}), (:Entity:Capability {id: 'cap:defence', name: 'Defence'})`,
  );
});
afterAll(closeTestDatabase);

describe('scenarios', () => {
  it('are saved with their events under the name’s id, or the next free one', async () => {
    const saved = await insertScenario(db, LITHIUM, ANA);
    expect(saved).toMatchObject({ id: 'scn:lithium-shortage', kind: 'Scenario', name: 'Lithium shortage', horizon: 2035, author: 'Ana', authorId: 'user:ana' });
    expect([saved.drivers, saved.assumptions, saved.description]).toEqual([['economic', 'port strikes'], ['Prices double'], null]);
    expect(await findEventsOfScenarios(db, ['scn:lithium-shortage', 'scn:nope'])).toEqual([
      {
        scenarioId: 'scn:lithium-shortage',
        index: 0,
        type: 'DISRUPTION',
        targetId: 'mat:lithium',
        replacesId: null,
        fraction: 0.5,
        trl: null,
        year: 2027,
        note: 'strike',
      },
      {
        scenarioId: 'scn:lithium-shortage',
        index: 1,
        type: 'SUBSTITUTE',
        targetId: 'mat:sodium',
        replacesId: 'mat:lithium',
        fraction: 0.3,
        trl: null,
        year: null,
        note: null,
      },
    ]);
    expect(await overlay('scn:lithium-shortage')).toEqual([
      { type: 'TARGETS', to: 'mat:lithium' },
      { type: 'REPLACES', to: 'mat:lithium' },
      { type: 'TARGETS', to: 'mat:sodium' },
    ]);
    expect((await insertScenario(db, LITHIUM, BO)).id).toBe('scn:lithium-shortage-2');
    const lidar = { name: 'Lidar matures', horizon: 2040, events: [{ type: 'MATURATION' as const, targetId: 'tech:lidar', trl: 7, year: 2030 }] };
    expect(await insertScenario(db, { ...lidar, id: 'scn:a-lidar' }, BO)).toMatchObject({ id: 'scn:a-lidar', drivers: [], assumptions: [] });
  });

  it('refuse a taken id and events pointing at nothing suitable, saving nothing', async () => {
    await expect(insertScenario(db, { ...LITHIUM, id: 'scn:lithium-shortage' }, ANA)).rejects.toMatchObject({ extensions: { field: 'input.id' } });
    const bad = { ...LITHIUM, events: [{ type: 'DISRUPTION' as const, targetId: 'cap:defence', fraction: 1 }] };
    await expect(insertScenario(db, bad, ANA)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.events[0].targetId' } });
    expect((await listScenarios(db, 10, null)).total).toBe(3);
  });

  it('are listed by name then id, a page at a time', async () => {
    const page = await listScenarios(db, 2, null);
    expect([page.total, page.rows.map((s) => s.id)]).toEqual([3, ['scn:a-lidar', 'scn:lithium-shortage', 'scn:lithium-shortage-2']]);
    const next = await listScenarios(db, 2, { name: 'Lithium shortage', id: 'scn:lithium-shortage' });
    expect([next.total, next.rows.map((s) => s.id)]).toEqual([3, ['scn:lithium-shortage-2']]);
  });

  it('are read back with their events in order, null for an unknown id', async () => {
    const [lidar, unknown, lithium] = await findSavedScenarios(db, ['scn:a-lidar', 'scn:nope', 'scn:lithium-shortage']);
    expect(unknown).toBeNull();
    expect([lidar!.scenario.name, lidar!.events.map((e) => [e.type, e.trl, e.year])]).toEqual(['Lidar matures', [['MATURATION', 7, 2030]]]);
    expect(lithium!.events.map((e) => e.index)).toEqual([0, 1]);
  });

  it('are changed by their author or an admin only; new events replace the old ones', async () => {
    await expect(modifyScenario(db, 'scn:lithium-shortage', { name: 'Mine' }, BO)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', owner: 'Ana' } });
    const events = [{ type: 'DISRUPTION' as const, targetId: 'mat:sodium', fraction: 0.2 }];
    const changed = await modifyScenario(db, 'scn:lithium-shortage', { description: ' Worse ', events }, ANA);
    expect(changed).toMatchObject({ name: 'Lithium shortage', description: 'Worse', updatedBy: 'Ana' });
    expect(await overlay('scn:lithium-shortage')).toEqual([{ type: 'TARGETS', to: 'mat:sodium' }]);
    expect(await modifyScenario(db, 'scn:lithium-shortage', { horizon: 2040 }, ROOT)).toMatchObject({ horizon: 2040, updatedBy: 'Root' });
    expect(await typesOf('scn:lithium-shortage')).toEqual(['DISRUPTION']);
    await expect(modifyScenario(db, 'scn:lithium-shortage', { events: [{ type: 'THREAT', targetId: 'mat:sodium' }] }, ANA)).rejects.toMatchObject({
      extensions: { field: 'input.events[0].targetId' },
    });
    await expect(modifyScenario(db, 'scn:nope', { name: 'X' }, ROOT)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('are copied by anyone, who owns the copy, with the same events', async () => {
    const copy = await copyScenario(db, 'scn:lithium-shortage-2', null, ANA);
    expect(copy).toMatchObject({ id: 'scn:lithium-shortage-copy', name: 'Lithium shortage (copy)', author: 'Ana', authorId: 'user:ana', horizon: 2035 });
    expect(copy.updatedBy).toBeUndefined();
    expect(await overlay(copy.id)).toEqual(await overlay('scn:lithium-shortage-2'));
    expect((await copyScenario(db, 'scn:a-lidar', ' Plan B ', ANA)).id).toBe('scn:plan-b');
    await expect(copyScenario(db, 'scn:nope', null, ANA)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('are removed by their author with their events and every link, counted', async () => {
    await expect(removeScenario(db, 'scn:lithium-shortage-2', ANA)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // Two events: 2 HAS_EVENT, 2 TARGETS, 1 REPLACES.
    expect(await removeScenario(db, 'scn:lithium-shortage-2', BO)).toEqual({ id: 'scn:lithium-shortage-2', relationshipsRemoved: 5 });
    expect(await findSavedScenarios(db, ['scn:lithium-shortage-2'])).toEqual([null]);
    expect(await db.read(`MATCH (e:ScenarioEvent {scenarioId: 'scn:lithium-shortage-2'}) RETURN e`)).toEqual([]);
    await expect(removeScenario(db, 'scn:nope', ROOT)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('are turned from stored properties into records with defaults', () => {
    expect(toScenario({ id: 'scn:x', name: 'X', horizon: 2030 })).toEqual({
      id: 'scn:x',
      name: 'X',
      horizon: 2030,
      kind: 'Scenario',
      drivers: [],
      assumptions: [],
      description: null,
    });
    expect(toEvent({ scenarioId: 'scn:x', index: 0, type: 'THREAT', targetId: 'tech:lidar' })).toEqual({
      scenarioId: 'scn:x',
      index: 0,
      type: 'THREAT',
      targetId: 'tech:lidar',
      replacesId: null,
      fraction: null,
      trl: null,
      year: null,
      note: null,
    });
  });

  queries.snapshotTest();
});
