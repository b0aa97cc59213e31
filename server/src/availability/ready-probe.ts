// `/ready` answers within a second whatever Neo4j does: the supervisor's state (restarting, gave up) is answered at once,
// and the database check gets its own short timeout instead of the driver's retry window. Concurrent probes share one
// check, so a load balancer probing often while Neo4j is away does not pile up queries.
import type { Database } from '../db/database.js';
import { readiness } from '../hardening/http.js';
import type { Neo4jStatus } from '../neo4j/supervisor.js';

export type Readiness = { ok: true } | { ok: false; reason: string };

export interface ReadyProbeOptions {
  db: Database;
  /** The supervised local Neo4j's state, when this process runs one. */
  neo4jStatus?: () => Neo4jStatus;
  /** The database check's own bound (default 800 ms, leaving room within the 1 s a probe usually gets). */
  timeoutMs?: number;
  /** The check itself (default: hardening/http.ts readiness). */
  check?: (db: Database) => Promise<Readiness>;
}

export function readyProbe(options: ReadyProbeOptions): () => Promise<Readiness> {
  const { db, neo4jStatus, timeoutMs = 800, check = readiness } = options;
  let inFlight: Promise<Readiness> | null = null;
  return async () => {
    const status = neo4jStatus?.();
    if (status?.state === 'gave-up') return { ok: false, reason: status.message };
    if (status?.state === 'restarting') return { ok: false, reason: `Neo4j is restarting (restart ${status.restart})` };
    if (status?.state === 'stopped') return { ok: false, reason: 'Neo4j is stopped' };
    inFlight ??= check(db)
      .catch((): Readiness => ({ ok: false, reason: 'database unreachable' }))
      .finally(() => {
        inFlight = null;
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `database did not answer within ${timeoutMs} ms` }), timeoutMs);
    });
    try {
      return await Promise.race([inFlight, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
