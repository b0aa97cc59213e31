// Whether the database can serve, known at once. A background check (started by the first /ready, then every second)
// keeps the state current, so /ready answers from memory within a second whatever Neo4j does (a probe waits for a
// check, at most timeoutMs, only when nothing recent is known); the supervisor's state
// (restarting, gave up) is answered directly. The same knowledge lets /graphql refuse at once, with 503 and
// Retry-After, while the local Neo4j is restarting or the last check found Neo4j unreachable, instead of letting
// requests wait on a Neo4j that is still starting.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Database } from '../db/database.js';
import { readiness } from '../hardening/http.js';
import { requestIdOf } from '../request/request-id.js';
import type { Neo4jStatus } from '../neo4j/supervisor.js';
import { RETRY_AFTER_SECONDS } from './retry-after.js';

export type Readiness = { ok: true } | { ok: false; reason: string };

export interface AvailabilityOptions {
  db: Database;
  /** The supervised local Neo4j's state, when this process runs one. */
  neo4jStatus?: () => Neo4jStatus;
  /** How often the background check runs once /ready has been asked (default 1000 ms). */
  intervalMs?: number;
  /** Bound on a check made while answering /ready, when no fresh state is known (default 250 ms). */
  timeoutMs?: number;
  /** The check itself (default: hardening/http.ts readiness). */
  check?: (db: Database) => Promise<Readiness>;
}

export interface Availability {
  /** For /ready: answers within timeoutMs. */
  ready(): Promise<Readiness>;
  /** Why requests should be refused right now, or null. */
  refusal(): string | null;
  /** Whether the database was seen away (refused, restarting, unreachable) at or after this time (ms since epoch). */
  seenAwaySince(time: number): boolean;
  stop(): void;
}

const UNREACHABLE = 'database unreachable';

export function availabilityMonitor(options: AvailabilityOptions): Availability {
  const { neo4jStatus, intervalMs = 1000, timeoutMs = 250, check = readiness } = options;
  // Its own handle: background checks must not show in the round trips that tests count on the main one.
  const db = new Database(options.db.driver, options.db.name);
  let known: { readiness: Readiness; at: number } | null = null;
  let inFlight: Promise<Readiness> | null = null;
  let inFlightSince = 0;
  let timer: NodeJS.Timeout | null = null;
  // When a check or the supervisor last said "away": a request that starts soon after may meet a half-started Neo4j.
  let lastAwayAt = Number.NEGATIVE_INFINITY;

  const refresh = (): Promise<Readiness> => {
    if (!inFlight) inFlightSince = Date.now();
    return (inFlight ??= check(db)
      .catch((): Readiness => ({ ok: false, reason: UNREACHABLE }))
      .then((readiness) => {
        known = { readiness, at: Date.now() };
        if (!readiness.ok && readiness.reason === UNREACHABLE) lastAwayAt = known.at;
        return readiness;
      })
      .finally(() => {
        inFlight = null;
      }));
  };

  const supervisorSays = (): Readiness | null => {
    const status = neo4jStatus?.();
    if (status?.state === 'gave-up') return { ok: false, reason: status.message };
    if (status?.state === 'restarting') return { ok: false, reason: `Neo4j is restarting (restart ${status.restart})` };
    if (status?.state === 'stopped') return { ok: false, reason: 'Neo4j is stopped' };
    return null;
  };
  const fresh = () => (known && Date.now() - known.at <= 2 * intervalMs ? known.readiness : null);
  // A busy Neo4j (50 analysts writing) can take seconds over a check. Until the check in flight is overdue, the last
  // result stands: a slow answer is not an outage, and a probe that said 503 under load would take a working
  // instance out of rotation.
  const standing = () => (known && inFlight && Date.now() - inFlightSince < 2 * intervalMs ? known.readiness : null);

  return {
    ready: async () => {
      if (!timer) {
        timer = setInterval(() => void refresh(), intervalMs);
        timer.unref();
      }
      const answer = supervisorSays() ?? fresh() ?? standing();
      if (answer) return answer;
      // A check has hung for longer than a probe may wait: that is the answer.
      if (inFlight && Date.now() - inFlightSince >= timeoutMs) return { ok: false, reason: `database did not answer within ${timeoutMs} ms` };
      let late: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          refresh(),
          new Promise<Readiness>((resolve) => {
            late = setTimeout(() => resolve({ ok: false, reason: `database did not answer within ${timeoutMs} ms` }), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(late);
      }
    },
    refusal: () => {
      const supervisor = supervisorSays();
      if (supervisor && !supervisor.ok) {
        lastAwayAt = Date.now();
        return supervisor.reason;
      }
      const state = fresh();
      return state && !state.ok && state.reason === UNREACHABLE ? UNREACHABLE : null;
    },
    seenAwaySince: (time) => lastAwayAt >= time,
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

/** A request that starts within this long after Neo4j was seen away is held to the wait bound too (see below). */
export const RECOVERY_WINDOW_MS = 30_000;

/**
 * /graphql middleware: while the database is known to be away, answer at once instead of waiting on it. Otherwise the
 * request goes on, watched: if Neo4j is seen away while it waits, or was seen away in the RECOVERY_WINDOW_MS before it
 * started, it is answered with 503 once it has waited waitMs, and whatever it still does later is not sent. The
 * second case is the first seconds after a restart: the Neo4j process accepts connections before it answers them, so
 * the driver's connection attempts hang in the Bolt handshake where none of its own timeouts apply. A request that
 * meets no outage is never cut, however long it legitimately takes (a portfolio-wide ranking at 100k entities).
 */
export function refuseWhileUnavailable(availability: Availability, waitMs: number) {
  const refuse = (req: Request, res: Response) => {
    res.status(503).setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    res.json({
      errors: [
        {
          message: 'The database is briefly unavailable; retry the request.',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, requestId: requestIdOf(req.headers['x-request-id']) ?? randomUUID() },
        },
      ],
    });
  };
  // The answer must be out by waitMs: decide a little before, so the event loop's own delay stays inside the bound.
  const decideAt = Math.max(0, waitMs - WATCH_INTERVAL_MS);
  return (req: Request, res: Response, next: NextFunction) => {
    if (availability.refusal() !== null) return refuse(req, res);
    const began = Date.now();
    let metOutage = availability.seenAwaySince(began - RECOVERY_WINDOW_MS);
    const watch = setInterval(() => {
      if (res.headersSent) return clearInterval(watch);
      if (availability.refusal() !== null) metOutage = true;
      if (Date.now() - began < decideAt || !metOutage) return;
      clearInterval(watch);
      refuse(req, res);
      // The late answer, if any, goes nowhere.
      res.status = () => res;
      res.setHeader = () => res;
      res.writeHead = () => res;
      res.write = () => true;
      res.end = () => res;
    }, WATCH_INTERVAL_MS);
    watch.unref();
    res.once('close', () => clearInterval(watch));
    next();
  };
}

/** How often a waiting request looks at the database's state. */
const WATCH_INTERVAL_MS = 250;
