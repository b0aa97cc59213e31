// Against the throwaway Neo4j: disabling a user ends their sessions and revokes their tokens at once; enabling does
// not bring them back; a reset code works once, before it expires; deleting leaves a tombstone that keeps authorship.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { secretHash } from '../auth/secrets.js';
import type { Database } from '../db/database.js';
import { deleteUser, disableUser, enableUser, listTokensOf, passwordHashOf, redeemResetCode, replacePassword, storeResetCode } from './account.repository.js';

const queries = new QueryRecorder('user/account.repository');
let db: Database;
const NOW = '2026-02-01T10:00:05.123Z';
const LATER = '2026-02-01T12:00:05.123Z';

const sessionsOf = (id: string) => db.read<{ id: string }>('MATCH (s:Session)-[:SESSION_OF]->(:User {id: $id}) RETURN s.id AS id ORDER BY id', { id });
const stored = (id: string) => db.read<{ props: Record<string, unknown> }>('MATCH (u:User {id: $id}) RETURN properties(u) AS props', { id });

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (ana:User {id: 'user:ana', email: 'ana@example.org', name: 'Ana', role: 'analyst', passwordHash: 'hash-ana', createdAt: datetime('2026-01-01T09:00:01Z')})
     CREATE (bo:User {id: 'user:bo', email: 'bo@example.org', name: 'Bo', role: 'admin', passwordHash: 'hash-bo', createdAt: datetime('2026-01-01T09:00:02Z')})
     CREATE (:Session {id: 'sa1', expiresAt: datetime() + duration('P1D')})-[:SESSION_OF]->(ana)
     CREATE (:Session {id: 'sb1', expiresAt: datetime() + duration('P1D')})-[:SESSION_OF]->(bo)
     CREATE (:Session {id: 'sb2', expiresAt: datetime() + duration('P1D')})-[:SESSION_OF]->(bo)
     CREATE (:ApiToken {id: 'tok:a1', name: 'CI', hash: 'x1', createdAt: datetime('2026-01-02T09:00:01Z')})-[:TOKEN_OF]->(ana)
     CREATE (:ApiToken {id: 'tok:a2', name: 'Old', hash: 'x2', createdAt: datetime('2026-01-03T09:00:01Z'),
                        revokedAt: datetime('2026-01-04T09:00:01Z')})-[:TOKEN_OF]->(ana)
     CREATE (:ApiToken {id: 'tok:b1', name: 'Laptop', hash: 'x3', createdAt: datetime('2026-01-05T09:00:01Z')})-[:TOKEN_OF]->(bo)
     CREATE (:Entity:Annotation {id: 'ann:1', name: 'Note by Bo', authorId: 'user:bo'})`,
  );
});
afterAll(closeTestDatabase);

describe('user accounts', () => {
  it('list tokens of one user or of everyone, newest first, with their owner', async () => {
    expect((await listTokensOf(db, null)).map((t) => [t.id, t.ownerName])).toEqual([
      ['tok:b1', 'Bo'],
      ['tok:a2', 'Ana'],
      ['tok:a1', 'Ana'],
    ]);
    expect(await listTokensOf(db, 'user:ana')).toEqual([
      {
        id: 'tok:a2',
        name: 'Old',
        createdAt: '2026-01-03T09:00:01Z',
        lastUsedAt: null,
        revokedAt: '2026-01-04T09:00:01Z',
        ownerId: 'user:ana',
        ownerName: 'Ana',
      },
      { id: 'tok:a1', name: 'CI', createdAt: '2026-01-02T09:00:01Z', lastUsedAt: null, revokedAt: null, ownerId: 'user:ana', ownerName: 'Ana' },
    ]);
    expect(await listTokensOf(db, 'user:nope')).toEqual([]);
  });

  it('disable a user, ending their sessions and revoking their live tokens in the same write', async () => {
    expect(await disableUser(db, 'user:ana', NOW)).toMatchObject({ id: 'user:ana', status: 'disabled' });
    expect(await sessionsOf('user:ana')).toEqual([]);
    expect(await sessionsOf('user:bo')).toHaveLength(2);
    expect((await listTokensOf(db, 'user:ana')).map((t) => [t.id, t.revokedAt])).toEqual([
      ['tok:a2', '2026-01-04T09:00:01Z'],
      ['tok:a1', NOW],
    ]);
    expect(await disableUser(db, 'user:nope', NOW)).toBeNull();
  });

  it('enable a user again, leaving their tokens revoked', async () => {
    expect(await enableUser(db, 'user:ana')).toMatchObject({ id: 'user:ana', status: 'active' });
    expect((await stored('user:ana'))[0]!.props.disabledAt).toBeUndefined();
    expect((await listTokensOf(db, 'user:ana')).every((t) => t.revokedAt !== null)).toBe(true);
    expect(await enableUser(db, 'user:nope')).toBeNull();
  });

  it('redeem a reset code once, before it expires, ending every session', async () => {
    await db.write(`MATCH (u:User {id: 'user:ana'}) CREATE (:Session {id: 'sa2', expiresAt: datetime() + duration('P1D')})-[:SESSION_OF]->(u)`);
    expect(await storeResetCode(db, 'user:ana', 'code-123', LATER)).toMatchObject({ id: 'user:ana' });
    expect((await stored('user:ana'))[0]!.props.resetCodeHash).toBe(secretHash('code-123'));
    expect(await storeResetCode(db, 'user:nope', 'code-123', LATER)).toBeNull();
    expect(await redeemResetCode(db, 'ana@example.org', 'code-999', 'hash-new', NOW)).toBe(false);
    expect(await redeemResetCode(db, 'ana@example.org', 'code-123', 'hash-new', '2026-02-01T12:00:06Z')).toBe(false);
    expect(await passwordHashOf(db, 'user:ana')).toBe('hash-ana');
    expect(await redeemResetCode(db, 'ana@example.org', 'code-123', 'hash-new', NOW)).toBe(true);
    expect(await passwordHashOf(db, 'user:ana')).toBe('hash-new');
    expect(await sessionsOf('user:ana')).toEqual([]);
    expect(await redeemResetCode(db, 'ana@example.org', 'code-123', 'hash-again', NOW)).toBe(false);
    expect(await passwordHashOf(db, 'user:nope')).toBeNull();
  });

  it('replace a password, ending every session but the current one', async () => {
    expect(await replacePassword(db, 'user:bo', 'hash-bo-2', 'sb2')).toBe(1);
    expect(await sessionsOf('user:bo')).toEqual([{ id: 'sb2' }]);
    expect(await passwordHashOf(db, 'user:bo')).toBe('hash-bo-2');
    expect(await replacePassword(db, 'user:nope', 'x', null)).toBe(0);
  });

  it('delete a user down to a tombstone with id and name, marking what they wrote; nothing more can be done to it', async () => {
    expect(await deleteUser(db, 'user:bo', NOW)).toEqual({ id: 'user:bo', name: 'Bo' });
    const [{ props }] = (await stored('user:bo')) as [{ props: Record<string, unknown> }];
    expect([props.status, props.email, props.passwordHash, props.name]).toEqual(['deleted', undefined, undefined, 'Bo']);
    expect(await sessionsOf('user:bo')).toEqual([]);
    expect(await listTokensOf(db, 'user:bo')).toEqual([]);
    expect(await db.read(`MATCH (n:Annotation {id: 'ann:1'}) RETURN n.authorFormer AS former`)).toEqual([{ former: true }]);
    expect(await deleteUser(db, 'user:bo', NOW)).toBeNull();
    expect(await disableUser(db, 'user:bo', NOW)).toBeNull();
    expect(await enableUser(db, 'user:bo')).toBeNull();
    expect(await storeResetCode(db, 'user:bo', 'c', LATER)).toBeNull();
    expect(await passwordHashOf(db, 'user:bo')).toBeNull();
    expect(await replacePassword(db, 'user:bo', 'x', null)).toBe(0);
  });

  queries.snapshotTest();
});
