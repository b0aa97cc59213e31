// Users, roles, sessions and tokens over real HTTP against a real Neo4j: who may read and write, who is recorded as
// the author, how sessions and tokens start and end, and that passwords never leave the server.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { LOGIN_FAILED } from '../server/src/user/user.resolver.js';
import { createLogger } from '../server/src/logging/logger.js';
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from '../server/src/user/first-admin.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { authHeaders, createUserWithToken, loginCookie, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
const logLines: string[] = [];
/** Everything the structured (pino) request log writes, at the most verbose level. */
const requestLog = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});
let viewer: TestUser;
let analyst: TestUser;
let admin: TestUser;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, mappingFixture(3));
  server = await startServer({ db, port: 0, log: (line) => logLines.push(line), logger: createLogger({ level: 'trace', destination: requestLog }) });
  viewer = await createUserWithToken(db, 'viewer', { name: 'Vera Viewer' });
  analyst = await createUserWithToken(db, 'analyst', { name: 'Ana Analyst' });
  admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
});
afterAll(async () => {
  await server?.close();
  await closeTestDatabase();
});

const anonymous = (query: string, variables?: Record<string, unknown>, url = server.url) => postGraphQL(url, query, variables);
const as = (who: TestUser | string, query: string, variables?: Record<string, unknown>, url = server.url) =>
  postGraphQL(url, query, variables, typeof who === 'string' ? { cookie: who } : authHeaders(who.token));
const count = async (cypher: string) => (await db.read<{ n: number }>(cypher))[0]!.n;

/** Sends the login mutation and returns the raw response (to read Set-Cookie). */
async function loginResponse(email: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { name role } expiresAt } }',
      variables: { e: email, p: password },
    }),
  });
  return { response, body: (await response.json()) as any };
}

const WRITES = [
  'mutation { createTechnology(input: { name: "Quantum sensing" }) { id } }',
  'mutation { updateTechnology(id: "tech:t000", input: { trl: 9 }) { id } }',
  'mutation { deleteTechnology(id: "tech:t001") { id } }',
  'mutation { createCapability(input: { name: "Counter-drone", domain: BORDER_MANAGEMENT }) { id } }',
  'mutation { linkEnables(input: { technologyId: "tech:t000", capabilityId: "cap:c3", strength: 0.5 }) { strength } }',
  'mutation { unlinkEnables(technologyId: "tech:t000", capabilityId: "cap:c1") { removed } }',
  'mutation { annotate(input: { targetId: "tech:t000", text: "A note" }) { id } }',
  'mutation { createScenario(input: { name: "Gallium cut", horizon: 2030, events: [{ type: DISRUPTION, targetId: "mat:gallium", fraction: 1 }] }) { id } }',
  'mutation { createSignal(input: { title: "A signal", url: "https://example.org/s", publishedAt: "2026-01-01", steep: TECHNOLOGICAL }) { id } }',
];

