// Random secrets (session ids, API tokens) and their stored form: only a SHA-256 of a secret is kept server-side,
// so a database dump does not contain usable credentials. The secrets are 256-bit random, so a fast hash suffices.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'atlas_';

export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
