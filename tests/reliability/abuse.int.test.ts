// Issue 16's denial-of-service and bypass repros, each refused quickly and cleanly: the fragment bomb, huge fragment
// chains, mutations hidden in fragments (rate limit, Idempotency-Key, sign-in spraying), and list sizes sent in variables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import { DATA_VERSION_LABEL } from '../../server/src/db/data-version.js';
import { mappingFixture } from '../fixtures/mapping-fixture.js';
import { callerHeaders, resetSeedAndStart, type StartedApp } from './support.js';

let app: StartedApp;
let db: Database;
let server: RunningServer;
let headers: Record<string, string>;

beforeAll(async () => {
  app = await resetSeedAndStart(mappingFixture(5), { maskErrors: true }, async (db) => {
    headers = await callerHeaders(db, 'analyst');
  });
  ({ db, server } = app);
});
afterAll(() => app?.stop());

async function post(query: string, variables: Record<string, unknown> = {}, extra: Record<string, string> = {}, base = server) {
  const response = await fetch(`${base.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...extra },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] },
  };
}

/** Each fragment spreads the next one twice: 2^levels copies of the last one once expanded. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query{__typename}` : `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`,
  );
  return `query{...F0} ${fragments.join(' ')}`;
}

describe('fragment bomb', () => {
  it('is refused as too costly (400) with little CPU, and /health keeps answering while bombs arrive', async () => {
    // CPU time, not wall time: the server runs in this process, and CPU time does not grow when the machine is busy.
    // Before the fix, the 19-level bomb alone took about 0.5 s of CPU and each further level doubled it.
    const cpuBefore = process.cpuUsage();
    const timings: number[] = [];
    const bombs: Promise<{ status: number; body: any }>[] = [];
    for (let i = 0; i < 5; i++) {
      bombs.push(post(fragmentBomb(19 + i)));
      await new Promise((resolve) => setImmediate(resolve));
      const began = performance.now();
      const health = await fetch(`${server.url}/health`);
      timings.push(performance.now() - began);
      expect(health.status).toBe(200);
    }
    for (const bomb of await Promise.all(bombs)) {
      expect(bomb.status).toBe(400);
      expect(bomb.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
    }
    const cpu = process.cpuUsage(cpuBefore);
    expect((cpu.user + cpu.system) / 1000, 'CPU ms for five bombs and five probes').toBeLessThan(1000);
    // The quickest probe shows whether the event loop was ever free: a blocking bomb delays every one of them.
    expect(Math.min(...timings), `/health took ${timings.map((t) => t.toFixed(1)).join(', ')} ms`).toBeLessThan(50);
  });

  it('refuses 5,000 chained fragments with a clean 400 naming the token limit', async () => {
    const chain = Array.from({ length: 5000 }, (_, i) => (i === 4999 ? `fragment F${i} on Query{__typename}` : `fragment F${i} on Query{...F${i + 1}}`));
    const { status, body } = await post(`query{...F0} ${chain.join(' ')}`);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors![0]!.message).toMatch(/tokens/i);
  });
});

