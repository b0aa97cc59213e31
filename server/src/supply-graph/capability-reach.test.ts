// Reach after a write, patched from the graph before (capability-reach.ts, downward-index.ts), on hand-worked graphs:
// what changes, what must stay the very same object, and that it equals a fresh derivation.
import { describe, expect, it } from 'vitest';
import { deltaTo, fetchedGraphOf, type GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { reachingCapabilities } from './capability-reach.js';
import { downwardIndex } from './downward-index.js';
import { applyDelta, lineageOf } from './supply-graph.delta.js';
import type { SupplyGraph } from './supply-graph.js';

// cap:1 ◀ tech:a → comp:x → sup:s → country:cn        cap:2 ◀ tech:b (depends on nothing yet)
const base = (b: GraphBuilder) =>
  b
    .cap('cap:1')
    .cap('cap:2')
    .tech('tech:a', { trl: 5 })
    .tech('tech:b')
    .comp('comp:x')
    .country('country:cn', false)
    .sup('sup:s', 'country:cn')
    .enables('tech:a', 'cap:1')
    .enables('tech:b', 'cap:2')
    .dep('tech:a', 'comp:x')
    .supplied('comp:x', 'sup:s');

/** Steps per node id (the numbering is internal), to compare a patched index with a fresh one. */
function stepsById(g: SupplyGraph) {
  const x = downwardIndex(g);
  return Object.fromEntries(
    [...x.ids].sort().map((id) => {
      const i = x.index.get(id)!;
      const steps = [];
      for (let k = x.start[i]!; k < x.start[i + 1]!; k++) steps.push([x.ids[x.to[k]!], x.sub[k], x.edge[k]]);
      return [id, steps];
    }),
  );
}

function after(make: (b: GraphBuilder) => void, touched: string[]) {
  const before = fetchedGraphOf(base);
  const reachBefore = reachingCapabilities(before.supply);
  const now = fetchedGraphOf(make);
  const next = applyDelta(before, deltaTo(now.supply, touched));
  return { before, reachBefore, next, fresh: now, reach: reachingCapabilities(next.supply) };
}

describe('reach after a write', () => {
  it('adds the capabilities of a new DEPENDS_ON to everything below it, and keeps the other lists', () => {
    const w = after((b) => base(b).dep('tech:b', 'comp:x'), ['tech:b', 'comp:x']);
    // Only the two ends of the new link changed (cap:2's and sup:s's links were re-read as they were).
    expect([...lineageOf(w.next.supply)!.changed].sort()).toEqual(['comp:x', 'tech:b']);
    expect(Object.fromEntries(w.reach)).toEqual({
      'tech:a': ['cap:1'],
      'tech:b': ['cap:2'],
      'comp:x': ['cap:1', 'cap:2'],
      'sup:s': ['cap:1', 'cap:2'],
      'country:cn': ['cap:1', 'cap:2'],
    });
    expect(Object.fromEntries(w.reach)).toEqual(Object.fromEntries(reachingCapabilities(w.fresh.supply)));
    // tech:a and tech:b are reached as before: the same list objects, so scores keyed on them stay.
    expect(w.reach.get('tech:a')).toBe(w.reachBefore.get('tech:a'));
    expect(w.reach.get('tech:b')).toBe(w.reachBefore.get('tech:b'));
    expect(stepsById(w.next.supply)).toEqual(stepsById(w.fresh.supply));
  });

  it('keeps the whole reach (the same map) when a write changes no link, and shares the index numbering', () => {
    const w = after(
      (b) => {
        base(b);
        b.nodes.find((n) => n.id === 'tech:a')!.trl = 8;
      },
      ['tech:a'],
    );
    expect([...lineageOf(w.next.supply)!.changed]).toEqual(['tech:a']);
    expect(w.reach).toBe(w.reachBefore);
    expect(downwardIndex(w.next.supply).ids).toBe(downwardIndex(w.before.supply).ids);
    expect(stepsById(w.next.supply)).toEqual(stepsById(w.fresh.supply));
  });

  it('drops a deleted component and what only it reached, renumbering the index', () => {
    const w = after(
      (b) => {
        base(b);
        b.nodes.splice(
          b.nodes.findIndex((n) => n.id === 'comp:x'),
          1,
        );
        b.edges.splice(0, b.edges.length, ...b.edges.filter((e) => e.from !== 'comp:x' && e.to !== 'comp:x'));
      },
      ['comp:x'],
    );
    expect(Object.fromEntries(w.reach)).toEqual({ 'tech:a': ['cap:1'], 'tech:b': ['cap:2'] });
    expect(downwardIndex(w.next.supply).index.has('comp:x')).toBe(false);
    expect(stepsById(w.next.supply)).toEqual(stepsById(w.fresh.supply));
  });

  it('walks a new capability, and forgets a deleted one', () => {
    const w = after((b) => base(b).cap('cap:3').enables('tech:b', 'cap:3'), ['cap:3']);
    expect(w.reach.get('tech:b')).toEqual(['cap:2', 'cap:3']);
    const gone = applyDelta(w.next, deltaTo(fetchedGraphOf(base).supply, ['cap:3']));
    expect(Object.fromEntries(reachingCapabilities(gone.supply))).toEqual(Object.fromEntries(w.reachBefore));
  });
});
