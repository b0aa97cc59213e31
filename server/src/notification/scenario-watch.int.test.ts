// A followed saved scenario on a real Neo4j: the first check stores the baseline (no notification), a check with no
// map change raises none, a map change that moves the scenario's impact raises exactly one SCENARIO_IMPACT_CHANGED for
// each follower, and checking again raises none. Also the digest's recipients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import type { Database } from '../db/database.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { inProcessApi, type InProcessApi } from '../../../tests/support/in-process.js';
import { createUserWithToken, type TestUser } from '../../../tests/support/auth.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import { checkFollowedScenarios } from './scenario-watch.service.js';
import { digestRecipients } from './digest.repository.js';

let db: Database;
let api: InProcessApi;
let ann: TestUser;
let ben: TestUser;
const YEAR = new Date().getUTCFullYear();

async function as(user: TestUser, query: string, variables?: Record<string, unknown>) {
  const result = await api.execute(query, variables, user.user);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data;
}

beforeAll(async () => {
  db = await testDatabase();
  api = await inProcessApi(db);
  await resetDatabase(db);
  // One capability enabled by one technology alone: losing the technology costs the capability its whole score.
  await writeSeed(
    db,
    seedFixture()
      .nodes('Technology', [
        { id: 'tech:gravimetry', name: 'Gravimetry' },
        { id: 'tech:radar', name: 'Ground radar' },
      ])
      .nodes('Capability', [{ id: 'cap:tunnels', name: 'Tunnel detection', domain: 'border management' }])
      .links('ENABLES', [{ from: 'tech:gravimetry', to: 'cap:tunnels', strength: 1 }])
      .build(),
  );
  ann = await createUserWithToken(db, 'analyst', { name: 'Ann Analyst' });
  ben = await createUserWithToken(db, 'analyst', { name: 'Ben Analyst' });
});

afterAll(async () => {
  await api.stop();
  await closeTestDatabase();
});

describe('a followed saved scenario', () => {
  it('notifies its followers once when a map change moves its impact', async () => {
    const { createScenario } = await as(
      ben,
      `mutation($h: Int!) { createScenario(input: { name: "Gravimeters lost", horizon: $h,
         events: [{ type: DISRUPTION, targetId: "tech:gravimetry", fraction: 1 }] }) { id } }`,
      { h: YEAR + 2 },
    );
    await as(ann, 'mutation($id: ID!) { follow(targetId: $id) { targetId } }', { id: createScenario.id });

    // First check: the baseline is stored, nobody is told. Second, with no change: nothing.
    expect(await checkFollowedScenarios(db, YEAR)).toBe(0);
    expect(await checkFollowedScenarios(db, YEAR)).toBe(0);

    // Ground radar now enables tunnel detection too: losing gravimetry no longer costs the whole capability.
    await as(ben, 'mutation { linkEntities(input: { type: ENABLES, fromId: "tech:radar", toId: "cap:tunnels", properties: { strength: 1 } }) { type } }');
    expect(await checkFollowedScenarios(db, YEAR)).toBe(1);
    expect(await checkFollowedScenarios(db, YEAR)).toBe(0);

    const { myNotifications } = await as(ann, '{ myNotifications { kind subjectId subjectKind actorId actorName message } }');
    const impact = myNotifications.filter((n: any) => n.kind === 'SCENARIO_IMPACT_CHANGED');
    expect(impact).toHaveLength(1);
    expect(impact[0]).toMatchObject({ subjectId: createScenario.id, subjectKind: 'Scenario', actorId: null, actorName: 'Foresight Atlas' });
    expect(impact[0].message).toMatch(/^The impact of “Gravimeters lost” changed after map changes: Tunnel detection −\d\.\d\d \(was −\d\.\d\d\)\.$/);
    // Ben wrote the scenario but does not follow it: he hears nothing of it.
    const bens = await as(ben, '{ myNotifications { kind } }');
    expect(bens.myNotifications.filter((n: any) => n.kind === 'SCENARIO_IMPACT_CHANGED')).toEqual([]);
  }, 300_000);

  it('lists as digest recipients the users with notifications in the period, or the one named (even with none)', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    expect((await digestRecipients(db, since, null)).map((u) => u.name)).toEqual(['Ann Analyst']);
    expect((await digestRecipients(db, since, ben.email.toUpperCase())).map((u) => u.name)).toEqual(['Ben Analyst']);
    expect(await digestRecipients(db, new Date(Date.now() + 3600_000).toISOString(), null)).toEqual([]);
  });
});
