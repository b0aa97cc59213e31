// A Neo4j killed with SIGKILL while 50 analysts annotate comes back by itself: the app's supervisor restarts it on the
// same data folder and port, /ready says 503 and then 200 (each answer within 1 s), the driver reconnects, and every
// acknowledged annotation exists exactly once, retried keys included. No step by hand. Then a Neo4j that can no longer
// start (a bad setting) is given up after five restarts, and /ready and the log say why.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { openDatabase, type OpenDatabase } from '../../server/src/bootstrap.js';
import { readConfig } from '../../server/src/config.js';
import { Database } from '../../server/src/db/database.js';
import { connect } from '../../server/src/db/connect.js';
import { startLocalNeo4j } from '../../server/src/neo4j/local-neo4j.js';
import { superviseNeo4j, REAL_CLOCK, type SupervisedNeo4j } from '../../server/src/neo4j/supervisor.js';
import { startSupervisedApiProcess, type ApiProcess } from './api-processes.js';
import { callerHeaders } from './support.js';
import { annotateUntilAcknowledged, COUNT_BY_TEXT, newWriterLog, sleep } from './writers.js';
import { probeReadiness } from './ready-prober.js';

const WRITERS = 50;
const EACH = 6;

describe('SIGKILL of the local Neo4j under write load', () => {
  let dir: string;
  let api: ApiProcess;
  // The test's own handle on the child's Neo4j: to make callers and count what was stored.
  let open: OpenDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-crash-'));
    // The same path as `npm start`, in its own process: no NEO4J_URI, so the API starts and supervises its own Neo4j.
    api = await startSupervisedApiProcess(dir);
    open = await openDatabase(readConfig({ ATLAS_DATA_DIR: dir }), () => {}, { reuseRunning: true });
  }, 300_000);

  afterAll(async () => {
    await open?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('restarts Neo4j, /ready goes 503 then 200 within 1 s each, and every acknowledged write is there exactly once', async () => {
    const headers = await Promise.all(Array.from({ length: WRITERS }, () => callerHeaders(open.db)));
    const log = newWriterLog();
    // Generous: on a quiet machine the restart takes seconds, but a busy one can take minutes to start a JVM.
    const deadline = Date.now() + 420_000;
    const runtimeFile = join(dir, 'neo4j-runtime.json');
    const killedPid = (JSON.parse(readFileSync(runtimeFile, 'utf8')) as { pid: number }).pid;

    // Readiness, probed every 100 ms for the whole run: every answer, with how long it took.
    const prober = probeReadiness(api.url);
    const { probes } = prober;
    // As an orchestrator does, readiness is probed from the start, before any traffic: the first probe (nothing known
    // yet, so it waits for a check of its own) meets an idle instance, not the writers' first burst.
    while (probes.length === 0) await sleep(20);
    // What the server side was doing when a request was sent, as its last /ready said.
    const serverState = () => (probes.at(-1)?.reason?.startsWith('Neo4j is restarting') ? 'restarting' : 'other');

    let killedAfter = -1;
    let killedAt = 0;
    const writers = headers.map(async (h, w) => {
      for (let i = 0; i < EACH; i++) {
        const key = `w${w}-${i}`;
        const id = await annotateUntilAcknowledged(() => api.url, h, key, `tech:t00${w % 5}`, log, deadline, serverState);
        // Half the writers "lose" the answer and send the same key again: the first result comes back, nothing new.
        if (id && i % 2 === 0) {
          const again = newWriterLog();
          expect(await annotateUntilAcknowledged(() => api.url, h, key, `tech:t00${w % 5}`, again, deadline)).toBe(id);
        }
      }
    });
    const killer = (async () => {
      while (log.acked.size < 60) await sleep(20);
      killedAfter = log.acked.size;
      killedAt = Date.now();
      process.kill(killedPid, 'SIGKILL');
    })();
    try {
      await Promise.all([...writers, killer]);
      await expect.poll(async () => (await fetch(`${api.url}/ready`)).status, { timeout: 60_000, interval: 200 }).toBe(200);
    } finally {
      await prober.stop();
    }

    const lines = api.output().split('\n');
    console.log(
      `[crash] killed after ${killedAfter} acks; ${log.acked.size} acked, ${log.retries} retries, ` +
        `${log.unavailable.length} SERVICE_UNAVAILABLE (slowest ${Math.max(0, ...log.unavailable.map((u) => u.ms))} ms), ` +
        `${probes.length} probes (slowest ${Math.max(...probes.map((p) => p.ms))} ms)`,
    );
    console.log(`[crash] supervisor: ${lines.filter((l) => /^Neo4j (exited|restarted|crashed)/.test(l)).join(' | ')}`);
    const slowest = [...log.unavailable]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 5)
      .map((u) => ({ ...u, sentAfterKillMs: (u.sentAt ?? 0) - killedAt }));
    console.log(`[crash] slowest probes: ${JSON.stringify([...probes].sort((x, y) => y.ms - x.ms).slice(0, 5))}`);
    console.log(`[crash] slowest SERVICE_UNAVAILABLE: ${JSON.stringify(slowest)}`);
    expect(log.unexpected).toEqual([]);
    expect(log.acked.size).toBe(WRITERS * EACH);

    // The supervisor did it: a new JVM on the same URI, and the runtime file follows it. A start that fails on a very
    // busy machine (e.g. by its own time limit) counts as a crash and is retried.
    expect(lines.some((l) => l.startsWith('Neo4j exited unexpectedly (signal SIGKILL); restart 1 of at most 5 in 10 minutes, in 1 s.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Neo4j restarted'))).toBe(true);
    const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { pid: number; uri: string };
    expect(runtime.pid).not.toBe(killedPid);
    expect(runtime.uri).toBe(open.target.uri);

    // /ready: 503 while Neo4j was gone, 200 again after, each answer within 1 s. It never waits on Neo4j for more than
    // 250 ms: answers come from the supervisor or the background check.
    const firstDown = probes.findIndex((p) => p.status === 503);
    expect(firstDown).toBeGreaterThanOrEqual(0);
    expect(probes.slice(firstDown).some((p) => p.status === 200)).toBe(true);
    expect(probes.filter((p) => p.ms >= 1000)).toEqual([]);

    // Failures during the outage were clean and said when to come back, and none waited past ATLAS_DB_WAIT_MS (5 s) on
    // a Neo4j that was gone: neither those sent while it was down, nor those sent in the first seconds after it came
    // back (ready-probe.ts, RECOVERY_WINDOW_MS), nor those already waiting on a busy Neo4j when it was killed (counted
    // from the kill). The test's own event loop, busy with 50 writers, adds its own delay to what it measures: up to
    // 1.5 s is allowed for that on a busy machine (5,505 ms was seen once), far below the driver's own 30 s.
    expect(log.unavailable.length).toBeGreaterThan(0);
    expect(log.unavailable.filter((u) => u.retryAfter !== '1' || u.status !== 503)).toEqual([]);
    expect(log.unavailable.some((u) => u.state === 'restarting')).toBe(true);
    const waitedOnAGoneNeo4j = (u: (typeof log.unavailable)[number]) => u.sentAt! + u.ms - Math.max(u.sentAt!, killedAt);
    expect(log.unavailable.filter((u) => waitedOnAGoneNeo4j(u) > 5_000 + 1_500)).toEqual([]);

    // Every acknowledged write exists exactly once, with its acknowledged id; nothing else was written.
    const rows = await open.db.read<{ text: string; n: number; ids: string[] }>(COUNT_BY_TEXT);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const stored = new Map(rows.map((r) => [r.text.slice('fault test '.length), r.ids[0]]));
    expect(stored).toEqual(log.acked);
  }, 540_000);
});

