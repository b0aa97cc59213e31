// A whole-response cache for the explorer's read-only queries, valid for one data version (db/data-version.ts): a
// write through any Database handle on the same Neo4j changes the version, so the next read computes afresh.
// Only queries whose root fields are all in CACHEABLE_ROOT_FIELDS (pure graph reads) are cached; the key holds the
// operation text, its name, the variables and who asks (user id and role), so nothing is shared between users.
// Responses with errors are not stored. Off when the Database's result cache is (ATLAS_RESULT_CACHE=false).
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { RequestContext } from './context.js';
import { operationRootFields } from './operation-fields.js';

/** Root fields whose answer depends only on the graph and the arguments. */
export const CACHEABLE_ROOT_FIELDS = new Set([
  'technology',
  'technologies',
  'technologyPage',
  'capability',
  'capabilities',
  'capabilityPage',
  'entity',
  'neighbours',
  'search',
  // The dependency view's reads: pure functions of the graph and their arguments (a hub's tree is MiBs of JSON, so a
  // repeated view is answered with the bytes instead of completing tens of thousands of fields again).
  'dependencyTree',
  'criticalDependencies',
  'singlePointsOfFailure',
  'sovereigntyReport',
  '__typename',
]);

export interface ResponseCacheOptions {
  maxEntries?: number;
  /** Rough bound on the JSON size of all stored responses. */
  maxBytes?: number;
  /** Entries also expire after this long, which bounds anything derived from the clock (e.g. "recent" signals). */
  maxAgeMs?: number;
}

interface Entry {
  epoch: object;
  storedAt: number;
  data: Record<string, unknown>;
  bytes: number;
  /** The HTTP body as Apollo would send it, made on the first fast-path hit. */
  body?: string;
}

// One object per data version (db.memo computes it once per version): identity comparison tells whether an entry
// was made from the current graph.
const EPOCH_KEY = 'graphql:response-cache:epoch';

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxAgeMs: number;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 2000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  get(key: string, epoch: object): Record<string, unknown> | null {
    return this.entry(key, epoch)?.data ?? null;
  }

  /** The HTTP body of an entry (`{"data":…}` as Apollo serialises it), or null. */
  body(key: string, epoch: object): string | null {
    const entry = this.entry(key, epoch);
    if (!entry) return null;
    entry.body ??= `${JSON.stringify({ data: entry.data })}\n`;
    return entry.body;
  }

  private entry(key: string, epoch: object): Entry | null {
    const entry = this.entries.get(key);
    if (!entry || entry.epoch !== epoch || Date.now() - entry.storedAt > this.maxAgeMs) {
      if (entry) this.drop(key, entry);
      this.misses++;
      return null;
    }
    this.hits++;
    // Re-inserting marks it most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, epoch: object, data: Record<string, unknown>): void {
    const bytes = JSON.stringify(data).length;
    if (bytes > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, { epoch, storedAt: Date.now(), data, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(k, e);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** The key of a request as sent: operation text, operation name, variables and who asks. */
export function requestKey(query: string, operationName: unknown, variables: unknown, user: AuthUser | null): string {
  const who = user ? `${user.id}:${user.role}` : 'anonymous';
  return createHash('sha256')
    .update(JSON.stringify([query, operationName ?? null, variables ?? {}, who]))
    .digest('base64');
}

/** The cache key of a cacheable request, or null when the operation must run (mutation, other fields, no text). */
export function cacheKeyOf(rc: GraphQLRequestContext<RequestContext>): string | null {
  const { operation, document, request, contextValue } = rc;
  if (!operation || operation.operation !== 'query' || !document || !request.query) return null;
  if (!operationRootFields(operation, document).every((f) => CACHEABLE_ROOT_FIELDS.has(f.name))) return null;
  // The operation name as the client sent it (null when absent), so the HTTP fast path computes the same key.
  return requestKey(request.query, request.operationName, request.variables, contextValue.user);
}

/** One object per data version; a fresh one on every call when the result cache is off or nothing was ever written. */
export function currentEpoch(db: Database): Promise<object> {
  // Pinned: the LRU of small results must not evict it (a new epoch would drop every cached response).
  return db.memo(EPOCH_KEY, async () => ({}), { pinned: true });
}

export function responseCachePlugin(cache = new ResponseCache()): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let epoch: object | null = null;
      return {
        async responseForOperation(rc) {
          if (!rc.contextValue.db.cache.enabled) return null;
          key = cacheKeyOf(rc);
          if (!key) return null;
          epoch = await currentEpoch(rc.contextValue.db);
          const data = cache.get(key, epoch);
          if (data) key = null; // served from the cache: nothing to store
          // Cached values are shared: the body is a new object each time; `data` itself is never modified downstream.
          return data ? { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } } : null;
        },
        async willSendResponse({ response }) {
          if (!key || !epoch || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors && data) cache.set(key, epoch, data);
        },
      };
    },
  };
}
