// The user lifecycle over real HTTP against a real Neo4j: disabling ends sessions and tokens at once, deleting keeps
// authorship (shown as a former user), one-time reset codes (single use, expiring on the server's clock), anyone's
// tokens for admins, and changing your own password (ends your other sessions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { RESET_CODE_HOURS, RESET_FAILED } from '../server/src/user/account.service.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { authHeaders, createUserWithToken, loginCookie, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let admin: TestUser;
/** The server's sign-in clock; tests move it to pass a reset code's expiry. */
let now = Date.parse('2026-03-01T09:00:00Z');

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, mappingFixture(3));
  server = await startServer({ db, port: 0, clock: () => now });
  admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
});
afterAll(async () => {
  await server?.close();
  await closeTestDatabase();
});

const as = (who: TestUser | string | null, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(server.url, query, variables, who === null ? {} : typeof who === 'string' ? { cookie: who } : authHeaders(who.token));
const meOf = async (who: TestUser | string) => (await as(who, '{ me { name } }')).data?.me ?? null;
const count = async (cypher: string, params: Record<string, unknown> = {}) => (await db.read<{ n: number }>(cypher, params))[0]!.n;
const firstError = (body: { errors?: { message: string; extensions?: Record<string, any> }[] }) => body.errors?.[0];

describe('disable and enable', () => {
  it('ends the user’s sessions and tokens at once; a disabled user cannot sign in; enabling does not revive old credentials', async () => {
    const ana = await createUserWithToken(db, 'analyst', { name: 'Ana Disabled' });
    const cookie = await loginCookie(server.url, ana.email, ana.password);
    expect(await meOf(ana)).toEqual({ name: 'Ana Disabled' });
    expect(await meOf(cookie)).toEqual({ name: 'Ana Disabled' });

    const disabled = await as(admin, 'mutation($id: ID!) { disableUser(id: $id) { name status } }', { id: ana.user.id });
    expect(disabled.data).toEqual({ disableUser: { name: 'Ana Disabled', status: 'DISABLED' } });
    // The very next request with either credential is anonymous, and writes are refused as signed out.
    expect(await meOf(ana)).toBeNull();
    expect(await meOf(cookie)).toBeNull();
    const write = await as(ana, 'mutation { createTechnology(input: { name: "After disable" }) { id } }');
    expect(firstError(write)?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('MATCH (:Session)-[:SESSION_OF]->(:User {id: $id}) RETURN count(*) AS n', { id: ana.user.id })).toBe(0);
    expect(await count('MATCH (t:ApiToken)-[:TOKEN_OF]->(:User {id: $id}) WHERE t.revokedAt IS NULL RETURN count(*) AS n', { id: ana.user.id })).toBe(0);

    const login = await as(null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', { e: ana.email, p: ana.password });
    expect(firstError(login)?.message).toBe('This account is disabled. Ask an administrator to enable it.');
    // A wrong password on a disabled account gets the generic message: nothing is revealed without the password.
    const wrong = await as(null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', {
      e: ana.email,
      p: 'not-the-password-1',
    });
    expect(firstError(wrong)?.message).toBe('The email or password is not right.');

    const enabled = await as(admin, 'mutation($id: ID!) { enableUser(id: $id) { status } }', { id: ana.user.id });
    expect(enabled.data).toEqual({ enableUser: { status: 'ACTIVE' } });
    expect(await meOf(ana)).toBeNull();
    expect(await meOf(cookie)).toBeNull();
    expect(await meOf(await loginCookie(server.url, ana.email, ana.password))).toEqual({ name: 'Ana Disabled' });
  });

  it('refuses disabling yourself and unknown users, naming the field', async () => {
    const self = await as(admin, 'mutation($id: ID!) { disableUser(id: $id) { id } }', { id: admin.user.id });
    expect(firstError(self)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(firstError(self)?.message).toContain('ask another administrator');
    const unknown = await as(admin, 'mutation { disableUser(id: "user:nobody") { id } }');
    expect(firstError(unknown)?.extensions?.code).toBe('NOT_FOUND');
    const blank = await as(admin, 'mutation { deleteUser(id: "") { id } }');
    expect(firstError(blank)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await meOf(admin)).toEqual({ name: 'Adam Admin' });
  });
});

describe('delete', () => {
  it('removes sign-in, sessions and tokens; keeps what they wrote under their name, marked as by a former user', async () => {
    const dora = await createUserWithToken(db, 'analyst', { name: 'Dora Departed' });
    const cookie = await loginCookie(server.url, dora.email, dora.password);
    const note = await as(dora, 'mutation { annotate(input: { targetId: "tech:t000", text: "Dora’s note", impact: 3 }) { id authorFormer } }');
    const scenario = await as(dora, 'mutation { createScenario(input: { name: "Dora’s scenario", horizon: 2030 }) { id authorFormer } }');
    expect(note.data.annotate.authorFormer).toBe(false);
    expect(scenario.data.createScenario.authorFormer).toBe(false);

    const deleted = await as(admin, 'mutation($id: ID!) { deleteUser(id: $id) { id name } }', { id: dora.user.id });
    expect(deleted.data).toEqual({ deleteUser: { id: dora.user.id, name: 'Dora Departed' } });
    expect(await meOf(dora)).toBeNull();
    expect(await meOf(cookie)).toBeNull();
    expect(await count('MATCH (n) WHERE (n:Session OR n:ApiToken) AND (n)--(:User {id: $id}) RETURN count(n) AS n', { id: dora.user.id })).toBe(0);
    // The tombstone keeps id and name only.
    const [tomb] = await db.read<{ keys: string[] }>('MATCH (u:User {id: $id}) RETURN keys(u) AS keys', { id: dora.user.id });
    expect(tomb!.keys.sort()).toEqual(['createdAt', 'deletedAt', 'id', 'name', 'role', 'status']);

    const after = await as(
      admin,
      `query($a: ID!, $s: ID!) { annotation(id: $a) { author authorFormer } scenario(id: $s) { author authorFormer }
      users { name } ratingSpread(targetId: "tech:t000") { raters impact { mean } } }`,
      { a: note.data.annotate.id, s: scenario.data.createScenario.id },
    );
    expect(after.data.annotation).toEqual({ author: 'Dora Departed', authorFormer: true });
    expect(after.data.scenario).toEqual({ author: 'Dora Departed', authorFormer: true });
    expect(after.data.users.map((u: { name: string }) => u.name)).not.toContain('Dora Departed');
    // Her vote stays: the assessment was made, by someone who has since left.
    expect(after.data.ratingSpread.impact.mean).toBe(3);

    // The email is free again; the new account is somebody else and owns none of her work.
    const again = await as(admin, 'mutation($e: String!) { createUser(input: { email: $e, name: "Dora Again", role: VIEWER }) { user { name } } }', {
      e: dora.email,
    });
    expect(again.data.createUser.user.name).toBe('Dora Again');
    const twice = await as(admin, 'mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: dora.user.id });
    expect(firstError(twice)?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('password reset code', () => {
  const RESET = 'mutation($e: String!, $c: String!, $p: String!) { resetPassword(email: $e, code: $c, newPassword: $p) }';

  it('is shown once, works once, ends every session, and expires after the documented hours', async () => {
    const rita = await createUserWithToken(db, 'viewer', { name: 'Rita Reset' });
    const cookie = await loginCookie(server.url, rita.email, rita.password);
    const issued = await as(admin, 'mutation($id: ID!) { issuePasswordResetCode(id: $id) { code expiresAt user { name } } }', { id: rita.user.id });
    const { code, expiresAt } = issued.data.issuePasswordResetCode;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt).toBe(new Date(now + RESET_CODE_HOURS * 3_600_000).toISOString());
    // Only a hash is stored.
    expect(await count('MATCH (u:User) WHERE any(k IN keys(u) WHERE u[k] = $code) RETURN count(u) AS n', { code })).toBe(0);

    const wrong = await as(null, RESET, { e: rita.email, c: 'AAAA-BBBB-CCCC-DDDD', p: 'a-new-long-password' });
    expect(firstError(wrong)?.message).toBe(RESET_FAILED);
    expect(firstError(wrong)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const short = await as(null, RESET, { e: rita.email, c: code, p: 'short' });
    expect(firstError(short)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    // Typed in lower case without dashes, as people do.
    const done = await as(null, RESET, { e: rita.email.toUpperCase(), c: code.toLowerCase().replaceAll('-', ' '), p: 'a-new-long-password' });
    expect(done.data).toEqual({ resetPassword: true });
    expect(await meOf(cookie)).toBeNull();
    expect(await meOf(await loginCookie(server.url, rita.email, 'a-new-long-password'))).toEqual({ name: 'Rita Reset' });
    const reused = await as(null, RESET, { e: rita.email, c: code, p: 'another-long-password' });
    expect(firstError(reused)?.message).toBe(RESET_FAILED);

    const later = (await as(admin, 'mutation($id: ID!) { issuePasswordResetCode(id: $id) { code } }', { id: rita.user.id })).data.issuePasswordResetCode.code;
    now += RESET_CODE_HOURS * 3_600_000 + 1;
    const expired = await as(null, RESET, { e: rita.email, c: later, p: 'another-long-password' });
    expect(firstError(expired)?.message).toBe(RESET_FAILED);
    expect(await meOf(await loginCookie(server.url, rita.email, 'a-new-long-password'))).toEqual({ name: 'Rita Reset' });
  });

  it('is for admins only to issue', async () => {
    const vic = await createUserWithToken(db, 'analyst', { name: 'Vic' });
    const refused = await as(vic, 'mutation($id: ID!) { issuePasswordResetCode(id: $id) { code } }', { id: vic.user.id });
    expect(firstError(refused)?.extensions?.code).toBe('FORBIDDEN');
    expect(await count('MATCH (u:User {id: $id}) WHERE u.resetCodeHash IS NOT NULL RETURN count(u) AS n', { id: vic.user.id })).toBe(0);
  });
});

describe('tokens of anyone', () => {
  it('admins list every user’s tokens with their owner, and revoke one that then stops working', async () => {
    const tom = await createUserWithToken(db, 'analyst', { name: 'Tom Tokens' });
    const listed = await as(admin, 'query($id: ID) { userApiTokens(userId: $id) { id name ownerName revokedAt } }', { id: tom.user.id });
    expect(listed.data.userApiTokens).toEqual([{ id: expect.stringMatching(/^tok:/), name: 'tests', ownerName: 'Tom Tokens', revokedAt: null }]);
    const everyone = await as(admin, '{ userApiTokens { ownerName } }');
    expect(everyone.data.userApiTokens.map((t: { ownerName: string }) => t.ownerName)).toEqual(expect.arrayContaining(['Tom Tokens', 'Adam Admin']));
    const byAnalyst = await as(tom, '{ userApiTokens { id } }');
    expect(firstError(byAnalyst)?.extensions?.code).toBe('FORBIDDEN');

    const revoked = await as(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: listed.data.userApiTokens[0].id });
    expect(revoked.data.revokeApiToken.revokedAt).toEqual(expect.any(String));
    expect(await meOf(tom)).toBeNull();
  });
});

describe('change my password', () => {
  const CHANGE = 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }';

  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const cara = await createUserWithToken(db, 'viewer', { name: 'Cara Change' });
    const here = await loginCookie(server.url, cara.email, cara.password);
    const elsewhere = await loginCookie(server.url, cara.email, cara.password);

    const wrong = await as(here, CHANGE, { c: 'not-my-password', n: 'my-brand-new-password' });
    expect(firstError(wrong)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await as(here, CHANGE, { c: cara.password, n: 'short' });
    expect(firstError(short)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const anonymous = await as(null, CHANGE, { c: cara.password, n: 'my-brand-new-password' });
    expect(firstError(anonymous)?.extensions?.code).toBe('UNAUTHENTICATED');

    const changed = await as(here, CHANGE, { c: cara.password, n: 'my-brand-new-password' });
    expect(changed.data).toEqual({ changeMyPassword: 1 });
    expect(await meOf(here)).toEqual({ name: 'Cara Change' });
    expect(await meOf(elsewhere)).toBeNull();
    // Tokens are for scripts and stay; revoke them separately.
    expect(await meOf(cara)).toEqual({ name: 'Cara Change' });
    await expect(loginCookie(server.url, cara.email, cara.password)).rejects.toThrow('The email or password is not right.');
    expect(await meOf(await loginCookie(server.url, cara.email, 'my-brand-new-password'))).toEqual({ name: 'Cara Change' });
  });
});
