// The readiness answers without a database: the supervisor's state is answered directly, a check that never comes
// back is cut by the probe's own bound, and the background state decides whether /graphql refuses at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Request, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { Database } from '../db/database.js';
import type { Neo4jStatus } from '../neo4j/supervisor.js';
import { availabilityMonitor, refuseWhileUnavailable, RECOVERY_WINDOW_MS, type Readiness } from './ready-probe.js';

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

  it('keeps the last answer while a slow check is young, and says "did not answer" once it is overdue', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      let slow = false;
      const monitor = availabilityMonitor({
        db,
        intervalMs: 1000,
        timeoutMs: 250,
        check: () => (slow ? new Promise<Readiness>(() => {}) : Promise.resolve({ ok: true })),
      });
      expect(await monitor.ready()).toEqual({ ok: true });
      slow = true; // Neo4j is busy: the next background check (at +1 s) takes a long time
      await vi.advanceTimersByTimeAsync(2_500); // the last answer is 2.5 s old, the check in flight 1.5 s
      expect(await monitor.ready()).toEqual({ ok: true });
      await vi.advanceTimersByTimeAsync(600); // the check has now run 2.1 s: overdue
      expect(await monitor.ready()).toEqual({ ok: false, reason: 'database did not answer within 250 ms' });
      monitor.stop();
    } finally {
      vi.useRealTimers();
    }
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

describe('the wait bound on /graphql requests', () => {
  // A stand-in for Express's response: records the answer the middleware sends.
  function fakeExchange() {
    const sent: { status?: number; retryAfter?: string; code?: string } = {};
    const res = {
      headersSent: false,
      status(code: number) {
        sent.status = code;
        return res;
      },
      setHeader(name: string, value: string) {
        if (name === 'retry-after') sent.retryAfter = value;
        return res;
      },
      json(body: { errors: { extensions: { code: string } }[] }) {
        sent.code = body.errors[0]!.extensions.code;
        res.headersSent = true;
        return res;
      },
      once() {},
    };
    return { req: { headers: {} } as unknown as Request, res: res as unknown as Response, sent };
  }
  function fakeAvailability(awayNow: () => boolean, lastAway: number) {
    return {
      ready: async () => ({ ok: true }) as Readiness,
      refusal: () => (awayNow() ? 'away' : null),
      seenAwaySince: (t: number) => lastAway >= t,
      stop() {},
    };
  }

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never cuts a request that meets no outage, however long it takes', () => {
    const { req, res, sent } = fakeExchange();
    const next = vi.fn();
    refuseWhileUnavailable(
      fakeAvailability(() => false, Number.NEGATIVE_INFINITY),
      5_000,
    )(req, res, next);
    vi.advanceTimersByTime(60_000);
    expect(next).toHaveBeenCalledOnce();
    expect(sent).toEqual({});
  });

  it('answers 503 by the bound when the request started just after Neo4j came back', () => {
    const { req, res, sent } = fakeExchange();
    // Seen away 10 s ago (inside the 30 s recovery window), available now: the request goes on, watched.
    refuseWhileUnavailable(
      fakeAvailability(() => false, 1_000_000 - 10_000),
      5_000,
    )(req, res, vi.fn());
    vi.advanceTimersByTime(4_500);
    expect(sent).toEqual({});
    vi.advanceTimersByTime(250); // 4.75 s: decided with the event loop's delay still inside the 5 s bound
    expect(sent).toEqual({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
  });

  it('does not hold a request to the bound for an outage older than the recovery window', () => {
    const { req, res, sent } = fakeExchange();
    refuseWhileUnavailable(
      fakeAvailability(() => false, 1_000_000 - RECOVERY_WINDOW_MS - 1),
      5_000,
    )(req, res, vi.fn());
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual({});
  });

  it('answers 503 by the bound when Neo4j goes away while the request waits, even if it is back before the bound', () => {
    const { req, res, sent } = fakeExchange();
    let away = false;
    refuseWhileUnavailable(
      fakeAvailability(() => away, Number.NEGATIVE_INFINITY),
      5_000,
    )(req, res, vi.fn());
    vi.advanceTimersByTime(1_000);
    away = true;
    vi.advanceTimersByTime(500);
    away = false;
    vi.advanceTimersByTime(3_250); // 4.75 s
    expect(sent).toEqual({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
  });

  it('refuses at once while Neo4j is known to be away', () => {
    const { req, res, sent } = fakeExchange();
    const next = vi.fn();
    refuseWhileUnavailable(
      fakeAvailability(() => true, 1_000_000),
      5_000,
    )(req, res, next);
    expect(next).not.toHaveBeenCalled();
    expect(sent.status).toBe(503);
  });
});

describe('seenAwaySince', () => {
  it('remembers when the supervisor last said Neo4j was away', () => {
    let status: Neo4jStatus = { state: 'restarting', restart: 1, message: '…' };
    const monitor = availabilityMonitor({ db, neo4jStatus: () => status, check: async () => ({ ok: true }) });
    const before = Date.now();
    expect(monitor.seenAwaySince(before)).toBe(false);
    monitor.refusal();
    status = { state: 'running' };
    expect(monitor.refusal()).toBeNull();
    expect(monitor.seenAwaySince(before)).toBe(true);
    expect(monitor.seenAwaySince(Date.now() + 1)).toBe(false);
    monitor.stop();
  });
});