describe('signed out', () => {
  it('can write nothing: every mutation says "sign in" and the graph is unchanged', async () => {
    const before = await count('MATCH (n) RETURN count(n) AS n');
    for (const mutation of WRITES) {
      const { errors, data } = await anonymous(mutation);
      expect(errors?.[0]?.extensions?.code, mutation).toBe('UNAUTHENTICATED');
      expect(errors?.[0]?.message).toMatch(/^Sign in/);
      expect(data ?? null).toBeNull();
    }
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(before);
  });

  it('cannot read the map (reads need sign-in by default) but may ask who it is', async () => {
    const read = await anonymous('{ technologies { id } }');
    expect(read.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(read.data ?? null).toBeNull();
    const viaFragment = await anonymous('query { ...F } fragment F on Query { me { id } capabilities { id } }');
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await anonymous('{ me { id } }')).toEqual({ data: { me: null } });
  });

  it('treats an unknown or malformed token as signed out', async () => {
    expect((await postGraphQL(server.url, '{ me { id } }', {}, { authorization: 'Bearer atlas_nope' })).data.me).toBeNull();
    expect((await postGraphQL(server.url, '{ technologies { id } }', {}, { authorization: 'Basic abc' })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('roles', () => {
  it('lets a viewer read but not write, naming the role and the action', async () => {
    const read = await as(viewer, '{ technologies { id } me { name role } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.technologies).toHaveLength(3);
    expect(read.data.me).toEqual({ name: 'Vera Viewer', role: 'VIEWER' });
    const before = await count('MATCH (n) RETURN count(n) AS n');
    for (const mutation of WRITES) {
      const { errors } = await as(viewer, mutation);
      expect(errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      expect(errors?.[0]?.message).toMatch(/^Your role viewer cannot \w+; it needs the (analyst|admin) role/);
    }
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(before);
  });

  it('lets an analyst map and annotate but not delete map entities or manage users', async () => {
    const update = await as(analyst, 'mutation { updateTechnology(id: "tech:t000", input: { trl: 8 }) { trl } }');
    expect(update.data.updateTechnology).toEqual({ trl: 8 });
    const del = await as(analyst, 'mutation { deleteTechnology(id: "tech:t002") { id } }');
    expect(del.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Your role analyst cannot deleteTechnology; it needs the admin role'),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await count('MATCH (t:Technology {id: "tech:t002"}) RETURN count(t) AS n')).toBe(1);
    const users = await as(analyst, '{ users { id } }');
    expect(users.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an admin delete a map entity', async () => {
    const del = await as(admin, 'mutation { deleteTechnology(id: "tech:t002") { id } }');
    expect(del.errors).toBeUndefined();
    expect(await count('MATCH (t:Technology {id: "tech:t002"}) RETURN count(t) AS n')).toBe(0);
  });
});

describe('authors', () => {
  it("records the signed-in analyst as an annotation's author; a client cannot claim another", async () => {
    const { data, errors } = await as(
      analyst,
      'mutation { annotate(input: { targetId: "tech:t000", text: "Maturing fast", impact: 4 }) { author version history { author } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.annotate).toEqual({ author: 'Ana Analyst', version: 1, history: [{ author: 'Ana Analyst' }] });
    const claim = await as(analyst, 'mutation { annotate(input: { targetId: "tech:t000", text: "x" }, author: "Adam Admin") { id } }');
    expect(claim.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('records the signed-in analyst on scenarios and on mapping changes (node and relationship)', async () => {
    const scenario = await as(
      analyst,
      'mutation { createScenario(input: { name: "Gallium cut", horizon: 2030, events: [{ type: DISRUPTION, targetId: ' +
        '"mat:gallium", fraction: 1 }] }) { author } }',
    );
    expect(scenario.data.createScenario).toEqual({ author: 'Ana Analyst' });
    await as(analyst, 'mutation { linkEnables(input: { technologyId: "tech:t000", capabilityId: "cap:c3", strength: 0.5 }) { strength } }');
    await as(admin, 'mutation { updateTechnology(id: "tech:t000", input: { horizon: BY_2030 }) { id } }');
    const [row] = await db.read<{ node: string; link: string }>(
      'MATCH (t:Technology {id: "tech:t000"})-[r:ENABLES]->(:Capability {id: "cap:c3"}) RETURN t.updatedBy AS node, r.updatedBy AS link',
    );
    expect(row).toEqual({ node: 'Adam Admin', link: 'Ana Analyst' });
  });
});

describe('sessions', () => {
  it('signs in with a cookie (HttpOnly, SameSite=Lax), knows the user, and signs out for good', async () => {
    const { response, body } = await loginResponse(analyst.email, analyst.password);
    expect(body.errors).toBeUndefined();
    expect(body.data.login.user).toEqual({ name: 'Ana Analyst', role: 'ANALYST' });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';', 1)[0]!;
    // Only a hash of the session id is stored.
    const secret = decodeURIComponent(cookie.slice('atlas_session='.length));
    expect(await count(`MATCH (s:Session) WHERE s.id = "${secret}" RETURN count(s) AS n`)).toBe(0);

    expect((await as(cookie, '{ me { name } }')).data.me).toEqual({ name: 'Ana Analyst' });
    const note = await as(cookie, 'mutation { annotate(input: { targetId: "cap:c0", text: "Via the web" }) { author } }');
    expect(note.data.annotate.author).toBe('Ana Analyst');

    const logout = await as(cookie, 'mutation { logout }');
    expect(logout.data.logout).toBe(true);
    // Replaying the old cookie no longer works: the session is gone server-side.
    expect((await as(cookie, '{ me { name } }')).data.me).toBeNull();
    expect((await as(cookie, '{ technologies { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('marks the cookie Secure behind https', async () => {
    const { response } = await loginResponse(viewer.email, viewer.password, { 'x-forwarded-proto': 'https' });
    expect(response.headers.getSetCookie().find((c) => c.startsWith('atlas_session='))).toMatch(/; Secure/);
  });

  it('refuses an expired session', async () => {
    const cookie = await loginCookie(server.url, viewer.email, viewer.password);
    await db.write('MATCH (s:Session)-[:SESSION_OF]->(:User {email: $email}) SET s.expiresAt = datetime() - duration("PT1M")', { email: viewer.email });
    expect((await as(cookie, '{ technologies { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives one generic message for a wrong password and an unknown email, and validates the input', async () => {
    const wrong = await loginResponse(analyst.email, 'not the password');
    const unknown = await loginResponse('nobody@atlas.test', 'not the password');
    expect(wrong.body.errors[0]).toMatchObject({ message: LOGIN_FAILED, extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.body.errors[0]).toMatchObject({ message: LOGIN_FAILED, extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.response.headers.getSetCookie()).toEqual([]);
    const bad = await loginResponse('not-an-email', '');
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(bad.body.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['email', 'password']);
  });

  it('rate-limits failed sign-ins per email and address, even with the right password afterwards', async () => {
    const victim = await createUserWithToken(db, 'analyst');
    for (let i = 0; i < 5; i++) expect((await loginResponse(victim.email, 'guess-guess-guess')).body.errors[0].message).toBe(LOGIN_FAILED);
    const blocked = await loginResponse(victim.email, victim.password);
    expect(blocked.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.response.headers.getSetCookie()).toEqual([]);
    // Another account from the same address is not affected.
    expect((await loginResponse(viewer.email, viewer.password)).body.errors).toBeUndefined();
  });
});

describe('API tokens', () => {
  it('creates a token shown once, uses it, lists it without the secret, and revokes it', async () => {
    const cookie = await loginCookie(server.url, analyst.email, analyst.password);
    const created = await as(cookie, 'mutation { createApiToken(name: "nightly import") { secret token { id name revokedAt } } }');
    expect(created.errors).toBeUndefined();
    const { secret, token } = created.data.createApiToken;
    expect(secret).toMatch(/^atlas_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'nightly import', revokedAt: null });
    // Stored as a hash only.
    expect(await count(`MATCH (t:ApiToken) WHERE t.hash = "${secret}" OR t.secret IS NOT NULL RETURN count(t) AS n`)).toBe(0);

    const bearer = { authorization: `Bearer ${secret}` };
    const used = await postGraphQL(server.url, 'mutation { annotate(input: { targetId: "cap:c1", text: "From a script" }) { author } }', {}, bearer);
    expect(used.data.annotate.author).toBe('Ana Analyst');

    const listed = await as(cookie, '{ apiTokens { id name revokedAt } }');
    expect(listed.data.apiTokens).toContainEqual({ id: token.id, name: 'nightly import', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(secret);
    const noSecretField = await as(cookie, '{ apiTokens { secret } }');
    expect(noSecretField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Someone else cannot revoke it.
    const foreign = await as(viewer, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const revoked = await as(cookie, 'mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id: token.id });
    expect(revoked.data.revokeApiToken.revokedAt).toMatch(/^\d{4}-/);
    const after = await postGraphQL(server.url, '{ technologies { id } }', {}, bearer);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('validates the token name', async () => {
    const { errors } = await as(analyst, 'mutation { createApiToken(name: "  ") { secret } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

describe('users (admin)', () => {
  it('creates users with validation, lists them and changes roles; only admins may', async () => {
    // The role is a GraphQL enum, refused before the resolver runs (with the allowed values); the other fields are
    // checked together.
    const badRole = await as(admin, 'mutation { createUser(input: { email: "x@y.eu", name: "X", role: BOSS }) { user { id } } }');
    expect(badRole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    expect(badRole.errors?.[0]?.message).toContain('VIEWER, ANALYST, ADMIN');
    const bad = await as(admin, 'mutation { createUser(input: { email: "nope", name: "", role: VIEWER, password: "short" }) { user { id } } }');
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.email', 'input.name', 'input.password']);
    const created = await as(
      admin,
      'mutation { createUser(input: { email: "Rita@Agency.eu", name: "Rita", role: VIEWER }) { user { id email role } generatedPassword } }',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createUser.user).toMatchObject({ email: 'rita@agency.eu', role: 'VIEWER' });
    const password = created.data.createUser.generatedPassword;
    expect(password).toHaveLength(20);
    expect((await loginResponse('rita@agency.eu', password)).body.data.login.user).toEqual({ name: 'Rita', role: 'VIEWER' });
    const duplicate = await as(admin, 'mutation { createUser(input: { email: "rita@agency.eu", name: "Rita 2", role: VIEWER }) { user { id } } }');
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });

    const promoted = await as(admin, 'mutation($id: ID!) { updateUserRole(id: $id, role: ANALYST) { role } }', { id: created.data.createUser.user.id });
    expect(promoted.data.updateUserRole.role).toBe('ANALYST');
    const self = await as(admin, 'mutation($id: ID!) { updateUserRole(id: $id, role: VIEWER) { role } }', { id: admin.user.id });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const byAnalyst = await as(analyst, 'mutation { createUser(input: { email: "x@y.eu", name: "X", role: ADMIN }) { user { id } } }');
    expect(byAnalyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await as(admin, '{ users { name role } }');
    expect(list.data.users.map((u: any) => u.name)).toContain('Rita');
  });

  it('never returns, stores in clear or logs a password', async () => {
    const type = await as(admin, '{ __type(name: "User") { fields { name } } }');
    expect(type.data.__type.fields.map((f: any) => f.name).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role', 'status']);
    const [stored] = await db.read<{ hash: string }>('MATCH (u:User {email: $email}) RETURN u.passwordHash AS hash', { email: analyst.email });
    expect(stored!.hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored!.hash).not.toContain(analyst.password);
    // A failing login with a password and an internal error path: nothing in the server log mentions either.
    await loginResponse(analyst.email, 'WrongHorseBatteryStaple');
    await loginResponse(analyst.email, analyst.password);
    const log = logLines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(analyst.password);
    expect(log).not.toContain('WrongHorseBatteryStaple');
    expect(log).not.toContain(stored!.hash);
    expect(log).not.toContain(analyst.token);
  });
});

describe('demo and public modes', () => {
  it('refuses every mutation in read-only mode with a clear FORBIDDEN message, while signing in and reading work', async () => {
    const demo = await startServer({ db, port: 0, auth: { readOnly: true } });
    try {
      const before = await count('MATCH (n) RETURN count(n) AS n');
      for (const mutation of WRITES) {
        const { errors } = await as(admin, mutation, undefined, demo.url);
        expect(errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
        expect(errors?.[0]?.message).toContain('read-only demo');
      }
      expect((await as(admin, 'mutation { createApiToken(name: "x") { secret } }', undefined, demo.url)).errors?.[0]?.message).toContain('read-only');
      expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(before);
      const cookie = await loginCookie(demo.url, viewer.email, viewer.password);
      expect((await as(cookie, '{ technologies { id } }', undefined, demo.url)).errors).toBeUndefined();
    } finally {
      await demo.close();
    }
  });

  it('lets anonymous visitors read, but not write, when reads are public', async () => {
    const open = await startServer({ db, port: 0, auth: { publicRead: true } });
    try {
      const read = await anonymous('{ technologies { id } }', undefined, open.url);
      expect(read.errors).toBeUndefined();
      const write = await anonymous(WRITES[0]!, undefined, open.url);
      expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await open.close();
    }
  });
});

describe('the first administrator', () => {
  it('is created with a generated password printed once, only when no user exists', async () => {
    const printed: string[] = [];
    await ensureFirstAdmin(db, (line) => printed.push(line), {});
    expect(printed).toEqual([]); // users exist: nothing happens
    await db.write('MATCH (n) WHERE n:User OR n:Session OR n:ApiToken DETACH DELETE n');
    await ensureFirstAdmin(db, (line) => printed.push(line), {});
    const password = printed.join('\n').match(/password: (\S+)/)?.[1];
    expect(password).toHaveLength(20);
    expect(printed.join('\n')).toContain(FIRST_ADMIN_EMAIL);
    expect((await loginResponse(FIRST_ADMIN_EMAIL, password!)).body.data.login.user).toEqual({ name: 'Administrator', role: 'ADMIN' });
    await ensureFirstAdmin(db, (line) => printed.push(line), {});
    expect(printed.filter((l) => l.includes('password:'))).toHaveLength(1);
  });
});
