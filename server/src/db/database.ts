// The single gateway to Neo4j: every query names its database, reads go through executeRead,
// writes through executeWrite (retried by the driver on transient errors), and rows come back plain.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toPlain } from './values.js';
import { compareVersions, DataVersion, splitVersion, VersionedCache } from './data-version.js';
import { bumpVersion, readVersion } from './data-version.repository.js';

export type Row = Record<string, any>;
export type Params = Record<string, unknown>;

/** A transaction handed to multi-statement writes; every statement inside commits or rolls back together. */
export interface WriteTx {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  /**
   * Names entities whose node or links this transaction changed (history's recordChange calls it for every Change it
   * writes). A write transaction that names none is "unknown": derived results are rebuilt from scratch after it.
   */
  touch?(ids: readonly (string | null | undefined)[]): void;
}

/**
 * Reads, inside a write transaction and after its work, what the derived results need to know about the touched
 * entities (supply-graph/supply-graph.changes.ts registers the one reader). Null: too many to read; rebuild instead.
 */
export type ChangeReader = (tx: WriteTx, touched: readonly string[]) => Promise<unknown | null>;
let changeReader: ChangeReader | null = null;

/** Registers the reader of each write's changes (once, at import of the supply graph's service). */
export function readChangesWith(reader: ChangeReader): void {
  changeReader = reader;
}

/** How many versions' change records a process keeps (older ones: the next derivation rebuilds from scratch). */
export const CHANGE_LOG_SIZE = 64;

/**
 * What a memo with `carry` gets when it can update instead of starting over: its value for an older version (a promise,
 * possibly rejected) and what every write since then changed, oldest first (see ChangeReader).
 */
export interface Carried<T> {
  value: Promise<T>;
  changes: readonly unknown[];
}

export interface DatabaseOptions {
  /** How old the known data version may be before a cached read re-reads it (ms; 0: always). See data-version.ts. */
  versionCheckMs?: number;
  /** Cache results derived from the graph (memo); default on. */
  resultCache?: boolean;
  /**
   * Rebuild the pinned, warm results (memo with `warm`) this many ms after the last write, in the background, so the
   * next request finds them ready; undefined: never (tests, scripts). `npm start`: ATLAS_WARM_AFTER_WRITE_MS.
   */
  warmAfterWriteMs?: number;
  /** The debounce's timer (tests pass a manual one so no assertion depends on the machine's speed). */
  timers?: WarmTimers;
}

