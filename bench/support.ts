// Shared pieces of the benchmarks: a throwaway Neo4j in a temp folder (always stopped, by pid, at the end),
// loading a generated graph through the real loader, wiping between sizes, and small statistics helpers.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { connect } from '../server/src/db/connect.js';
import { Database } from '../server/src/db/database.js';
import { applySchema } from '../server/src/db/indexes-and-constraints.repository.js';
import { startLocalNeo4j, type LocalNeo4j } from '../server/src/neo4j/local-neo4j.js';
import { writeSeed } from '../graph-seed/write.js';
import type { GeneratedGraph } from './synthetic-map.js';

export interface BenchNeo4j {
  neo4j: LocalNeo4j;
  driver: Driver;
  db: Database;
  dataDir: string;
}

/** Starts a throwaway Neo4j, runs `work`, and always stops it (also on SIGINT/SIGTERM) and removes its folder. */
export async function withBenchNeo4j<T>(
  opts: { heapMb: number; pageCacheMb: number; log: (l: string) => void },
  work: (b: BenchNeo4j) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const neo4j = await startLocalNeo4j({
    dataDir,
    password: randomBytes(12).toString('hex'),
    heapMb: opts.heapMb,
    pageCacheMb: opts.pageCacheMb,
    log: (l) => opts.log(`[neo4j] ${l}`),
  });
  const cleanup = async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    opts.log(`[bench] ${signal}: stopping Neo4j (pid ${neo4j.pid})…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let driver: Driver | undefined;
  try {
    driver = await connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password }, { timeoutMs: 60_000 });
    const db = new Database(driver, 'neo4j');
    await applySchema(db);
    return await work({ neo4j, driver, db, dataDir });
  } finally {
    await driver?.close().catch(() => {});
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

export interface LoadResult {
  nodes: number;
  links: number;
  sourcedFrom: number;
  relationships: number;
  millis: number;
  nodesPerSecond: number;
  relsPerSecond: number;
  /** Node and link phases timed apart (from the loader's log lines). */
  nodeMillis: number;
  linkMillis: number;
}

/** Loads through writeSeed (validation included in the time, as `npm run seed` does). */
export async function loadGenerated(b: BenchNeo4j, g: GeneratedGraph, log: (l: string) => void, batchSize?: number): Promise<LoadResult> {
  const started = performance.now();
  // The loader writes every node group (sources first), then every link group, and logs one tally line per group:
  // the tally of the last node group marks the end of the node phase.
  let tallies = 0;
  let nodesDoneAt = 0;
  const summary = await writeSeed(b.db, g.data, {
    batchSize,
    log: (line) => {
      if (!/records:/.test(line)) return;
      tallies++;
      if (tallies === g.data.nodes.length) nodesDoneAt = performance.now();
      log(`[load] ${line.trim()}`);
    },
  });
  const millis = performance.now() - started;
  const nodes = g.counts.nodes;
  const relationships = g.counts.links + g.counts.sourcedFrom;
  const created = summary.nodes.reduce((n, t) => n + t.created, 0);
  if (created !== nodes) throw new Error(`loader created ${created} of ${nodes} entities: the database was not empty?`);
  const nodeMillis = nodesDoneAt ? nodesDoneAt - started : millis;
  return {
    nodes,
    links: g.counts.links,
    sourcedFrom: g.counts.sourcedFrom,
    relationships,
    millis,
    nodesPerSecond: nodes / (millis / 1000),
    relsPerSecond: relationships / (millis / 1000),
    nodeMillis,
    linkMillis: millis - nodeMillis,
  };
}

/** Empties the database in batches (auto-commit CALL … IN TRANSACTIONS needs a plain session.run). */
export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

// ---- statistics --------------------------------------------------------------------------------------------------
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/**
 * Times `fn` after `warmup` untimed calls: at least `minIterations`, at most `maxIterations`, and stops early once
 * `budgetMs` is spent (but never below minIterations). Returns milliseconds per call.
 */
export async function measure(
  fn: (i: number) => Promise<unknown>,
  o: { warmup?: number; minIterations?: number; maxIterations?: number; budgetMs?: number } = {},
): Promise<number[]> {
  const { warmup = 3, minIterations = 5, maxIterations = 50, budgetMs = 20_000 } = o;
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < maxIterations; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    if (i + 1 >= minIterations && performance.now() - started > budgetMs) break;
  }
  return samples;
}

export const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