describe('a Neo4j that keeps crashing', () => {
  let dir: string;
  let supervisor: SupervisedNeo4j | undefined;
  let server: RunningServer | undefined;
  let db: Database | undefined;

  afterAll(async () => {
    await server?.close();
    await db?.driver.close();
    await supervisor?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('is given up after five restarts, with a clear message on /ready and in the log', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-crashloop-'));
    const password = randomBytes(12).toString('hex');
    const lines: string[] = [];
    const sleeps: number[] = [];
    let badSetting = false;
    let boltPort: number | undefined;
    supervisor = await superviseNeo4j({
      start: async () => {
        // After the first crash the page cache setting is broken, as if someone had edited it: every start fails.
        const started = await startLocalNeo4j({ dataDir: dir, password, boltPort, heapMb: 384, pageCacheMb: badSetting ? -1 : 64 });
        boltPort = started.boltPort;
        return started;
      },
      log: (line) => lines.push(line),
      // Real time, but the back-off waits are recorded instead of slept (they are checked below).
      clock: { now: REAL_CLOCK.now, sleep: async (ms) => void sleeps.push(ms) },
    });
    const first = supervisor.current();
    const driver = await connect(first, { timeoutMs: 30_000 });
    db = new Database(driver, 'neo4j');
    server = await startServer({ db, port: 0, neo4jStatus: supervisor.status });
    expect((await fetch(`${server.url}/ready`)).status).toBe(503); // no schema yet, but Neo4j answers
    badSetting = true;
    process.kill(first.pid, 'SIGKILL');

    await expect.poll(() => supervisor!.status().state, { timeout: 120_000, interval: 100 }).toBe('gave-up');
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(lines.filter((l) => l.startsWith('Neo4j exited unexpectedly'))).toHaveLength(5);
    expect(lines.some((l) => l.includes('failed to start: not a size (e.g. 256m): -1m'))).toBe(true);
    const message = lines.at(-1)!;
    expect(message).toMatch(
      /^Neo4j crashed 6 times within 10 minutes \(last: failed to start: not a size \(e\.g\. 256m\): -1m\); restarts stopped\. Read Neo4j's log in .+\/logs, fix the cause, then start the app again\.$/,
    );

    const began = Date.now();
    const ready = await fetch(`${server.url}/ready`);
    expect(Date.now() - began).toBeLessThan(1000);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: message });
  }, 180_000);
});
