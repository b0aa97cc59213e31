// The data version: a counter in the database that every write transaction bumps, so derived results (the compiled
// supply graph, capability reach counts, cached explorer reads) can be cached and dropped the moment the graph changes —
// also when another API instance on the same Neo4j wrote, which is seen within `maxAgeMs`.
export { DATA_VERSION_LABEL } from './labels.js';

/**
 * Orders two version strings: > 0 when `a` is newer than `b` (or `b` is unknown), < 0 when older, 0 when equal.
 * Versions of different epochs (the database was wiped in between) cannot be ordered: they count as newer, so whoever
 * holds the other one re-reads.
 */
export function compareVersions(a: string, b: string | null): number {
  if (b === null) return 1;
  const [epochA, nA] = splitVersion(a);
  const [epochB, nB] = splitVersion(b);
  return epochA !== epochB ? 1 : Math.sign(nA - nB);
}

/** A version string's epoch and counter. */
export function splitVersion(version: string): [string, number] {
  const colon = version.lastIndexOf(':');
  return [version.slice(0, colon), Number(version.slice(colon + 1))];
}

/** The last known version, re-read from the database when older than maxAgeMs (0: before every cached read). */
export class DataVersion {
  private known: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: { read: Promise<string | null>; seq: number } | null = null;
  /** Counts our own committed writes: a read that started before one of them may return an older version. */
  private seq = 0;

  constructor(public maxAgeMs = 0) {}

  /** A write of ours committed: its version is the newest we know. */
  observe(version: string | null): void {
    if (version === null) return;
    this.seq++;
    // Concurrent writes may report back out of order: never step back to an older version of the same epoch.
    if (this.known === null || compareVersions(version, this.known) > 0) this.known = version;
    this.checkedAt = Date.now();
  }

  /** The newest version known here (sent to clients, who send it back to any API process: read-your-writes). */
  get latest(): string | null {
    return this.known;
  }

  /** True when a client has seen a version this process does not know yet (written through another process). */
  isBehind(seen: string): boolean {
    return compareVersions(seen, this.known) > 0;
  }

  /** Re-reads now, ignoring maxAgeMs and any read already under way (it may have started before the other write). */
  refresh(read: () => Promise<string | null>): Promise<string | null> {
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.pending = null;
    return this.current(read);
  }

  async current(read: () => Promise<string | null>): Promise<string | null> {
    if (this.maxAgeMs > 0 && Date.now() - this.checkedAt <= this.maxAgeMs) return this.known;
    // Concurrent requests share one read, unless it started before our latest write (it could miss that write).
    if (!this.pending || this.pending.seq !== this.seq) {
      const seq = this.seq;
      const pending = {
        seq,
        read: read()
          .then((version) => {
            // A write of ours committed meanwhile: what it observed is at least as new as this read.
            if (this.seq !== seq) return this.known;
            this.known = version;
            this.checkedAt = Date.now();
            return version;
          })
          .finally(() => {
            if (this.pending === pending) this.pending = null;
          }),
      };
      this.pending = pending;
    }
    return this.pending.read;
  }
}

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/**
 * Results keyed by name, each valid for one data version. Small results (explorer reads) are bounded by an LRU of
 * maxEntries; pinned ones (whole-graph derivations, costly to rebuild) are never evicted by that churn. A new version
 * drops everything made from older ones at once, so the memory of a superseded graph is freed.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pinned = new Map<string, Entry>();
  private version: string | null = null;
  hits = 0;
  misses = 0;
  /** Off (ATLAS_RESULT_CACHE=false): every call computes; benchmarks use it to measure the uncached path. */
  enabled = true;

  constructor(readonly maxEntries = 500) {}

  get<T>(key: string, version: string, compute: () => Promise<T>, options: { pinned?: boolean } = {}): Promise<T> {
    if (!this.enabled) return compute();
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
      this.pinned.clear();
    }
    const store = options.pinned ? this.pinned : this.entries;
    const entry = store.get(key);
    if (entry && entry.version === version) {
      this.hits++;
      // Map order is insertion order: re-inserting marks it most recently used.
      store.delete(key);
      store.set(key, entry);
      return entry.value as Promise<T>;
    }
    this.misses++;
    const value = compute();
    store.set(key, { version, value });
    // A failed computation is not remembered.
    value.catch(() => {
      if (store.get(key)?.value === value) store.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** The value (or the computation under way) `key` holds for `version`, if any; counts neither a hit nor a use. */
  peek(key: string, version: string): Promise<unknown> | undefined {
    if (!this.enabled || version !== this.version) return undefined;
    const entry = this.pinned.get(key) ?? this.entries.get(key);
    return entry?.version === version ? entry.value : undefined;
  }

  clear(): void {
    this.entries.clear();
    this.pinned.clear();
  }
}
