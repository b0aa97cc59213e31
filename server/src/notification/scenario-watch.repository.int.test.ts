// Against the throwaway Neo4j: the followers of saved scenarios with what each last heard of its impact, and the
// compare-and-set that stores a new summary (and notifies) only over the summary the caller read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { findScenarioFollows, recordScenarioImpact } from './scenario-watch.repository.js';

const queries = new QueryRecorder('notification/scenario-watch.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (ana:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana'})
     CREATE (ben:${AUTH_LABELS.USER} {id: 'user:ben', name: 'Ben', status: 'active'})
     CREATE (gone:${AUTH_LABELS.USER} {id: 'user:gone', name: 'Gone', status: 'deleted'})
     CREATE (s1:${ENTITY_LABEL}:Scenario {id: 'scn:1', name: 'Strait blockade'})
     CREATE (s2:${ENTITY_LABEL}:Scenario {id: 'scn:2'})
     CREATE (t:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (ana)-[:${WATCH_LINKS.FOLLOWS}]->(s1)
     CREATE (ben)-[:${WATCH_LINKS.FOLLOWS} {impactSummary: '{"hit":1}'}]->(s1)
     CREATE (ben)-[:${WATCH_LINKS.FOLLOWS}]->(s2)
     CREATE (ben)-[:${WATCH_LINKS.FOLLOWS}]->(t)
     CREATE (gone)-[:${WATCH_LINKS.FOLLOWS}]->(s1)`,
  );
});
afterAll(closeTestDatabase);

const notificationsOf = (userId: string) =>
  db.read(
    `MATCH (n:${NOTIFICATION_LABEL})-[:${WATCH_LINKS.FOR}]->(:${AUTH_LABELS.USER} {id: $userId})
     RETURN n.kind AS kind, n.subjectId AS subjectId, n.subjectKind AS subjectKind, n.subjectName AS subjectName,
            n.actorId AS actorId, n.actorName AS actorName, n.message AS message`,
    { userId },
  );

describe('saved-scenario watch', () => {
  it('lists the scenario follows of live users, by scenario then user', async () => {
    expect(await findScenarioFollows(db)).toEqual([
      { scenarioId: 'scn:1', scenarioName: 'Strait blockade', userId: 'user:ana', summary: null },
      { scenarioId: 'scn:1', scenarioName: 'Strait blockade', userId: 'user:ben', summary: '{"hit":1}' },
      { scenarioId: 'scn:2', scenarioName: 'scn:2', userId: 'user:ben', summary: null },
    ]);
  });

  it('stores a first summary without a notification, and refuses a stale expected summary', async () => {
    const [anaFollow] = await findScenarioFollows(db);
    expect(await recordScenarioImpact(db, anaFollow!, '{"hit":2}', null)).toBe(false);
    expect(await recordScenarioImpact(db, anaFollow!, '{"hit":3}', 'Impact changed')).toBe(false);
    expect((await findScenarioFollows(db))[0]!.summary).toBe('{"hit":2}');
    expect(await notificationsOf('user:ana')).toEqual([]);
  });

  it('stores a changed summary and notifies the follower in the Atlas name', async () => {
    const benFollow = (await findScenarioFollows(db))[1]!;
    expect(await recordScenarioImpact(db, benFollow, '{"hit":4}', 'The impact of “Strait blockade” changed.')).toBe(true);
    expect((await findScenarioFollows(db))[1]!.summary).toBe('{"hit":4}');
    expect(await notificationsOf('user:ben')).toEqual([
      {
        kind: 'SCENARIO_IMPACT_CHANGED',
        subjectId: 'scn:1',
        subjectKind: 'Scenario',
        subjectName: 'Strait blockade',
        actorId: null,
        actorName: 'Foresight Atlas',
        message: 'The impact of “Strait blockade” changed.',
      },
    ]);
    expect(await recordScenarioImpact(db, benFollow, '{"hit":5}', 'again')).toBe(false);
  });

  queries.snapshotTest();
});
