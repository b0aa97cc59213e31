// "Who is the user" for one request: the session cookie or an `Authorization: Bearer` token becomes ctx.user.
// Lookups go through a handle that does not count towards the request's round trips (those measure the query itself).
import type { IncomingHttpHeaders } from 'node:http';
import { Database } from '../db/database.js';
import { userOfSession, userOfToken } from '../user/user.repository.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { LoginLimiter } from './sign-in-limiter.js';
import type { AuthUser } from './roles.js';

export interface AuthSettings {
  /** Every mutation refused (a demo). */
  readOnly: boolean;
  /** Anonymous visitors may read (queries); writes always need a signed-in user. */
  publicRead: boolean;
  /** How long a session lasts after sign-in. */
  sessionTtlMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { readOnly: false, publicRead: false, sessionTtlMs: 12 * 60 * 60 * 1000 };

/** Shared by every request of one server. */
export interface AuthService {
  settings: AuthSettings;
  limiter: LoginLimiter;
  /** Not counted in ctx.db.queryCount. */
  store: Database;
  /** Milliseconds since the epoch; tests pass their own to move time (reset-code expiry). */
  clock: () => number;
}

export function createAuthService(db: Database, settings: Partial<AuthSettings> = {}, clock: () => number = Date.now): AuthService {
  return {
    settings: { ...DEFAULT_AUTH_SETTINGS, ...settings },
    limiter: new LoginLimiter(undefined, undefined, clock),
    store: new Database(db.driver, db.name),
    clock,
  };
}

/** What a request knows about its caller, and how to answer with a cookie. */
export interface RequestAuth extends AuthService {
  ip: string;
  /** Over https (directly or behind a proxy saying so): the cookie gets Secure. */
  secure: boolean;
  setCookie(value: string): void;
}

export interface HttpRequestLike {
  headers: IncomingHttpHeaders;
  ip?: string;
  secure?: boolean;
  socket?: { remoteAddress?: string };
}

export interface HttpResponseLike {
  append(name: string, value: string): unknown;
}

export function requestAuth(service: AuthService, req: HttpRequestLike, res: HttpResponseLike): RequestAuth {
  return {
    ...service,
    ip: req.ip || req.socket?.remoteAddress || 'unknown',
    secure: Boolean(req.secure) || req.headers['x-forwarded-proto'] === 'https',
    setCookie: (value) => void res.append('Set-Cookie', value),
  };
}

/** The caller: a bearer token wins over the cookie. An unknown, revoked or expired credential means anonymous. */
export async function authenticate(service: AuthService, headers: IncomingHttpHeaders): Promise<AuthUser | null> {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return null;
    return userOfToken(service.store, match[1]!);
  }
  const session = readCookie(headers.cookie, SESSION_COOKIE);
  return session ? userOfSession(service.store, session) : null;
}
