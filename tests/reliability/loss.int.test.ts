// No lost and no duplicated writes across a Neo4j restart: 50 analysts × 40 annotations over HTTP, each with its own
// Idempotency-Key, while the test stops and restarts its own Neo4j (same data folder, same port) mid-run. The client
// retries only clean retryable errors (SERVICE_UNAVAILABLE, RATE_LIMITED, network errors) with backoff.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { writeSeed } from '../../graph-seed/write.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { connect } from '../../server/src/db/connect.js';
import { Database } from '../../server/src/db/database.js';
import { applySchema } from '../../server/src/db/indexes-and-constraints.repository.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-neo4j.js';
import { mappingFixture } from '../fixtures/mapping-fixture.js';
import { callerHeaders } from './support.js';
import { readyAnswer } from '../support/ready.js';

const ANALYSTS = 50;
const EACH = 40;
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

let dir: string;
let password: string;
let neo4j: LocalNeo4j | undefined;
let driver: Driver;
let db: Database;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-loss-'));
  password = randomBytes(12).toString('hex');
  neo4j = await startLocalNeo4j({ dataDir: dir, password, heapMb: 512, pageCacheMb: 128 });
  await (await connect(neo4j, { timeoutMs: 30_000 })).close();
  // The driver would retry a write for up to 30 s by itself and hide a short outage; a 3 s window makes the restart
  // visible to clients, which is what this test is about.
  driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.user, neo4j.password), {
    maxTransactionRetryTime: 3_000,
    connectionAcquisitionTimeout: 5_000,
    logging: { level: 'error', logger: () => {} },
  });
  db = new Database(driver, 'neo4j');
  await applySchema(db);
  await writeSeed(db, mappingFixture(5));
  // Generous limits: this test is about restarts, not the rate limit (the client would honour RATE_LIMITED anyway).
  server = await startServer({ db, port: 0, maskErrors: true, limits: { mutationBurst: 1000, mutationsPerSecond: 100 } });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await driver?.close();
  await neo4j?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

interface Outcome {
  ok: number;
  retries: number;
  unexpected: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function annotateWithRetries(headers: Record<string, string>, key: string, outcome: Outcome): Promise<string | null> {
  const body = JSON.stringify({
    query: 'mutation($input: AnnotationInput!) { annotate(input: $input) { id text } }',
    variables: { input: { targetId: `tech:t00${Number(key.split('-')[1]) % 5}`, text: `loss test ${key}` } },
  });
  for (let attempt = 0; attempt < 60; attempt++) {
    let reason: string;
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const json = (await response.json()) as { data?: { annotate?: { id: string; text: string } }; errors?: { message: string; extensions?: any }[] };
      if (json.data?.annotate) {
        outcome.ok++;
        return json.data.annotate.id;
      }
      const error = json.errors?.[0];
      const code = error?.extensions?.code;
      if (!RETRYABLE.has(code) || /neo4j|cypher|stack|driver/i.test(error!.message)) {
        outcome.unexpected.push(`${response.status} ${JSON.stringify(json.errors)}`);
        return null;
      }
      reason = code;
      if (code === 'RATE_LIMITED') await sleep(1000 * (error!.extensions.retryAfter ?? 1));
    } catch (error) {
      reason = `network: ${(error as Error).message}`; // connection refused/reset: retry
    }
    outcome.retries++;
    void reason;
    await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
  outcome.unexpected.push(`${key}: gave up after 60 attempts`);
  return null;
}

describe('annotations survive a Neo4j restart', () => {
  it('stores exactly 2000 annotations, none duplicated, every failure clean and retried', async () => {
    const headers = await Promise.all(Array.from({ length: ANALYSTS }, () => callerHeaders(db)));
    const outcome: Outcome = { ok: 0, retries: 0, unexpected: [] };
    const started = Date.now();
    const ids: (string | null)[] = [];
    const analysts = headers.map(async (h, a) => {
      for (let i = 0; i < EACH; i++) ids.push(await annotateWithRetries(h, `a${a}-${i}`, outcome));
    });
    // Restart Neo4j once a few hundred annotations are in.
    const restart = (async () => {
      while (outcome.ok < 200) await sleep(50);
      const port = Number(new URL(neo4j!.uri).port);
      const t0 = Date.now();
      console.log(`[loss] restarting after ${((t0 - started) / 1000).toFixed(1)} s`);
      await neo4j!.stop();
      neo4j = await startLocalNeo4j({ dataDir: dir, password, boltPort: port, heapMb: 512, pageCacheMb: 128 });
      console.log(`[loss] Neo4j back after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return outcome.ok;
    })();
    await Promise.all(analysts);
    const okBeforeRestart = await restart;
    const [{ n, distinct, dupes }] = (await db.read(
      `MATCH (a:Annotation) WHERE a.text STARTS WITH 'loss test '
       WITH a.text AS text, count(*) AS c
       RETURN sum(c) AS n, count(text) AS distinct, sum(CASE WHEN c > 1 THEN 1 ELSE 0 END) AS dupes`,
    )) as any[];
    console.log(`[loss] ${outcome.ok} ok, ${outcome.retries} retries, restart after ${okBeforeRestart} ok, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.ok).toBe(ANALYSTS * EACH);
    expect(new Set(ids).size).toBe(ANALYSTS * EACH);
    expect(outcome.retries).toBeGreaterThan(0); // the restart was felt
    expect({ n, distinct, dupes }).toEqual({ n: ANALYSTS * EACH, distinct: ANALYSTS * EACH, dupes: 0 });
    // Every annotation has exactly one "created" revision (the retried transaction did not write twice).
    const [{ revisions }] = (await db.read(
      `MATCH (r:AnnotationRevision {action: 'created'})-[:REVISION_OF]->(a:Annotation) WHERE a.text STARTS WITH 'loss test ' RETURN count(r) AS revisions`,
    )) as any[];
    expect(revisions).toBe(ANALYSTS * EACH);
    expect((await readyAnswer(server.url)).status).toBe(200);
  }, 540_000);
});
