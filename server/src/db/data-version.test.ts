// The cache's rules on their own: a value lives for one version, failures are forgotten, the LRU bound holds,
// and the version is re-read only when older than its allowed age.
import { describe, expect, it } from 'vitest';
import { compareVersions, DataVersion, VersionedCache } from './data-version.js';

describe('VersionedCache', () => {
  it('computes once per version and again when the version changes', async () => {
    const cache = new VersionedCache();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('k', 'e:1', compute)).toBe(1);
    expect(await cache.get('k', 'e:1', compute)).toBe(1);
    expect(await cache.get('k', 'e:2', compute)).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('shares one computation between concurrent callers', async () => {
    const cache = new VersionedCache();
    let computed = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    const [a, b] = await Promise.all([cache.get('k', 'v', compute), cache.get('k', 'v', compute)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
  });

  it('forgets a failed computation', async () => {
    const cache = new VersionedCache();
    await expect(cache.get('k', 'v', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', 'v', async () => 7)).toBe(7);
  });

  it('drops the least recently used entry beyond its bound', async () => {
    const cache = new VersionedCache(2);
    await cache.get('a', 'v', async () => 'a1');
    await cache.get('b', 'v', async () => 'b1');
    await cache.get('a', 'v', async () => 'a2'); // a is now the most recent
    await cache.get('c', 'v', async () => 'c1'); // evicts b
    expect(await cache.get('a', 'v', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', 'v', async () => 'b2')).toBe('b2');
  });
});

describe('DataVersion', () => {
  it('re-reads on every call when maxAgeMs is 0', async () => {
    const version = new DataVersion(0);
    let reads = 0;
    const read = async () => `e:${++reads}`;
    expect(await version.current(read)).toBe('e:1');
    expect(await version.current(read)).toBe('e:2');
  });

  it('trusts a recent read or an observed write within maxAgeMs', async () => {
    const version = new DataVersion(60_000);
    let reads = 0;
    const read = async () => `e:${++reads}`;
    expect(await version.current(read)).toBe('e:1');
    expect(await version.current(read)).toBe('e:1');
    version.observe('e:9');
    expect(await version.current(read)).toBe('e:9');
    expect(reads).toBe(1);
  });
});

describe('VersionedCache: pinned entries and new versions', () => {
  it('keeps a pinned entry however many small results churn through the LRU', async () => {
    const cache = new VersionedCache(2);
    await cache.get('graph', 'v', async () => 'g1', { pinned: true });
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, 'v', async () => k);
    expect(await cache.get('graph', 'v', async () => 'g2', { pinned: true })).toBe('g1');
  });

  it('drops results of older versions, pinned or not, when a new version is seen', async () => {
    const cache = new VersionedCache();
    await cache.get('graph', 'v1', async () => 'g1', { pinned: true });
    await cache.get('a', 'v1', async () => 'a1');
    await cache.get('other', 'v2', async () => 'o2');
    // Back on v1 (e.g. a stale read): nothing from before survives, so both recompute.
    expect(await cache.get('graph', 'v1', async () => 'g1b', { pinned: true })).toBe('g1b');
    expect(await cache.get('a', 'v1', async () => 'a1b')).toBe('a1b');
  });
});

describe('DataVersion: a read racing our own write', () => {
  it('neither joins nor trusts a read that started before the write committed', async () => {
    const version = new DataVersion(0);
    let release!: (v: string) => void;
    const slow = version.current(() => new Promise<string>((r) => (release = r))); // reads the pre-write version
    version.observe('e:2'); // our write commits while that read is in flight
    let fresh = 0;
    const after = version.current(async () => (++fresh, 'e:2'));
    release('e:1');
    expect(await after).toBe('e:2');
    expect(fresh).toBe(1); // a new read, not the stale one joined
    expect(await slow).toBe('e:2'); // the stale answer is not taken over the observed write
  });
});

describe('DataVersion: versions seen by clients (read-your-writes across API processes)', () => {
  const E = '11111111-1111-1111-1111-111111111111';
  const F = '22222222-2222-2222-2222-222222222222';

  it('orders versions of one epoch by their counter; another epoch always counts as newer', () => {
    expect(compareVersions(`${E}:10`, `${E}:9`)).toBe(1); // 10 > 9 as numbers, not as text
    expect(compareVersions(`${E}:9`, `${E}:10`)).toBe(-1);
    expect(compareVersions(`${E}:3`, `${E}:3`)).toBe(0);
    expect(compareVersions(`${F}:1`, `${E}:50`)).toBe(1);
    expect(compareVersions(`${E}:1`, null)).toBe(1);
  });

  it('never steps back when concurrent writes report out of order', () => {
    const version = new DataVersion(60_000);
    version.observe(`${E}:8`);
    version.observe(`${E}:7`);
    expect(version.latest).toBe(`${E}:8`);
  });

  it('with a 60 s check interval, a newer version seen by a client forces a fresh read', async () => {
    const version = new DataVersion(60_000);
    let reads = 0;
    let inDatabase = `${E}:4`;
    const read = async () => (reads++, inDatabase);
    expect(await version.current(read)).toBe(`${E}:4`);
    inDatabase = `${E}:5`; // another process wrote
    expect(await version.current(read)).toBe(`${E}:4`); // within the interval: not re-read
    expect(version.isBehind(`${E}:4`)).toBe(false);
    expect(version.isBehind(`${E}:5`)).toBe(true);
    expect(await version.refresh(read)).toBe(`${E}:5`);
    expect(await version.current(read)).toBe(`${E}:5`);
    expect(reads).toBe(2);
  });
});
