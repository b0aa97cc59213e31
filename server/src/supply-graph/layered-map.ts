/**
 * A read-only map made of a shared base and the entries changed since it. The supply graph after a write shares its
 * 80k-entry maps (nodes, outgoing and incoming lists at 100k entities) with the graph before instead of copying them,
 * which cost ~30 ms per map (issue #17). Layers never chain: the next write copies this one's changes (a handful) onto
 * a new layer over the same base, and once the changes pass an eighth of the base they are flattened into a new base.
 * Iteration gives the base's unchanged entries, then the changed ones.
 */
const GONE: unique symbol = Symbol('gone');
type Layer<K, V> = ReadonlyMap<K, V | typeof GONE>;

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly top: Layer<K, V>,
    readonly size: number,
  ) {}

  /** `map` with `changes` applied (undefined: the key is removed); `map` itself is never written to. */
  static over<K, V>(map: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    const base = map instanceof LayeredMap ? (map.base as ReadonlyMap<K, V>) : map;
    const top = new Map<K, V | typeof GONE>(map instanceof LayeredMap ? (map.top as Layer<K, V>) : []);
    for (const [key, value] of changes) top.set(key, value === undefined ? GONE : value);
    let size = base.size;
    for (const [key, value] of top) size += (value === GONE ? 0 : 1) - (base.has(key) ? 1 : 0);
    const layered = new LayeredMap(base, top, size);
    return top.size > base.size / 8 ? new Map(layered) : layered;
  }

  get(key: K): V | undefined {
    const value = this.top.get(key);
    if (value === undefined) return this.top.has(key) ? undefined : this.base.get(key);
    return value === GONE ? undefined : value;
  }
  has(key: K): boolean {
    return this.top.has(key) ? this.top.get(key) !== GONE : this.base.has(key);
  }
  *entries(): MapIterator<[K, V]> {
    for (const entry of this.base) if (!this.top.has(entry[0])) yield entry;
    for (const [key, value] of this.top) if (value !== GONE) yield [key, value];
  }
  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  forEach(visit: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) visit(value, key, this);
  }
}
