// Opening the driver: one driver per process, verified with bounded retries so a Neo4j that is still
// starting (or briefly away) does not kill the app, but a wrong URI ends with a clear message.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTarget } from '../config.js';

export interface ConnectOptions {
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
  /** How long a request may wait for an unreachable Neo4j (config.dbWaitMs); see driverTimeouts. */
  waitMs?: number;
  log?: (line: string) => void;
}

export class Neo4jUnreachableError extends Error {}

export const DEFAULT_DB_WAIT_MS = 5_000;

/**
 * Driver timeouts that make a request give up on an unreachable Neo4j within about waitMs instead of the driver's 30 s.
 * The driver retries a failed transaction after ~1 s, 2 s, 4 s… (±20 %) until maxTransactionRetryTime has passed since
 * the first failure; with 40 % of waitMs, a refused connection (Neo4j stopped or restarting) fails within waitMs
 * (5 s: tries at 0, ~1 and ~3 s, answer by 3.6 s). A connection attempt that gets no answer at all (packets dropped)
 * is cut after half of waitMs; that covers only the TCP connect, so a Neo4j that accepts and then hangs (still
 * starting) can hold pooled connections: waiting for a free one is bounded by waitMs too.
 */
export function driverTimeouts(waitMs: number = DEFAULT_DB_WAIT_MS) {
  return {
    maxTransactionRetryTime: Math.round(waitMs * 0.4),
    connectionTimeout: Math.round(waitMs / 2),
    connectionAcquisitionTimeout: waitMs,
  };
}

export function createDriver(target: Neo4jTarget, waitMs?: number): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
    ...driverTimeouts(waitMs),
    // Our logs say what failed; the driver's own warnings would be noise.
    logging: { level: 'error', logger: () => {} },
  });
}

export async function connect(target: Neo4jTarget, options: ConnectOptions = {}): Promise<Driver> {
  const { timeoutMs = 60_000, log = () => {} } = options;
  const driver = createDriver(target, options.waitMs);
  const started = Date.now();
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.getServerInfo();
      return driver;
    } catch (error) {
      const message = (error as Error).message;
      const code = (error as { code?: string }).code ?? '';
      if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
        await driver.close();
        throw new Neo4jUnreachableError(`Neo4j at ${target.uri} rejected user "${target.user}": check NEO4J_USER and NEO4J_PASSWORD (${message}).`);
      }
      if (Date.now() - started + delay > timeoutMs) {
        await driver.close();
        throw new Neo4jUnreachableError(
          `Neo4j is not reachable at ${target.uri} after ${attempt} attempts over ${Math.round((Date.now() - started) / 1000)} s: ${message}\n` +
            'Check that the server is running, that the URI scheme and port are right (bolt:// or neo4j:// on 7687 by default; ' +
            'neo4j+s:// for Aura), and that no firewall blocks it. Unset NEO4J_URI to let the app start its own Neo4j.',
        );
      }
      log(`Neo4j at ${target.uri} not ready (${message.split('\n')[0]}); retrying in ${delay} ms…`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
