import { describe, expect, it } from 'vitest';
import { LayeredMap } from './layered-map.js';

describe('a map layered over a shared base', () => {
  const base = new Map(Array.from({ length: 16 }, (_, i) => [`k${i}`, i]));

  it('reads changes over the base, which stays as it was', () => {
    const m = LayeredMap.over(
      base,
      new Map([
        ['k1', 100],
        ['k2', undefined],
        ['new', 7],
      ]),
    );
    expect([m.get('k1'), m.get('k2'), m.get('k3'), m.get('new'), m.get('none')]).toEqual([100, undefined, 3, 7, undefined]);
    expect([m.has('k2'), m.has('k3'), m.has('new')]).toEqual([false, true, true]);
    expect(m.size).toBe(16);
    // Unchanged entries in the base's order, then the changed ones.
    expect([...m.keys()]).toEqual([...[...base.keys()].filter((k) => k !== 'k1' && k !== 'k2'), 'k1', 'new']);
    const expected: Record<string, number> = { ...Object.fromEntries(base), k1: 100, new: 7 };
    delete expected.k2;
    expect(Object.fromEntries(m)).toEqual(expected);
    expect(base.get('k1')).toBe(1);
    expect(base.has('new')).toBe(false);
  });

  it('never chains: a change to a layered map is a new layer over the same base, and an older layer stays as it was', () => {
    const first = LayeredMap.over(base, new Map([['k1', 100]]));
    const second = LayeredMap.over(
      first,
      new Map([
        ['k1', undefined],
        ['k2', 200],
      ]),
    );
    expect([second.get('k1'), second.get('k2'), second.size]).toEqual([undefined, 200, 15]);
    expect([first.get('k1'), first.get('k2'), first.size]).toEqual([100, 2, 16]);
    expect((second as unknown as { base: unknown }).base).toBe(base);
  });

  it('flattens into a plain map once the changes pass an eighth of the base', () => {
    const m = LayeredMap.over(
      base,
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
    expect(m).toBeInstanceOf(Map);
    expect(m.size).toBe(19);
  });
});
