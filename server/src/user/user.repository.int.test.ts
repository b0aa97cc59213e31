// Against the throwaway Neo4j: users are created once per email (normalised), listed by name without tombstones,
// change role; sessions and API tokens are stored by the hash of their secret and only work while live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { verifyPassword } from '../auth/password.js';
import { secretHash } from '../auth/secrets.js';
import type { Database } from '../db/database.js';
import {
  changeRole,
  closeSession,
  countUsers,
  findCredentials,
  insertApiToken,
  insertUser,
  listApiTokens,
  listUsers,
  normaliseEmail,
  openSession,
  revokeToken,
  userOfSession,
  userOfToken,
  type UserRecord,
} from './user.repository.js';

const queries = new QueryRecorder('user/user.repository');
let db: Database;
let ana: UserRecord;
let bo: UserRecord;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  // A deleted user's tombstone: counted, never listed nor changed.
  await db.write(`CREATE (:User {id: 'user:gone', name: 'Gone', status: 'deleted'})`);
});
afterAll(closeTestDatabase);

describe('users, sessions and API tokens', () => {
  it('users are created once per email, trimmed and lower-cased, with a password hash that verifies', async () => {
    expect(normaliseEmail('  Ana@Example.ORG ')).toBe('ana@example.org');
    ana = (await insertUser(db, { email: ' Ana@Example.org ', name: ' Ana ', role: 'analyst', password: 'correct horse' }))!;
    expect(ana).toMatchObject({ email: 'ana@example.org', name: 'Ana', role: 'analyst', status: 'active' });
    expect(ana.id).toMatch(/^user:[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(ana.createdAt))).toBe(false);
    expect(await insertUser(db, { email: 'ANA@example.org', name: 'Other', role: 'viewer', password: 'x' })).toBeNull();
    const credentials = await findCredentials(db, 'ANA@EXAMPLE.ORG');
    expect(credentials).toMatchObject({ id: ana.id, email: 'ana@example.org' });
    expect(await verifyPassword('correct horse', credentials!.passwordHash)).toBe(true);
    expect(await findCredentials(db, 'nobody@example.org')).toBeNull();
  });

  it('users are counted with tombstones, listed by name without them, and change role unless deleted', async () => {
    bo = (await insertUser(db, { email: 'bo@example.org', name: 'Bo', role: 'viewer', password: 'secret words' }))!;
    expect(await countUsers(db)).toBe(3);
    expect((await listUsers(db)).map((u) => [u.name, u.role])).toEqual([
      ['Ana', 'analyst'],
      ['Bo', 'viewer'],
    ]);
    expect(await changeRole(db, bo.id, 'admin')).toMatchObject({ id: bo.id, role: 'admin' });
    expect(await changeRole(db, 'user:gone', 'admin')).toBeNull();
    expect(await changeRole(db, 'user:nope', 'admin')).toBeNull();
  });

  it('sessions work until closed or expired, and only for an active user', async () => {
    const before = Date.now();
    const { secret, expiresAt } = await openSession(db, ana.id, 60_000);
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(60_000);
    expect(await userOfSession(db, secret)).toMatchObject({ id: ana.id, role: 'analyst', via: 'session', credentialId: secretHash(secret) });
    expect(await userOfSession(db, 'not-a-session')).toBeNull();
    const expired = await openSession(db, ana.id, -1_000);
    expect(await userOfSession(db, expired.secret)).toBeNull();
    // The next session opened tidies the expired one away.
    const other = await openSession(db, ana.id, 60_000);
    expect(await db.read('MATCH (s:Session) RETURN s.id AS id ORDER BY id')).toEqual(
      [secretHash(secret), secretHash(other.secret)].sort().map((id) => ({ id })),
    );
    await closeSession(db, secretHash(secret));
    expect(await userOfSession(db, secret)).toBeNull();
    await db.write(`MATCH (u:User {id: $id}) SET u.status = 'disabled'`, { id: ana.id });
    expect(await userOfSession(db, other.secret)).toBeNull();
    await db.write(`MATCH (u:User {id: $id}) SET u.status = 'active'`, { id: ana.id });
    expect(await userOfSession(db, other.secret)).toMatchObject({ id: ana.id });
  });

  it('API tokens are shown once, listed newest first, revoked by their owner or an admin, and then stop working', async () => {
    const first = await insertApiToken(db, ana.id, ' CI ');
    expect(first.secret.startsWith('atlas_')).toBe(true);
    expect(first.token).toMatchObject({ name: 'CI', lastUsedAt: null, revokedAt: null });
    const second = await insertApiToken(db, ana.id, 'Laptop');
    expect((await listApiTokens(db, ana.id)).map((t) => t.name)).toEqual(['Laptop', 'CI']);
    expect(await listApiTokens(db, bo.id)).toEqual([]);
    expect(await userOfToken(db, first.secret)).toMatchObject({ id: ana.id, via: 'token', credentialId: first.token.id });
    expect(await revokeToken(db, first.token.id, bo.id, false)).toBeNull();
    const revoked = await revokeToken(db, first.token.id, ana.id, false);
    expect(revoked!.revokedAt).not.toBeNull();
    // Revoking again (an admin) keeps the first time.
    expect(await revokeToken(db, first.token.id, bo.id, true)).toEqual(revoked);
    expect(await userOfToken(db, first.secret)).toBeNull();
    expect(await userOfToken(db, second.secret)).toMatchObject({ id: ana.id });
    await expect(insertApiToken(db, 'user:nope', 'x')).rejects.toThrow('No user user:nope to own the token.');
  });

  queries.snapshotTest();
});
