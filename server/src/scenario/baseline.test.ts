// The baseline after a write, carried from the graph before (baseline.ts), worked by hand on a substitute: the value
// that changes is two steps from the write, through a SUBSTITUTES link, and must be evaluated again.
import { describe, expect, it } from 'vitest';
import { deltaTo, fetchedGraphOf, type GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { applyDelta } from '../supply-graph/supply-graph.delta.js';
import { baselineAt } from './baseline.js';
import { evaluateIndexed } from './propagation.js';

// cap:1 ◀ tech:user → tech:old (TRL 4, no horizon: never deployable)   tech:alt ─subst▶ tech:old
//                   tech:other → comp:c (nothing to do with it)
const graphWith = (altTrl: number) => (b: GraphBuilder) =>
  b
    .cap('cap:1')
    .tech('tech:user', { trl: 8 })
    .tech('tech:old', { trl: 4 })
    .tech('tech:alt', { trl: altTrl })
    .tech('tech:other', { trl: 8 })
    .comp('comp:c')
    .enables('tech:user', 'cap:1')
    .dep('tech:user', 'tech:old')
    .subst('tech:alt', 'tech:old')
    .dep('tech:other', 'comp:c');

const YEAR = 2026;
const value = (e: ReturnType<typeof baselineAt>, id: string) => e.a[e.c.index.get(id)!];

describe('the baseline after a write', () => {
  it('evaluates again what reads the write through a substitute, and keeps the rest', () => {
    const before = fetchedGraphOf(graphWith(8));
    const was = baselineAt(before, YEAR + 4, YEAR);
    // tech:old is lost, but tech:alt (deployable) covers all of it: tech:user is whole.
    expect([value(was, 'tech:old'), value(was, 'tech:user')]).toEqual([0, 1]);

    // tech:alt falls to TRL 4 (no horizon): it no longer covers, so tech:user is lost too.
    const now = fetchedGraphOf(graphWith(4));
    const next = applyDelta(before, deltaTo(now.supply, ['tech:alt']));
    const after = baselineAt(next, YEAR + 4, YEAR);
    expect([value(after, 'tech:alt'), value(after, 'tech:user')]).toEqual([0, 0]);
    expect(after.readiness[after.c.index.get('cap:1')!]).toBe(0);
    const fresh = evaluateIndexed(now, [], YEAR + 4, YEAR);
    expect([...after.a]).toEqual([...fresh.a]);
    expect([...after.score]).toEqual([...fresh.score]);
  });
});
