// The user lifecycle's rules: who may disable, delete or reset whom, the one-time reset code, and password changes.
// Validation comes first and names the field; the repository (account.repository.ts) writes in one transaction.
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { RequestAuth } from '../auth/auth-context.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password.js';
import type { AuthUser } from '../auth/roles.js';
import { readOnlyRefusal } from '../auth/refusals.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { problems, requiredText } from '../graphql/validation.js';
import { deleteUser, disableUser, enableUser, listTokensOf, passwordHashOf, redeemResetCode, replacePassword, storeResetCode } from './account.repository.js';
import { normaliseEmail } from './user.repository.js';
import { emailProblem, passwordProblem } from './user.validation.js';

/** How long a reset code works: long enough to pass it on by phone or chat the same day. */
export const RESET_CODE_HOURS = 24;
/** 16 characters from 32 letters and digits without look-alikes: 80 bits, typed as XXXX-XXXX-XXXX-XXXX. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RESET_FAILED = 'The email or reset code is not right, or the code has expired or was used. Ask an administrator for a new code.';

export function newResetCode(): string {
  const chars = [...randomBytes(16)].map((b) => CODE_ALPHABET[b % 32]); // 256 = 8 × 32: no modulo bias
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What the user typed, in the stored form: upper case, without spaces or dashes, regrouped. */
export function normaliseResetCode(code: string): string {
  const plain = code.toUpperCase().replace(/[\s-]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

function notYourself(actor: AuthUser, id: string, what: string) {
  if (actor.id === id) throw badInput({ field: 'id', message: `you cannot ${what} your own account; ask another administrator.` });
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function disableAccount(auth: RequestAuth, actor: AuthUser, id: string) {
  assertValid(problems(requiredText('id', id, 200)));
  notYourself(actor, id, 'disable');
  const user = await disableUser(auth.store, id, iso(auth.clock()));
  if (!user) throw notFound('user', id);
  return user;
}

export async function enableAccount(auth: RequestAuth, id: string) {
  assertValid(problems(requiredText('id', id, 200)));
  const user = await enableUser(auth.store, id);
  if (!user) throw notFound('user', id);
  return user;
}

export async function deleteAccount(auth: RequestAuth, actor: AuthUser, id: string) {
  assertValid(problems(requiredText('id', id, 200)));
  notYourself(actor, id, 'delete');
  const deleted = await deleteUser(auth.store, id, iso(auth.clock()));
  if (!deleted) throw notFound('user', id);
  return deleted;
}

export async function issueResetCode(auth: RequestAuth, id: string) {
  assertValid(problems(requiredText('id', id, 200)));
  const code = newResetCode();
  const expiresAt = iso(auth.clock() + RESET_CODE_HOURS * 3_600_000);
  const user = await storeResetCode(auth.store, id, code, expiresAt);
  if (!user) throw notFound('user', id);
  return { user, code, expiresAt };
}

/** Open to anyone with the code; failures share one message and count towards the sign-in rate limit. */
export async function resetPasswordWithCode(auth: RequestAuth, email: string, code: string, newPassword: string): Promise<boolean> {
  // Not @Authorized (it is for people who cannot sign in), so the demo's refusal is made here.
  if (auth.settings.readOnly) throw readOnlyRefusal('resetPassword');
  assertValid(
    problems(
      emailProblem('email', email),
      typeof code !== 'string' || code.trim().length === 0 || code.length > 40
        ? { field: 'code', message: 'must be the reset code your administrator gave you, such as ABCD-EFGH-JKLM-NPQR.' }
        : null,
      passwordProblem('newPassword', newPassword),
    ),
  );
  const key = `reset:${normaliseEmail(email)}`;
  const wait = auth.limiter.retryAfter(key, auth.ip);
  if (wait > 0) {
    throw new GraphQLError(`Too many failed attempts. Try again in ${Math.ceil(wait / 60_000)} minutes.`, {
      extensions: { code: 'RATE_LIMITED', retryAfter: Math.ceil(wait / 1000), retryable: false, http: { status: 429 } },
    });
  }
  const changed = await redeemResetCode(auth.store, normaliseEmail(email), normaliseResetCode(code), await hashPassword(newPassword), iso(auth.clock()));
  if (!changed) {
    auth.limiter.fail(key, auth.ip);
    throw new GraphQLError(RESET_FAILED, { extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
  }
  auth.limiter.succeed(key, auth.ip);
  return true;
}

/** Needs the current password; ends the user's other sessions (this one, if it is a session, stays). */
export async function changeOwnPassword(auth: RequestAuth, actor: AuthUser, currentPassword: string, newPassword: string) {
  assertValid(
    problems(
      typeof currentPassword !== 'string' || currentPassword.length === 0 ? { field: 'currentPassword', message: 'must not be empty.' } : null,
      passwordProblem('newPassword', newPassword),
      newPassword === currentPassword ? { field: 'newPassword', message: 'must differ from the current password.' } : null,
    ),
  );
  const key = `password:${actor.id}`;
  if (auth.limiter.retryAfter(key, auth.ip) > 0) {
    throw new GraphQLError('Too many wrong current passwords. Try again later, or ask an administrator for a reset code.', {
      extensions: { code: 'RATE_LIMITED', retryable: false, http: { status: 429 } },
    });
  }
  const stored = await passwordHashOf(auth.store, actor.id);
  const ok = await verifyPassword(currentPassword, stored ?? (await decoyHash()));
  if (!stored || !ok) {
    auth.limiter.fail(key, auth.ip);
    throw badInput({ field: 'currentPassword', message: 'is not right. Type the password you signed in with.' });
  }
  auth.limiter.succeed(key, auth.ip);
  const endedSessions = await replacePassword(auth.store, actor.id, await hashPassword(newPassword), actor.via === 'session' ? actor.credentialId : null);
  return endedSessions;
}

export function tokensOf(auth: RequestAuth, userId: string | null) {
  if (userId !== null) assertValid(problems(requiredText('userId', userId, 200)));
  return listTokensOf(auth.store, userId);
}
