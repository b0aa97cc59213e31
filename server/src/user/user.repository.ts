// All Cypher for users, sessions and API tokens. Secrets are never stored: sessions and tokens are kept by the
// SHA-256 of their secret, passwords as scrypt hashes (auth/password.ts). No function here returns a hash.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, AUTH_LINKS } from '../db/labels.js';
import { hashPassword } from '../auth/password.js';
import { isRole, type AuthUser, type Role } from '../auth/roles.js';
import { newSecret, secretHash, TOKEN_PREFIX } from '../auth/secrets.js';

const { USER, SESSION, API_TOKEN } = AUTH_LABELS;
const { SESSION_OF, TOKEN_OF } = AUTH_LINKS;

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  /** active, or disabled (cannot sign in; sessions and tokens ended). Deleted users are never listed. */
  status: 'active' | 'disabled';
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Properties safe to hand out: everything but the password hash. */
export const USER_FIELDS = `u { .id, .email, .name, .role, createdAt: toString(u.createdAt), status: coalesce(u.status, 'active') }`;
/** Only an active user's session or token works (disabled and deleted users' never do, even if one was missed). */
const ACTIVE = `coalesce(u.status, 'active') = 'active'`;
const TOKEN_FIELDS = 't { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt) }';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(`MATCH (u:${USER}) RETURN count(u) AS n`);
  return row?.n ?? 0;
}

/** Creates a user; returns null when the email is taken. */
export async function insertUser(db: Database, input: { email: string; name: string; role: Role; password: string }): Promise<UserRecord | null> {
  const passwordHash = await hashPassword(input.password);
  return db.writeTransaction(async (tx) => {
    const taken = await tx.run(`MATCH (u:${USER} {email: $email}) RETURN u.id AS id`, { email: normaliseEmail(input.email) });
    if (taken.length > 0) return null;
    const [row] = await tx.run<{ user: UserRecord }>(
      `CREATE (u:${USER} {id: $id, email: $email, name: $name, role: $role, passwordHash: $passwordHash, createdAt: datetime()})
       RETURN ${USER_FIELDS} AS user`,
      { id: `user:${randomUUID()}`, email: normaliseEmail(input.email), name: input.name.trim(), role: input.role, passwordHash },
    );
    return row!.user;
  });
}

/** For sign-in only: the user with their password hash. */
export async function findCredentials(db: Database, email: string): Promise<(UserRecord & { passwordHash: string }) | null> {
  const [row] = await db.read<{ user: UserRecord & { passwordHash: string } }>(
    `MATCH (u:${USER} {email: $email}) RETURN u { .id, .email, .name, .role, .passwordHash, createdAt: ` +
      `toString(u.createdAt), status: coalesce(u.status, 'active') } AS user`,
    { email: normaliseEmail(email) },
  );
  return row?.user ?? null;
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  const rows = await db.read<{ user: UserRecord }>(
    `MATCH (u:${USER}) WHERE coalesce(u.status, 'active') <> 'deleted' RETURN ${USER_FIELDS} AS user ORDER BY u.name, u.email`,
  );
  return rows.map((r) => r.user);
}

export async function changeRole(db: Database, id: string, role: Role): Promise<UserRecord | null> {
  const [row] = await db.write<{ user: UserRecord }>(
    `MATCH (u:${USER} {id: $id}) WHERE coalesce(u.status, 'active') <> 'deleted' SET u.role = $role RETURN ${USER_FIELDS} AS user`,
    { id, role },
  );
  return row?.user ?? null;
}

// --- sessions ---------------------------------------------------------------------------------------------------

/** Opens a session; returns the secret for the cookie (only its hash is stored). */
export async function openSession(db: Database, userId: string, ttlMs: number): Promise<{ secret: string; expiresAt: string }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await db.write(
    `MATCH (u:${USER} {id: $userId})
     CREATE (s:${SESSION} {id: $id, createdAt: datetime(), expiresAt: datetime($expiresAt)})-[:${SESSION_OF}]->(u)
     WITH u
     // Expired sessions of this user are tidied up as new ones open.
     OPTIONAL MATCH (old:${SESSION})-[:${SESSION_OF}]->(u) WHERE old.expiresAt < datetime()
     DETACH DELETE old`,
    { userId, id: secretHash(secret), expiresAt },
  );
  return { secret, expiresAt };
}

export async function closeSession(db: Database, sessionHash: string): Promise<void> {
  await db.write(`MATCH (s:${SESSION} {id: $id}) DETACH DELETE s`, { id: sessionHash });
}

/** The user of an unexpired session secret, or null. */
export async function userOfSession(db: Database, secret: string): Promise<AuthUser | null> {
  const id = secretHash(secret);
  const [row] = await db.read<{ user: UserRecord }>(
    `MATCH (s:${SESSION} {id: $id})-[:${SESSION_OF}]->(u:${USER}) WHERE s.expiresAt > datetime() AND ${ACTIVE} RETURN ${USER_FIELDS} AS user`,
    { id },
  );
  return row && isRole(row.user.role) ? { ...pick(row.user), via: 'session', credentialId: id } : null;
}

// --- API tokens ------------------------------------------------------------------------------------------------

/** Creates a token; the secret is returned this once and only its hash is kept. */
export async function insertApiToken(db: Database, userId: string, name: string): Promise<{ token: ApiTokenRecord; secret: string }> {
  const secret = newSecret(TOKEN_PREFIX);
  const [row] = await db.write<{ token: ApiTokenRecord }>(
    `MATCH (u:${USER} {id: $userId})
     CREATE (t:${API_TOKEN} {id: $id, name: $name, hash: $hash, createdAt: datetime()})-[:${TOKEN_OF}]->(u)
     RETURN ${TOKEN_FIELDS} AS token`,
    { userId, id: `tok:${randomUUID()}`, name: name.trim(), hash: secretHash(secret) },
  );
  if (!row) throw new Error(`No user ${userId} to own the token.`);
  return { token: row.token, secret };
}

export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await db.read<{ token: ApiTokenRecord }>(
    `MATCH (t:${API_TOKEN})-[:${TOKEN_OF}]->(:${USER} {id: $userId}) RETURN ${TOKEN_FIELDS} AS token ORDER BY t.createdAt DESC`,
    { userId },
  );
  return rows.map((r) => r.token);
}

/** Revokes one of the user's tokens (admins: anyone's); null when there is no such token for them. */
export async function revokeToken(db: Database, id: string, userId: string, anyUser: boolean): Promise<ApiTokenRecord | null> {
  const [row] = await db.write<{ token: ApiTokenRecord }>(
    `MATCH (t:${API_TOKEN} {id: $id})-[:${TOKEN_OF}]->(u:${USER}) WHERE $anyUser OR u.id = $userId
     SET t.revokedAt = coalesce(t.revokedAt, datetime())
     RETURN ${TOKEN_FIELDS} AS token`,
    { id, userId, anyUser },
  );
  return row?.token ?? null;
}

/** The user of an unrevoked token secret, or null. */
export async function userOfToken(db: Database, secret: string): Promise<AuthUser | null> {
  const [row] = await db.read<{ user: UserRecord; tokenId: string }>(
    `MATCH (t:${API_TOKEN} {hash: $hash})-[:${TOKEN_OF}]->(u:${USER}) WHERE t.revokedAt IS NULL AND ${ACTIVE} RETURN ${USER_FIELDS} AS user, t.id AS tokenId`,
    { hash: secretHash(secret) },
  );
  return row && isRole(row.user.role) ? { ...pick(row.user), via: 'token', credentialId: row.tokenId } : null;
}

function pick(user: UserRecord) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, status: user.status };
}
