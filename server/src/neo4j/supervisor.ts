// Keeps the local Neo4j running: when its JVM exits without being asked to (an out-of-memory crash, a kill -9), it is
// started again on the same data folder and Bolt port, so the API's driver reconnects by itself. Restarts back off
// (1 s, 2 s, 4 s… up to 30 s) and stop after too many in a window, because a Neo4j that always crashes needs a person.
import type { ExitInfo, LocalNeo4j } from './local-neo4j.js';

export interface RestartPolicy {
  /** Wait before the first restart; doubled for each further restart in the window. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** At most this many restarts within windowMs; one more crash and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, maxRestarts: 5, windowMs: 10 * 60_000 };

/** Time, injected so tests neither wait nor depend on the machine's speed. */
export interface SupervisorClock {
  now(): number;
  /** Resolves after ms, or at once when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const REAL_CLOCK: SupervisorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

export type Neo4jStatus =
  { state: 'running' } | { state: 'restarting'; restart: number; message: string } | { state: 'gave-up'; message: string } | { state: 'stopped' };

export interface SupervisedNeo4j {
  /** The instance now running (replaced after each restart; same URI, user and password). */
  current(): LocalNeo4j;
  status(): Neo4jStatus;
  /** Restarts made so far (tests and logs). */
  restarts(): number;
  /** A clean stop: never followed by a restart. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** Starts Neo4j on the same data folder and port each time (the first call is the initial start). */
  start: () => Promise<LocalNeo4j>;
  log: (line: string) => void;
  policy?: Partial<RestartPolicy>;
  clock?: SupervisorClock;
  /** Neo4j's own last log lines for a data folder (local-neo4j.ts neo4jLogTail); none by default. */
  logTail?: (dataDir: string) => string;
  /** Called after each successful restart (bootstrap rewrites the runtime file with the new pid). */
  onRestarted?: (neo4j: LocalNeo4j) => void;
}

/** The wait before restart number n (1-based) of the current window: 1 s, 2 s, 4 s… capped. */
export function restartDelay(n: number, policy: RestartPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, n - 1));
}

function describeExit(exit: ExitInfo): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/** Starts Neo4j (a failure of this first start is thrown: nothing ran yet) and watches it from then on. */
export async function superviseNeo4j(options: SuperviseOptions): Promise<SupervisedNeo4j> {
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  const clock = options.clock ?? REAL_CLOCK;
  const { log } = options;
  const logTail = options.logTail ?? (() => '');
  let running = await options.start();
  let status: Neo4jStatus = { state: 'running' };
  let stopping = false;
  let total = 0;
  const restartTimes: number[] = [];
  const abort = new AbortController();
  let starting: Promise<LocalNeo4j> | null = null;

  const giveUp = (why: string) => {
    const message =
      `Neo4j crashed ${restartTimes.length + 1} times within ${Math.round(policy.windowMs / 60_000)} minutes (last: ${why}); ` +
      `restarts stopped. Read Neo4j's log in ${running.dataDir}/logs, fix the cause, then start the app again.`;
    status = { state: 'gave-up', message };
    log(message);
  };

  const watch = async (instance: LocalNeo4j): Promise<void> => {
    const exit = await instance.exited;
    let why = describeExit(exit);
    for (;;) {
      if (stopping) return;
      const now = clock.now();
      while (restartTimes.length > 0 && now - restartTimes[0]! >= policy.windowMs) restartTimes.shift();
      if (restartTimes.length >= policy.maxRestarts) return giveUp(why);
      restartTimes.push(now);
      total++;
      const n = restartTimes.length;
      const delay = restartDelay(n, policy);
      const message =
        `Neo4j exited unexpectedly (${why}); restart ${n} of at most ${policy.maxRestarts} ` +
        `in ${Math.round(policy.windowMs / 60_000)} minutes, in ${delay / 1000} s.`;
      status = { state: 'restarting', restart: n, message };
      log(message + logTail(instance.dataDir));
      await clock.sleep(delay, abort.signal);
      if (stopping) return;
      try {
        starting = options.start();
        running = await starting;
        if (stopping) return; // stop() waits for this start and then stops it
        log(`Neo4j restarted (pid ${running.pid}) at ${running.uri}.`);
        status = { state: 'running' };
        options.onRestarted?.(running);
        return void watch(running);
      } catch (error) {
        if (stopping) return;
        // Started but failed (a bad setting, a corrupt store, the port taken): that counts as another crash.
        why = `failed to start: ${((error as Error).message ?? String(error)).split('\n')[0]}`;
      }
    }
  };
  void watch(running);

  let stopped: Promise<void> | null = null;
  return {
    current: () => running,
    status: () => status,
    restarts: () => total,
    stop: () => {
      stopped ??= (async () => {
        stopping = true;
        abort.abort();
        await starting?.catch(() => {});
        await running.stop();
        status = { state: 'stopped' };
      })();
      return stopped;
    },
  };
}