describe('list sizes sent in variables', () => {
  const query = 'query($n: Int!) { technologies(first: $n) { id enables { capability { id enabledBy { technology { id } } } } } }';
  it('prices first: $n by the value it carries: 500 is refused like the literal, 5 is answered', async () => {
    const literal = await post(query.replace('query($n: Int!) ', '').replace('$n', '500'));
    expect(literal.body.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
    const variable = await post(query, { n: 500 });
    expect(variable.status).toBe(400);
    expect(variable.body.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
    const small = await post(query, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.technologies).toHaveLength(5);
  });
});

describe('mutations inside fragments', () => {
  it('count against the mutation rate limit like top-level ones', async () => {
    const limited = await startServer({ db, port: 0, limits: { mutationBurst: 5, mutationsPerSecond: 0.001 } });
    try {
      const logouts = Array.from({ length: 6 }, (_, i) => `l${i}: logout`).join(' ');
      const { status, body } = await post(`mutation { ...M } fragment M on Mutation { ${logouts} }`, {}, {}, limited);
      expect(status).toBe(429);
      expect(body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('two creates in one fragment with one Idempotency-Key are refused, and nothing is written', async () => {
    const create = (id: string) => `${id.replace(/\W/g, '_')}: createTechnology(input: {id: "${id}", name: "Fragment ${id}", trl: 3}) { id }`;
    const { status, body } = await post(
      `mutation { ...M } fragment M on Mutation { ${create('tech:frag-a')} ${create('tech:frag-b')} }`,
      {},
      { 'idempotency-key': 'fragment-pair-1' },
    );
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    const [{ n }] = (await db.read("MATCH (t:Technology) WHERE t.id IN ['tech:frag-a', 'tech:frag-b'] RETURN count(t) AS n")) as any[];
    expect(n).toBe(0);
  });

  it('aliased sign-ins in a fragment are refused before any password is tried', async () => {
    const logins = Array.from({ length: 10 }, (_, i) => `a${i}: login(email: "victim@atlas.test", password: "guess-${i}") { expiresAt }`).join(' ');
    const { status, body } = await post(`mutation { ...L } fragment L on Mutation { ${logins} }`, {}, { authorization: '' });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'login' });
  });
});

describe('Idempotency-Key header', () => {
  it('a key with a space is HTTP 400 naming the header and its rule', async () => {
    const { status, body } = await post(
      'mutation { annotate(input: {targetId: "tech:t001", text: "bad key"}) { id } }',
      {},
      { 'idempotency-key': 'has a space' },
    );
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(body.errors![0]!.message).toMatch(/Idempotency-Key.*visible ASCII/);
  });
});

describe('bounded arguments', () => {
  it('refuses a signalTrend asOf far in the future, naming asOf and the latest day allowed', async () => {
    const { body } = await post('{ technologies(first: 500) { signalTrend(asOf: "9999-12-31") { months { month } } } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    expect(body.errors![0]!.message).toMatch(/asOf: must be at most 31 days after today/);
  });

  it('caps every list length argument with an error naming it', async () => {
    for (const query of [
      '{ technologies(first: 501) { id } }',
      '{ capabilities(first: 501) { id } }',
      '{ signals(first: 501) { totalCount } }',
      '{ criticalDependencies(first: 501) { items { score } } }',
      '{ criticalDependencies(first: 1) { items { capabilities(first: 501) { id } } } }',
      '{ search(text: "x", first: 101) { score } }',
      '{ neighbours(id: "tech:t001", limit: 2001) { centre { id } } }',
    ]) {
      const { body } = await post(query);
      expect(body.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(['first', 'limit'], query).toContain(body.errors![0]!.extensions!.field);
    }
  });
});

describe('clean errors', () => {
  const CREATE = 'mutation($input: TechnologyInput!) { createTechnology(input: $input) { id name } }';

  it('concurrent creates of one id: one succeeds, the others are BAD_USER_INPUT "already exists" naming the id', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => post(CREATE, { input: { id: 'tech:race', name: 'Race' } })));
    const ok = results.filter((r) => !r.body.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.body.errors)) {
      expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0]!.message).toMatch(/"tech:race" already exists/);
    }
  });

  it('NFC-normalises names and refuses NUL, control, bidirectional-override and invisible-only names, naming the field', async () => {
    const stored = await post(CREATE, { input: { id: 'tech:cafe', name: 'Cafe\u0301 analytics' } });
    expect(stored.body.data.createTechnology.name).toBe('Caf\u00e9 analytics');
    for (const name of ['Bad\u0000name', 'Bell\u0007', 'Invoice \u202Egpj.exe', '\u200B\u200B\u200B', '\u3164']) {
      const { body } = await post(CREATE, { input: { id: 'tech:bad-name', name } });
      expect(body.errors?.[0]?.extensions, JSON.stringify(name)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    }
  });

  it('checks a signal URL in UTF-8 bytes: 1,994 emoji characters are refused by name, not by the index', async () => {
    const url = `https://example.org/${'\u{1F600}'.repeat(997)}`;
    const { body } = await post('mutation($input: SignalInput!) { createSignal(input: $input) { id } }', {
      input: { title: 'Emoji URL', url, publishedAt: '2026-01-01', steep: 'TECHNOLOGICAL' },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(body.errors![0]!.message).toMatch(/bytes in UTF-8/);
  });

  it('an import by path names no server folder, and answers alike for a missing file and one outside the folder', async () => {
    const IMPORT = 'mutation($input: SignalImportInput!) { importSignals(input: $input) { created } }';
    const messages: string[] = [];
    for (const path of ['/etc/passwd', '/etc/no-such-file', '../../package.json', '../../no-such-file.json', 'missing.xml']) {
      const { body } = await post(IMPORT, { input: { path } });
      expect(body.errors?.[0]?.extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path' });
      const message = body.errors![0]!.message;
      expect(message).not.toMatch(/\/work|\/tmp|\/home|\/etc|imports\//);
      messages.push(message.replace(JSON.stringify(path), '<path>'));
    }
    expect(new Set(messages).size).toBe(1);
  });
});

describe('small consistencies', () => {
  it('a login 429 carries Retry-After', async () => {
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await post('mutation { login(email: "nobody@atlas.test", password: "wrong-password") { expiresAt } }', {}, { authorization: '' });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('CSRF and batch refusals are 400 with a request id', async () => {
    const csrf = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain', 'x-request-id': 'csrf-1' },
      body: '{"query":"{__typename}"}',
    });
    expect(csrf.status).toBe(400);
    expect((await csrf.json()).errors[0].extensions.requestId).toBe('csrf-1');
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(typeof (await batch.json()).errors[0].extensions.requestId).toBe('string');
  });

  it('a dry-run import does not move the data version', async () => {
    const version = async () => ((await db.read(`MATCH (v:${DATA_VERSION_LABEL}) RETURN v.epoch + ':' + v.n AS v`)) as any[])[0]?.v ?? null;
    const before = await version();
    const { body } = await post('mutation($input: SignalImportInput!) { importSignals(input: $input) { dryRun created } }', {
      input: { content: 'title,url,published_at\nA dry one,https://dry.example.org/1,2026-01-01\n', dryRun: true },
    });
    expect(body.data.importSignals).toEqual({ dryRun: true, created: 1 });
    expect(await version()).toBe(before);
  });
});
