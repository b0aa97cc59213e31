// Several API processes on one Neo4j, as behind a load balancer: each is a child process started with NEO4J_URI (it
// starts no Neo4j of its own). Sessions and tokens work on all of them; a read that sends the X-Atlas-Version of a write
// made through another process sees that write, even with a 60 s version-check interval; and a process killed with
// SIGKILL mid-request loses nothing: a client that retries with its Idempotency-Key on a restarted process gets exactly
// one write.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSeed } from '../../graph-seed/write.js';
import type { Database } from '../../server/src/db/database.js';
import { authHeaders, createUserWithToken, loginCookie, type TestUser } from '../support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../support/db.js';
import { mappingFixture } from '../fixtures/mapping-fixture.js';
import { startApiProcess, type ApiProcess } from './api-processes.js';
import { annotateUntilAcknowledged, COUNT_BY_TEXT, newWriterLog, sleep } from './writers.js';

let db: Database;
let analyst: TestUser;
const processes: ApiProcess[] = [];

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, mappingFixture(3));
  analyst = await createUserWithToken(db, 'analyst');
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await closeTestDatabase();
}, 60_000);

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { json: (await response.json()) as { data?: any; errors?: any[] }, version: response.headers.get('x-atlas-version') };
}

const PROBE = 'query Probe($id: ID!) { technology(id: $id) { id name } }';

describe('two API processes on one Neo4j', () => {
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    // A 60 s version check: without the version header, B would not see A's write for up to a minute.
    [a, b] = await Promise.all([0, 1].map(() => startApiProcess(inject('neo4j'), { ATLAS_VERSION_CHECK_MS: '60000' })));
    processes.push(a!, b!);
  }, 180_000);

  it('accept the same API token and the same session cookie', async () => {
    for (const api of [a, b]) {
      expect((await post(api.url, '{ me { id } }', {}, authHeaders(analyst.token))).json.data).toEqual({ me: { id: analyst.user.id } });
    }
    const cookie = await loginCookie(a.url, analyst.email, analyst.password); // signed in through A…
    expect((await post(b.url, '{ me { id } }', {}, { cookie })).json.data).toEqual({ me: { id: analyst.user.id } }); // …known to B
  });

  it('a read through B that sends the version of a write made through A returns the write', async () => {
    const token = authHeaders(analyst.token);
    const id = 'tech:read-your-writes';
    // B reads first, so it has the answer cached for the current data version.
    expect((await post(b.url, PROBE, { id }, token)).json.data).toEqual({ technology: null });

    const created = await post(
      a.url,
      'mutation($input: TechnologyInput!) { createTechnology(input: $input) { id } }',
      { input: { id, name: 'Read your writes' } },
      token,
    );
    expect(created.json.errors).toBeUndefined();
    expect(created.version).toMatch(/^[0-9a-f-]{36}:\d+$/);

    // Without the header B still answers from its version of a minute ago: the gap this header closes.
    expect((await post(b.url, PROBE, { id }, token)).json.data).toEqual({ technology: null });
    const seen = await post(b.url, PROBE, { id }, { ...token, 'x-atlas-version': created.version! });
    expect(seen.json.data).toEqual({ technology: { id, name: 'Read your writes' } });
    expect(seen.version).toBe(created.version); // B now knows A's version, and says so
    // And from then on B serves the new answer to everyone, header or not.
    expect((await post(b.url, PROBE, { id }, token)).json.data).toEqual({ technology: { id, name: 'Read your writes' } });
  });
});

describe('an API process killed mid-request', () => {
  it('loses nothing: the writes retried with their keys on a restarted process exist exactly once', async () => {
    const writers = await Promise.all(Array.from({ length: 10 }, () => createUserWithToken(db, 'analyst')));
    let current = await startApiProcess(inject('neo4j'));
    processes.push(current);
    const log = newWriterLog();
    const deadline = Date.now() + 150_000;
    let acksAtKill = -1;
    const writing = writers.map(async (w, n) => {
      for (let i = 0; i < 5; i++) {
        await annotateUntilAcknowledged(() => current.url, authHeaders(w.token), `p${n}-${i}`, `tech:t00${n % 3}`, log, deadline);
      }
    });
    const crash = (async () => {
      while (log.acked.size < 12) await sleep(10);
      acksAtKill = log.acked.size;
      await current.kill(); // ten writers have requests in flight right now
      const restarted = await startApiProcess(inject('neo4j'));
      processes.push(restarted);
      current = restarted;
    })();
    await Promise.all([...writing, crash]);
    console.log(`[api-crash] killed after ${acksAtKill} acks; ${log.acked.size} acked, ${log.retries} retries`);
    expect(log.unexpected).toEqual([]);
    expect(log.acked.size).toBe(50);
    expect(log.retries).toBeGreaterThan(0); // the crash was felt

    // Every key wrote exactly once, and a retry of an acknowledged key on the new process returns the same annotation.
    const rows = await db.read<{ text: string; n: number; ids: string[] }>(COUNT_BY_TEXT);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Map(rows.map((r) => [r.text.slice('fault test '.length), r.ids[0]]))).toEqual(log.acked);
    const again = newWriterLog();
    expect(await annotateUntilAcknowledged(() => current.url, authHeaders(writers[0]!.token), 'p0-0', 'tech:t000', again, Date.now() + 30_000)).toBe(
      log.acked.get('p0-0'),
    );
  }, 240_000);
});
