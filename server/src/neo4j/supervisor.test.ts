// The restart policy with no JVM and no waiting: fake Neo4j instances that "crash" when the test says so, and a clock
// whose sleeps the test sees (and that resolve at once).
import { describe, expect, it } from 'vitest';
import type { ExitInfo, LocalNeo4j } from './local-neo4j.js';
import { DEFAULT_RESTART_POLICY, restartDelay, superviseNeo4j, type SupervisorClock } from './supervisor.js';

interface Fake extends LocalNeo4j {
  crash(exit?: ExitInfo): void;
  stopped: boolean;
}

function fakeNeo4j(pid: number): Fake {
  let exit!: (info: ExitInfo) => void;
  const exited = new Promise<ExitInfo>((resolve) => (exit = resolve));
  const fake: Fake = {
    uri: 'bolt://127.0.0.1:7999',
    user: 'neo4j',
    password: 'pw',
    pid,
    dataDir: '/tmp/fake-neo4j',
    boltPort: 7999,
    exited,
    stopped: false,
    crash: (info = { code: null, signal: 'SIGKILL' }) => exit(info),
    stop: async () => {
      fake.stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return fake;
}

/** A clock that starts at 0, records every sleep, and moves time forward by the slept amount. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  const clock: SupervisorClock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('restart delays', () => {
  it('double from 1 s and stop growing at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(n, DEFAULT_RESTART_POLICY))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});

describe('Neo4j supervisor', () => {
  it('restarts a crashed Neo4j with growing delays and logs the exit and the log tail', async () => {
    const instances: Fake[] = [];
    const lines: string[] = [];
    const { clock, sleeps, advance } = fakeClock();
    const restarted: number[] = [];
    const supervisor = await superviseNeo4j({
      start: async () => {
        instances.push(fakeNeo4j(100 + instances.length));
        return instances.at(-1)!;
      },
      log: (line) => lines.push(line),
      clock,
      logTail: (dir) => `\n(tail of ${dir})`,
      onRestarted: (n) => restarted.push(n.pid),
    });
    expect(supervisor.status()).toEqual({ state: 'running' });

    instances[0]!.crash({ code: 137, signal: null });
    await settle();
    expect(supervisor.current().pid).toBe(101);
    expect(supervisor.status()).toEqual({ state: 'running' });
    expect(lines[0]).toBe('Neo4j exited unexpectedly (exit code 137); restart 1 of at most 5 in 10 minutes, in 1 s.\n(tail of /tmp/fake-neo4j)');
    expect(lines[1]).toBe('Neo4j restarted (pid 101) at bolt://127.0.0.1:7999.');

    advance(5_000);
    instances[1]!.crash();
    await settle();
    expect(lines[2]).toMatch(/^Neo4j exited unexpectedly \(signal SIGKILL\); restart 2 of at most 5 in 10 minutes, in 2 s\./);
    expect(sleeps).toEqual([1000, 2000]);
    expect(restarted).toEqual([101, 102]);
    expect(supervisor.restarts()).toBe(2);
    await supervisor.stop();
    expect(instances[2]!.stopped).toBe(true);
  });

  it('gives up after 5 restarts within 10 minutes, says so, and starts nothing more', async () => {
    let starts = 0;
    const lines: string[] = [];
    const { clock, sleeps } = fakeClock();
    let latest: Fake | undefined;
    const supervisor = await superviseNeo4j({
      start: async () => {
        starts++;
        latest = fakeNeo4j(starts);
        return latest;
      },
      log: (line) => lines.push(line),
      clock,
    });
    // Five restarts, each followed by another crash (1+2+4+8+16 s: well within 10 minutes).
    for (let i = 0; i < 6; i++) {
      latest!.crash({ code: 3, signal: null });
      await settle();
    }
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(starts).toBe(6); // the first start and five restarts
    const status = supervisor.status();
    expect(status.state).toBe('gave-up');
    expect(lines.at(-1)).toMatch(
      /^Neo4j crashed 6 times within 10 minutes \(last: exit code 3\); restarts stopped\. Read Neo4j's log in \/tmp\/fake-neo4j\/logs/,
    );
    await supervisor.stop();
  });

  it('counts a restart that fails to start as another crash', async () => {
    let starts = 0;
    const lines: string[] = [];
    const { clock, sleeps } = fakeClock();
    const first = fakeNeo4j(1);
    const supervisor = await superviseNeo4j({
      start: async () => {
        starts++;
        if (starts === 1) return first;
        throw new Error('Neo4j failed to start: Invalid value for setting\nstack…');
      },
      log: (line) => lines.push(line),
      clock,
    });
    first.crash();
    await settle();
    expect(starts).toBe(6);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(lines[1]).toMatch(/^Neo4j exited unexpectedly \(failed to start: Neo4j failed to start: Invalid value for setting\); restart 2/);
    expect(supervisor.status()).toMatchObject({ state: 'gave-up' });
    expect((supervisor.status() as { message: string }).message).toContain('restarts stopped');
  });

  it('forgets restarts older than the window', async () => {
    let latest: Fake | undefined;
    const { clock, sleeps, advance } = fakeClock();
    const supervisor = await superviseNeo4j({
      start: async () => (latest = fakeNeo4j(1)),
      log: () => {},
      clock,
    });
    for (let i = 0; i < 8; i++) {
      latest!.crash();
      await settle();
      advance(3 * 60_000); // one crash every 3 minutes: never more than 4 in any 10 minutes
    }
    expect(supervisor.status()).toEqual({ state: 'running' });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000]);
    await supervisor.stop();
  });

  it('a clean stop is never followed by a restart, even during the back-off', async () => {
    let starts = 0;
    let latest: Fake | undefined;
    const supervisor = await superviseNeo4j({
      start: async () => {
        starts++;
        return (latest = fakeNeo4j(starts));
      },
      log: () => {},
      clock: { now: () => 0, sleep: (_ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())) },
    });
    await supervisor.stop();
    expect(latest!.stopped).toBe(true);
    await settle();
    expect(starts).toBe(1);
    expect(supervisor.status()).toEqual({ state: 'stopped' });

    // Stopped while waiting to restart after a crash.
    let starts2 = 0;
    let second: Fake | undefined;
    const supervisor2 = await superviseNeo4j({
      start: async () => {
        starts2++;
        return (second = fakeNeo4j(starts2));
      },
      log: () => {},
      clock: { now: () => 0, sleep: (_ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())) },
    });
    second!.crash();
    await settle();
    expect(supervisor2.status()).toMatchObject({ state: 'restarting', restart: 1 });
    await supervisor2.stop();
    await settle();
    expect(starts2).toBe(1);
  });
});
