// The Idempotency-Key matrix (issue 21): for EVERY mutation that honours the key, the same key sent 10 times at once
// writes once; the key reused on another mutation is refused; two users with one key write twice; an expired key
// writes anew (the server's clock is injected and advanced, nothing sleeps); two mutation fields with one key are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import { ENTITY_LABEL } from '../../server/src/db/labels.js';
import { IDEMPOTENT_MUTATIONS } from '../../server/src/hardening/idempotency.js';
import { DEFAULT_LIMITS } from '../../server/src/hardening/limits.js';
import { dependencyFixture } from '../fixtures/dependency-fixture.js';
import { callerHeaders, resetSeedAndStart, type StartedApp } from './support.js';

let app: StartedApp;
let db: Database;
let server: RunningServer;
let ana: Record<string, string>;
let ben: Record<string, string>;
let now = Date.parse('2026-06-01T09:00:00Z');
let baseScenarioId: string;

interface Case {
  query: string;
  /** Variables that make a distinct write for each `tag`. */
  variables(tag: string): Record<string, unknown>;
}

const CASES: Record<string, Case> = {
  createTechnology: {
    query: 'mutation($input: TechnologyInput!) { createTechnology(input: $input) { id } }',
    variables: (t) => ({ input: { name: `Idem technology ${t}` } }),
  },
  createCapability: {
    query: 'mutation($input: CapabilityInput!) { createCapability(input: $input) { id } }',
    variables: (t) => ({ input: { name: `Idem capability ${t}` } }),
  },
  createEntity: {
    query: 'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
    variables: (t) => ({ input: { kind: 'Component', name: `Idem component ${t}` } }),
  },
  createSignal: {
    query: 'mutation($input: SignalInput!) { createSignal(input: $input) { id } }',
    variables: (t) => ({ input: { title: `Idem signal ${t}`, url: `https://idem.example.org/${t}`, publishedAt: '2026-01-01', steep: 'TECHNOLOGICAL' } }),
  },
  annotate: {
    query: 'mutation($input: AnnotationInput!) { annotate(input: $input) { id } }',
    variables: (t) => ({ input: { targetId: 'tech:radar', text: `Idem note ${t}` } }),
  },
  createScenario: {
    query: 'mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }',
    variables: (t) => ({ input: { name: `Idem scenario ${t}`, horizon: 2031 } }),
  },
  importSignals: {
    query: 'mutation($input: SignalImportInput!) { importSignals(input: $input) { created } }',
    variables: (t) => ({ input: { content: `title,url,published_at\nIdem import ${t},https://idem-import.example.org/${t},2026-01-01\n` } }),
  },
  createSupplier: {
    query: 'mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }',
    variables: (t) => ({ input: { name: `Idem supplier ${t}`, countryId: 'country:us' } }),
  },
  duplicateScenario: {
    query: 'mutation($id: ID!, $name: String) { duplicateScenario(id: $id, name: $name) { id } }',
    variables: (t) => ({ id: baseScenarioId, name: `Idem copy ${t}` }),
  },
};

beforeAll(async () => {
  app = await resetSeedAndStart(dependencyFixture(), { limits: { mutationBurst: 100_000 }, clock: () => now }, async (db) => {
    [ana, ben] = [await callerHeaders(db, 'analyst'), await callerHeaders(db, 'analyst')];
  });
  ({ db, server } = app);
  const base = await send(ana, CASES.createScenario!.query, CASES.createScenario!.variables('base'));
  baseScenarioId = base.body.data.createScenario.id;
});
afterAll(() => app?.stop());

async function send(who: Record<string, string>, query: string, variables: Record<string, unknown>, key?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...who, ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
}

const entities = async () => Number(((await db.read(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`)) as any[])[0].n);

it('covers every mutation that honours the key', () => {
  expect(Object.keys(CASES).sort()).toEqual([...IDEMPOTENT_MUTATIONS].sort());
});

describe.each(Object.keys(CASES))('%s with an Idempotency-Key', (field) => {
  const c = CASES[field]!;
  const other = field === 'annotate' ? CASES.createTechnology! : CASES.annotate!;

  it('sent 10 times at once: one write, ten identical answers', async () => {
    const before = await entities();
    const results = await Promise.all(Array.from({ length: 10 }, () => send(ana, c.query, c.variables(`${field}-burst`), `${field}-burst`)));
    for (const r of results) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    expect(new Set(results.map((r) => JSON.stringify(r.body.data))).size).toBe(1);
    expect(await entities()).toBe(before + 1);
  });

  it('reused on another mutation: refused, nothing written', async () => {
    const before = await entities();
    const { body } = await send(ana, other.query, other.variables(`${field}-other`), `${field}-burst`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(body.errors![0]!.message).toMatch(new RegExp(`already used for ${field}`));
    expect(await entities()).toBe(before);
  });

  it('one key from two users: two writes', async () => {
    const before = await entities();
    const a = await send(ana, c.query, c.variables(`${field}-ana`), `${field}-shared`);
    const b = await send(ben, c.query, c.variables(`${field}-ben`), `${field}-shared`);
    expect([a.body.errors, b.body.errors]).toEqual([undefined, undefined]);
    expect(await entities()).toBe(before + 2);
  });

  it('an expired key writes anew (clock advanced past the time to live)', async () => {
    const before = await entities();
    expect((await send(ana, c.query, c.variables(`${field}-old`), `${field}-expiring`)).body.errors).toBeUndefined();
    expect((await send(ana, c.query, c.variables(`${field}-old`), `${field}-expiring`)).body.errors).toBeUndefined();
    expect(await entities()).toBe(before + 1);
    now += DEFAULT_LIMITS.idempotencyTtlSeconds * 1000 + 1000;
    const again = await send(ana, c.query, c.variables(`${field}-new`), `${field}-expiring`);
    expect(again.body.errors).toBeUndefined();
    expect(await entities()).toBe(before + 2);
  });

  it('two mutation fields with one key: refused (400), nothing written', async () => {
    const before = await entities();
    const twoFields = c.query.replace(/\{ (\w+)\(/, '{ first: $1(').replace(/\}\s*$/, ' second: logout }');
    const { status, body } = await send(ana, twoFields, c.variables(`${field}-pair`), `${field}-pair`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await entities()).toBe(before);
  });
});
