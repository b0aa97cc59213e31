// The API's limits and protections over HTTP: CSRF prevention, depth/alias/cost limits, batching off, body size,
// the mutation rate limit, masked errors with a request id, introspection switch, health and readiness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import { DEFAULT_LIMITS } from '../../server/src/hardening/limits.js';
import { mappingFixture } from '../fixtures/mapping-fixture.js';
import { postGraphQL } from '../support/graphql.js';
import { callerHeaders, resetSeedAndStart, type StartedApp } from './support.js';
import { readyAnswer } from '../support/ready.js';

let app: StartedApp;
let db: Database;
let server: RunningServer;
let headers: Record<string, string>;
const clockMs = Date.parse('2026-06-01T12:00:00Z');

beforeAll(async () => {
  // The clock stands still, so the bucket never refills during the test however slow the machine is.
  app = await resetSeedAndStart(
    mappingFixture(5),
    { maskErrors: true, limits: { mutationBurst: 3, mutationsPerSecond: 0.5 }, clock: () => clockMs },
    async (db) => {
      headers = await callerHeaders(db, 'analyst');
    },
  );
  ({ db, server } = app);
});
afterAll(() => app?.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
  postGraphQL(server.url, query, variables, { ...headers, ...extra });

describe('CSRF prevention', () => {
  it('refuses a simple GET and a POST without a JSON content type or preflight header', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(400);
    // The same GET with apollo-require-preflight is allowed.
    const ok = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...headers, 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('document limits', () => {
  it('refuses a query deeper than maxDepth', async () => {
    const n = DEFAULT_LIMITS.maxDepth;
    const deep = `{ ${'technology(id: "tech:t001") { dependsOn { dependency { ... on Technology { '.repeat(n)}id${' } } } }'.repeat(n)} }`;
    const { errors, data } = await gql(deep);
    expect(data).toBeUndefined();
    expect(errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
  });

  it('refuses too many aliases', async () => {
    const query = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: capabilities { id }`).join(' ')} }`;
    const { errors } = await gql(query);
    expect(errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' });
  });

  it('refuses an operation whose estimated cost is too high, and accepts an ordinary one', async () => {
    const costly =
      '{ technologies { id enables { capability { id enabledBy { technology { id enables { capability { id enabledBy { technology { id } } } } } } } } } }';
    const { errors } = await gql(costly);
    expect(errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
    const ordinary = await gql('{ technologies { id name enables { capability { id } } } }');
    expect(ordinary.errors).toBeUndefined();
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit with a JSON error, not an HTML page', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('errors and request ids', () => {
  it('puts a request id on every error and in the x-request-id header', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'x-request-id': 'test-req-1' },
      body: JSON.stringify({ query: '{ technology(id: 1) { nope } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('test-req-1');
    const body = await response.json();
    expect(body.errors[0].extensions.requestId).toBe('test-req-1');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

describe('idempotency and the mutation rate limit', () => {
  it('returns the first result for a repeated Idempotency-Key, then limits the rate with RATE_LIMITED and retry-after', async () => {
    const create = 'mutation($i: AnnotationInput!) { annotate(input: $i) { id text } }';
    const vars = { i: { targetId: 'tech:t001', text: 'Idempotent note' } };
    const first = await gql(create, vars, { 'idempotency-key': 'limits-test-1' });
    const second = await gql(create, vars, { 'idempotency-key': 'limits-test-1' });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const [{ n }] = (await db.read("MATCH (a:Annotation {text: 'Idempotent note'}) RETURN count(a) AS n")) as any[];
    expect(n).toBe(1);
    // The key is ignored on a mutation that creates nothing (it answers as usual).
    const other = await gql('mutation { deleteAnnotation(id: "ann:none") { id } }', {}, { 'idempotency-key': 'limits-test-1' });
    expect(other.errors).toBeDefined();
    // Burst of 3 used up by now (2 above + 1): the next mutation is limited.
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: create, variables: vars }),
    });
    expect(response.status).toBe(429);
    // One token short at 0.5 tokens/s: 2 s.
    expect(Number(response.headers.get('retry-after'))).toBe(2);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(body.errors[0].extensions.retryAfter).toBe(2);
    // Queries are not limited.
    expect((await gql('{ capabilities { id } }')).errors).toBeUndefined();
  });
});

describe('introspection, health and readiness', () => {
  it('answers /health and /ready (schema applied)', async () => {
    expect((await (await fetch(`${server.url}/health`)).json()).status).toBe('ok');
    expect((await readyAnswer(server.url)).status).toBe(200);
  });

  it('refuses introspection when it is switched off', async () => {
    const closed = await startServer({ db, port: 0, introspection: false });
    try {
      const { errors } = await postGraphQL(closed.url, '{ __schema { queryType { name } } }', {}, headers);
      expect(errors![0]!.message).toMatch(/introspection/i);
    } finally {
      await closed.close();
    }
  });
});
