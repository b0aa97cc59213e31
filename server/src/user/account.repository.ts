// All Cypher of the user lifecycle: disable/enable, delete (a tombstone that keeps authorship), one-time password-reset
// codes, password changes, and tokens of any user. Ending access is done in the same transaction as the status change,
// so there is no moment where a disabled user still has a working session or token.
import type { Database } from '../db/database.js';
import { AUTH_LABELS, AUTH_LINKS, ENTITY_LABEL } from '../db/labels.js';
import { secretHash } from '../auth/secrets.js';
import type { ApiTokenRecord, UserRecord } from './user.repository.js';
import { USER_FIELDS } from './user.repository.js';

const { USER, SESSION, API_TOKEN } = AUTH_LABELS;
const { SESSION_OF, TOKEN_OF } = AUTH_LINKS;

/** A user that is not deleted (deleted users stay as tombstones so their authorship can be shown). */
const LIVE = `coalesce(u.status, 'active') <> 'deleted'`;

/** Disables a user and, in the same transaction, ends their sessions and revokes their tokens. Null: no such user. */
export async function disableUser(db: Database, id: string, now: string): Promise<UserRecord | null> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ user: UserRecord }>(
      `MATCH (u:${USER} {id: $id}) WHERE ${LIVE}
       SET u.status = 'disabled', u.disabledAt = datetime($now)
       WITH u
       CALL (u) { OPTIONAL MATCH (s:${SESSION})-[:${SESSION_OF}]->(u) DETACH DELETE s }
       CALL (u) { OPTIONAL MATCH (t:${API_TOKEN})-[:${TOKEN_OF}]->(u) WHERE t.revokedAt IS NULL SET t.revokedAt = datetime($now) }
       RETURN ${USER_FIELDS} AS user`,
      { id, now },
    );
    return row?.user ?? null;
  });
}

/** Lets a disabled user sign in again. Their old sessions and tokens stay ended: they sign in and make new ones. */
export async function enableUser(db: Database, id: string): Promise<UserRecord | null> {
  const [row] = await db.write<{ user: UserRecord }>(
    `MATCH (u:${USER} {id: $id}) WHERE ${LIVE} SET u.status = 'active' REMOVE u.disabledAt RETURN ${USER_FIELDS} AS user`,
    { id },
  );
  return row?.user ?? null;
}

/**
 * Deletes a user: sessions and tokens go, the User node stays as a tombstone with its id and name only (no email, no
 * password), and everything they wrote is marked `authorFormer` so it shows "former user" next to the kept name.
 */
export async function deleteUser(db: Database, id: string, now: string): Promise<{ id: string; name: string } | null> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ id: string; name: string }>(
      `MATCH (u:${USER} {id: $id}) WHERE ${LIVE}
       CALL (u) { OPTIONAL MATCH (s:${SESSION})-[:${SESSION_OF}]->(u) DETACH DELETE s }
       CALL (u) { OPTIONAL MATCH (t:${API_TOKEN})-[:${TOKEN_OF}]->(u) DETACH DELETE t }
       CALL (u) { OPTIONAL MATCH (n:${ENTITY_LABEL} {authorId: u.id}) SET n.authorFormer = true }
       SET u.status = 'deleted', u.deletedAt = datetime($now)
       REMOVE u.email, u.passwordHash, u.resetCodeHash, u.resetCodeExpiresAt, u.disabledAt
       RETURN u.id AS id, u.name AS name`,
      { id, now },
    );
    return row ?? null;
  });
}

/** Stores the hash of a new reset code (replacing any earlier one) with its expiry. Null: no such user. */
export async function storeResetCode(db: Database, id: string, code: string, expiresAt: string): Promise<UserRecord | null> {
  const [row] = await db.write<{ user: UserRecord }>(
    `MATCH (u:${USER} {id: $id}) WHERE ${LIVE}
     SET u.resetCodeHash = $hash, u.resetCodeExpiresAt = datetime($expiresAt)
     RETURN ${USER_FIELDS} AS user`,
    { id, hash: secretHash(code), expiresAt },
  );
  return row?.user ?? null;
}

/**
 * Uses a reset code: when it matches the email's user, is unexpired at `now` and the user is active, sets the new
 * password hash, removes the code (single use) and ends every session. True when the password changed.
 */
export async function redeemResetCode(db: Database, email: string, code: string, passwordHash: string, now: string): Promise<boolean> {
  const [row] = await db.write<{ id: string }>(
    `MATCH (u:${USER} {email: $email})
     WHERE coalesce(u.status, 'active') = 'active' AND u.resetCodeHash = $hash AND u.resetCodeExpiresAt > datetime($now)
     SET u.passwordHash = $passwordHash
     REMOVE u.resetCodeHash, u.resetCodeExpiresAt
     WITH u
     CALL (u) { OPTIONAL MATCH (s:${SESSION})-[:${SESSION_OF}]->(u) DETACH DELETE s }
     RETURN u.id AS id`,
    { email, hash: secretHash(code), passwordHash, now },
  );
  return Boolean(row);
}

export async function passwordHashOf(db: Database, id: string): Promise<string | null> {
  const [row] = await db.read<{ hash: string | null }>(`MATCH (u:${USER} {id: $id}) WHERE ${LIVE} RETURN u.passwordHash AS hash`, { id });
  return row?.hash ?? null;
}

/** Sets a new password hash and ends every session of the user except `keepSession` (the hash of the current one). */
export async function replacePassword(db: Database, id: string, passwordHash: string, keepSession: string | null): Promise<number> {
  const [row] = await db.write<{ ended: number }>(
    `MATCH (u:${USER} {id: $id}) WHERE ${LIVE}
     SET u.passwordHash = $passwordHash
     WITH u
     CALL (u) {
       OPTIONAL MATCH (s:${SESSION})-[:${SESSION_OF}]->(u) WHERE s.id <> coalesce($keep, '')
       DETACH DELETE s
       RETURN count(s) AS ended
     }
     RETURN ended`,
    { id, passwordHash, keep: keepSession },
  );
  return row?.ended ?? 0;
}

export interface OwnedTokenRecord extends ApiTokenRecord {
  ownerId: string;
  ownerName: string;
}

/** Every token of one user, or of everyone when userId is null (admins), newest first. */
export async function listTokensOf(db: Database, userId: string | null): Promise<OwnedTokenRecord[]> {
  const rows = await db.read<{ token: OwnedTokenRecord }>(
    `MATCH (t:${API_TOKEN})-[:${TOKEN_OF}]->(u:${USER}) WHERE $userId IS NULL OR u.id = $userId
     RETURN t { .id, .name, createdAt: toString(t.createdAt), lastUsedAt: toString(t.lastUsedAt), revokedAt: toString(t.revokedAt),
                ownerId: u.id, ownerName: u.name } AS token
     ORDER BY t.createdAt DESC`,
    { userId },
  );
  return rows.map((r) => r.token);
}