export interface WarmTimers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: WarmTimers = {
  set: (fire, ms) => setTimeout(fire, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Shared {
  version: DataVersion;
  cache: VersionedCache;
  /** Version → what the write that made it changed (the reader's answer; null: unknown), for the last CHANGE_LOG_SIZE. */
  changes: Map<string, unknown | null>;
  /** The last value of each `carry` memo with its version, kept across versions (the cache drops it at a write). */
  carried: Map<string, { version: string; value: Promise<unknown> }>;
  warm: { delayMs: number | null; rebuild: Map<string, () => Promise<unknown>>; timer: unknown; timers: WarmTimers };
}

/** Values of `carry` memos that have resolved: at hand without waiting on a computation under way (memoAtHand). */
const resolved = new WeakSet<Promise<unknown>>();

// Every handle on one driver and database shares the version and the cache, so a write through any of them is seen
// by the next cached read of all of them.
const sharedByDriver = new WeakMap<Driver, Map<string, Shared>>();

function sharedState(driver: Driver, name: string): Shared {
  let byName = sharedByDriver.get(driver);
  if (!byName) sharedByDriver.set(driver, (byName = new Map()));
  let shared = byName.get(name);
  if (!shared)
    byName.set(
      name,
      (shared = {
        version: new DataVersion(),
        cache: new VersionedCache(),
        changes: new Map(),
        carried: new Map(),
        warm: { delayMs: null, rebuild: new Map(), timer: null, timers: REAL_TIMERS },
      }),
    );
  return shared;
}

export class Database {
  /** Round trips made through this handle; per-request handles let tests prove there is no N+1. */
  queryCount = 0;
  private readonly shared: Shared;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly parent?: Database,
    options: DatabaseOptions = {},
  ) {
    this.shared = sharedState(driver, name);
    if (options.versionCheckMs !== undefined) this.shared.version.maxAgeMs = options.versionCheckMs;
    if (options.resultCache !== undefined) this.shared.cache.enabled = options.resultCache;
    if (options.warmAfterWriteMs !== undefined) this.shared.warm.delayMs = options.warmAfterWriteMs;
    if (options.timers) this.shared.warm.timers = options.timers;
  }

  /** Hits and misses of the shared result cache (benchmarks and tests). */
  get cache(): VersionedCache {
    return this.shared.cache;
  }

  /**
   * A result derived from the graph, computed once per data version and shared by every request until a write.
   * The value must be treated as immutable by every caller. Without a version node (a database never written through
   * this class) nothing is cached. `pinned`: a whole-graph derivation that the LRU of small results must not evict.
   */
  async memo<T>(key: string, compute: (carried?: Carried<T>) => Promise<T>, options: { pinned?: boolean; warm?: boolean; carry?: boolean } = {}): Promise<T> {
    // Remembered once, so that a write can have it rebuilt before anyone asks again (see warmAfterWriteMs).
    if (options.warm && this.shared.warm.delayMs !== null && !this.shared.warm.rebuild.has(key)) {
      this.shared.warm.rebuild.set(key, () => this.memo(key, compute, { pinned: true, carry: options.carry }));
    }
    if (!this.shared.cache.enabled) return compute();
    const version = await this.shared.version.current(() => this.readVersion());
    if (version === null) return compute();
    if (!options.carry) return this.shared.cache.get(key, version, compute, options);
    // `carry`: the computation gets the value of an older version (with changesBetween, it can update that value
    // instead of deriving it from scratch), and its own value is kept for the next version's computation.
    return this.shared.cache.get(
      key,
      version,
      () => {
        const carried = this.shared.carried.get(key) as { version: string; value: Promise<T> } | undefined;
        const changes = carried ? this.changesBetween(carried.version, version) : null;
        const value = compute(carried && changes ? { value: carried.value, changes } : undefined);
        value.then(
          () => resolved.add(value),
          () => {},
        );
        const latest = this.shared.carried.get(key);
        if (!latest || compareVersions(version, latest.version) >= 0) this.shared.carried.set(key, { version, value });
        value.catch(() => {
          if (this.shared.carried.get(key)?.value === value) this.shared.carried.delete(key);
        });
        return value;
      },
      options,
    );
  }

  /**
   * Whether a `carry` memo's value for the current data version is at hand without a fetch: cached for this version, or
   * derivable from the value carried from an older one by the changes recorded since. Nothing is computed (the version
   * may be read, as memo does), so a caller can choose between that value and a smaller query of its own: the subgraph
   * below a root is cut from the whole graph only when the whole graph costs no fetch (supply-graph.service.ts).
   * A value still being computed is not at hand: it may be a whole fetch of seconds (a rebuild after another process's
   * write), which the caller's own query would not wait for. False without the result cache (ATLAS_RESULT_CACHE=false)
   * or a version: memo would compute from scratch then.
   */
  async memoAtHand(key: string): Promise<boolean> {
    if (!this.shared.cache.enabled) return false;
    const version = await this.shared.version.current(() => this.readVersion());
    if (version === null) return false;
    const cached = this.shared.cache.peek(key, version);
    if (cached) return resolved.has(cached);
    const carried = this.shared.carried.get(key);
    return carried !== undefined && resolved.has(carried.value) && this.changesBetween(carried.version, version) !== null;
  }

  /**
   * What the writes after `from` up to `to` changed, oldest first, as recorded by this process's write transactions
   * (see ChangeReader); null when any of them is not known here (written by another process, a seed load, a backup
   * restore, a write naming no entity, or too large to read), so the caller derives from scratch.
   */
  changesBetween(from: string, to: string): unknown[] | null {
    const [epochFrom, nFrom] = splitVersion(from);
    const [epochTo, nTo] = splitVersion(to);
    if (epochFrom !== epochTo || nTo < nFrom) return null;
    const list: unknown[] = [];
    for (let n = nFrom + 1; n <= nTo; n++) {
      const changes = this.shared.changes.get(`${epochTo}:${n}`);
      if (changes === undefined || changes === null) return null;
      list.push(changes);
    }
    return list;
  }

  private recordChanges(version: string, changes: unknown | null): void {
    const log = this.shared.changes;
    log.set(version, changes);
    while (log.size > CHANGE_LOG_SIZE) log.delete(log.keys().next().value!);
  }

  private async readVersion(): Promise<string | null> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => readVersion({ run: (cypher, params = {}) => runPlain(tx, cypher, params) }));
    } finally {
      await session.close();
    }
  }

  /** The newest data version this process knows (null before any read or write); see availability/version-header.ts. */
  get knownVersion(): string | null {
    return this.shared.version.latest;
  }

  /** A client has seen `version`, written through another API process: if it is newer than ours, re-read ours now. */
  async catchUp(version: string): Promise<void> {
    if (this.shared.version.isBehind(version)) await this.shared.version.refresh(() => this.readVersion());
  }

  /** A handle sharing the driver with its own round-trip counter (one per GraphQL request). */
  scoped(): Database {
    return new Database(this.driver, this.name, this);
  }

  private count() {
    this.queryCount++;
    if (this.parent) this.parent.queryCount++;
  }

  async read<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => runPlain<T>(tx, cypher, params));
    } finally {
      await session.close();
    }
  }

  async write<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(cypher, params));
  }

  /** Debounced: a burst of writes rebuilds the warm results once, after the last of them. */
  private scheduleWarm(): void {
    const warm = this.shared.warm;
    if (warm.delayMs === null || warm.rebuild.size === 0) return;
    if (warm.timer) warm.timers.clear(warm.timer);
    warm.timer = warm.timers.set(() => {
      warm.timer = null;
      // One at a time: they are whole-graph reads, and requests keep running meanwhile. A failure (e.g. Neo4j away)
      // only means the next request computes it itself.
      void (async () => {
        for (const rebuild of warm.rebuild.values()) await rebuild().catch(() => {});
      })();
    }, warm.delayMs);
  }

  /** A schema statement (constraints, indexes): its own transaction, which may hold no data write, so no version bump. */
  async schema(cypher: string): Promise<void> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(cypher));
    } finally {
      await session.close();
    }
  }

  /** Several reads in one transaction (one snapshot); nothing is written, so the data version does not move. */
  async readTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => work({ run: (cypher, params = {}) => runPlain(tx, cypher, params) }));
    } finally {
      await session.close();
    }
  }

  /**
   * Several statements in one transaction. `work` may be retried, so it must not have outside side effects.
   * The transaction also bumps the data version, so cached results made from the old graph are not served again.
   */
  async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      const { result, version, changes } = await session.executeWrite(async (tx) => {
        // Per attempt: the driver may retry `work`, and only the committed attempt's changes count.
        const touched = new Set<string>();
        let named = false;
        const plain: WriteTx = {
          run: (cypher, params = {}) => runPlain(tx, cypher, params),
          touch: (ids) => {
            named = true;
            for (const id of ids) if (id) touched.add(id);
          },
        };
        const result = await work(plain);
        // Read in the same transaction, after the work: exactly the state this write commits, whatever runs meanwhile.
        const reader = this.shared.cache.enabled && named ? changeReader : null;
        const changes = reader ? await reader(plain, [...touched]) : null;
        return { result, version: await bumpVersion(plain), changes };
      });
      // Recorded before the version is observed: whoever sees the new version finds what changed to make it.
      if (version !== null) this.recordChanges(version, changes);
      this.shared.version.observe(version);
      this.scheduleWarm();
      return result;
    } finally {
      await session.close();
    }
  }
}

async function runPlain<T extends Row>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => toPlain(record.toObject()) as T);
}
