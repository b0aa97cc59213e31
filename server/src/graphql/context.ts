// Per-request context: a database handle that counts its round trips, and lazily created DataLoaders
// (one per kind of batch), so every request starts with empty caches.
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { RequestAuth } from '../auth/auth-context.js';
import type { AuthUser } from '../auth/roles.js';

export interface RequestContext {
  db: Database;
  loaders: Map<string, DataLoader<any, any>>;
  requestId: string;
  /** The signed-in user (session cookie or API token), or null when anonymous. Set by server/src/auth. */
  user: AuthUser | null;
  /** Sign-in machinery for this request (absent when a context is made outside HTTP, e.g. in a script). */
  auth?: RequestAuth;
  /** The caller's IP address: the mutation rate-limit key when anonymous (server/src/hardening). */
  clientIp?: string;
}

export function createContext(db: Database, requestId: string, who: { user?: AuthUser | null; auth?: RequestAuth } = {}): RequestContext {
  return { db: db.scoped(), loaders: new Map(), requestId, user: who.user ?? null, auth: who.auth };
}

/**
 * Declares a batch loader once, in the domain that owns its Cypher; `defineLoader(...)(ctx)` returns the request's instance.
 * The batch function gets every key asked for in one tick and must answer in the same order.
 */
export function defineLoader<K, V>(name: string, batch: (db: Database, keys: readonly K[]) => Promise<V[]>) {
  return (ctx: RequestContext): DataLoader<K, V> => {
    let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(ctx.db, keys), { maxBatchSize: 1000 });
      ctx.loaders.set(name, loader);
    }
    return loader;
  };
}

/** Groups rows by key in the order DataLoader asked for them (missing keys get an empty list). */
export function groupInOrder<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}
