// The readiness answers without a database: the supervisor's state is answered directly, a check that never comes
// back is cut by the probe's own bound, and the background state decides whether /graphql refuses at once.
import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { Database } from '../db/database.js';
import type { Neo4jStatus } from '../neo4j/supervisor.js';
import { availabilityMonitor, type Readiness } from './ready-probe.js';

const db = new Database({} as Driver, 'neo4j');

describe('availability', () => {
  it('answers the supervisor state at once, without checking the database', async () => {
    let checks = 0;
    let status: Neo4jStatus = { state: 'restarting', restart: 2, message: '…' };
    const monitor = availabilityMonitor({ db, neo4jStatus: () => status, check: async () => (checks++, { ok: true }) });
    expect(await monitor.ready()).toEqual({ ok: false, reason: 'Neo4j is restarting (restart 2)' });
    expect(monitor.refusal()).toBe('Neo4j is restarting (restart 2)');
    status = { state: 'gave-up', message: 'Neo4j crashed 6 times…' };
    expect(await monitor.ready()).toEqual({ ok: false, reason: 'Neo4j crashed 6 times…' });
    expect(checks).toBe(0);
    monitor.stop();
  });

  it('bounds a check that hangs, and shares one check between concurrent probes', async () => {
    let checks = 0;
    const monitor = availabilityMonitor({ db, timeoutMs: 20, check: () => (checks++, new Promise<Readiness>(() => {})) });
    const answers = await Promise.all([monitor.ready(), monitor.ready()]);
    expect(answers).toEqual([
      { ok: false, reason: 'database did not answer within 20 ms' },
      { ok: false, reason: 'database did not answer within 20 ms' },
    ]);
    expect(checks).toBe(1);
    expect(monitor.refusal()).toBeNull(); // nothing known yet: requests are not refused on a guess
    monitor.stop();
  });

  it('refuses requests while the last check found the database unreachable, and only then', async () => {
    let reachable = false;
    const monitor = availabilityMonitor({
      db,
      check: async () => {
        if (!reachable) throw new Error('ServiceUnavailable');
        return { ok: false, reason: 'full-text index is POPULATING' };
      },
    });
    expect(await monitor.ready()).toEqual({ ok: false, reason: 'database unreachable' });
    expect(monitor.refusal()).toBe('database unreachable');
    reachable = true;
    monitor.stop();
    const again = availabilityMonitor({ db, check: async () => ({ ok: false, reason: 'full-text index is POPULATING' }) });
    await again.ready();
    expect(again.refusal()).toBeNull(); // not ready yet, but Neo4j answers: requests go through
    again.stop();
  });
});
