// Propagation on small hand-made graphs; every expected number is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { graphOf, type GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { evaluationOrder } from './evaluation-order.js';
import { evaluate } from './propagation.js';
import type { ScenarioEventSpec } from './scenario.model.js';
import { withOutlook, type CountersRow } from './scenario-graph.js';

const YEAR = 2026;
const make = (build: (b: GraphBuilder) => void, horizons: Record<string, string> = {}, counters: CountersRow[] = []) =>
  withOutlook(
    graphOf(build),
    Object.entries(horizons).map(([id, horizon]) => ({ id, horizon })),
    counters,
  );
const cut = (targetId: string, fraction = 1): ScenarioEventSpec => ({ type: 'DISRUPTION', targetId, fraction });
const at = (g: ReturnType<typeof make>, events: ScenarioEventSpec[], year = 2030) => evaluate(g, events, year, YEAR);

describe('a chain: country → supplier → material → component → technology → capability', () => {
  const chain = (criticality = 1) =>
    make((b) =>
      b
        .country('country:cn', false)
        .sup('sup:s', 'country:cn')
        .mat('mat:m')
        .comp('comp:c')
        .tech('tech:t')
        .cap('cap:a')
        .supplied('mat:m', 'sup:s', 1)
        .dep('comp:c', 'mat:m')
        .dep('tech:t', 'comp:c', criticality)
        .enables('tech:t', 'cap:a'),
    );

  it('carries a partial cut unchanged up a chain of criticality-1 links', () => {
    // Country at 1 − 0.6 = 0.4; the sole supplier, the material (all its supply), the component and the technology
    // (min with one requirement 1 − 1·(1 − 0.4)) all at 0.4; the capability's only enabler gives readiness 0.4.
    const e = at(chain(), [cut('country:cn', 0.6)]);
    for (const id of ['country:cn', 'sup:s', 'mat:m', 'comp:c', 'tech:t']) expect(e.availability.get(id)).toBeCloseTo(0.4, 12);
    expect(e.score.get('cap:a')).toBeCloseTo(0.4, 12);
  });

  it('softens the loss by the criticality of a link', () => {
    // tech:t needs comp:c at criticality 0.5: 1 − 0.5·(1 − 0.4) = 0.7.
    const e = at(chain(0.5), [cut('country:cn', 0.6)]);
    expect(e.availability.get('comp:c')).toBeCloseTo(0.4, 12);
    expect(e.availability.get('tech:t')).toBeCloseTo(0.7, 12);
    expect(e.score.get('cap:a')).toBeCloseTo(0.7, 12);
  });

  it('takes the largest of two disruptions of the same node', () => {
    const e = at(chain(), [cut('sup:s', 0.2), cut('sup:s', 0.5)]);
    expect(e.availability.get('sup:s')).toBeCloseTo(0.5, 12);
  });
});

describe('two suppliers with shares', () => {
  const g = make((b) =>
    b
      .country('country:cn', false)
      .country('country:de', true)
      .sup('sup:cn', 'country:cn')
      .sup('sup:de', 'country:de')
      .mat('mat:m')
      .tech('tech:t')
      .cap('cap:a')
      .supplied('mat:m', 'sup:cn', 0.6)
      // No share given: it gets what is left, 1 − 0.6 = 0.4 (dependency/shares.ts).
      .supplied('mat:m', 'sup:de')
      .dep('tech:t', 'mat:m')
      .enables('tech:t', 'cap:a'),
  );

  it('keeps the share of the suppliers still delivering', () => {
    // China cut: 0.6·0 + 0.4·1 = 0.4 of the material's supply is left.
    const e = at(g, [cut('country:cn')]);
    expect(e.supply.get('mat:m')).toBeCloseTo(0.4, 12);
    expect(e.availability.get('tech:t')).toBeCloseTo(0.4, 12);
    expect(e.score.get('cap:a')).toBeCloseTo(0.4, 12);
  });

  it('weights a partly degraded supplier by its share', () => {
    // The Chinese supplier at half capacity: 0.6·0.5 + 0.4·1 = 0.7.
    expect(at(g, [cut('sup:cn', 0.5)]).availability.get('mat:m')).toBeCloseTo(0.7, 12);
  });

  it('does not count on supply the sources attribute to no one', () => {
    // Only 0.8 of the supply is named, all of it Chinese: the unnamed 0.2 is not assumed to make up for a cut.
    const h = make((b) => b.country('country:cn', false).sup('sup:cn', 'country:cn').mat('mat:m').supplied('mat:m', 'sup:cn', 0.8));
    expect(at(h, [cut('country:cn')]).availability.get('mat:m')).toBe(0);
    expect(at(h, [cut('country:cn', 0.5)]).availability.get('mat:m')).toBeCloseTo(0.5, 12);
  });

  it('leaves an item with unknown supply to direct events only', () => {
    const h = make((b) => b.country('country:cn', false).sup('sup:cn', 'country:cn').mat('mat:m'));
    expect(at(h, [cut('country:cn')]).availability.get('mat:m')).toBe(1);
    expect(at(h, [cut('mat:m', 0.3)]).availability.get('mat:m')).toBeCloseTo(0.7, 12);
  });
});

describe('substitutes', () => {
  const g = (opts: { substitutability?: number } = {}) =>
    make((b) =>
      b
        .comp('comp:y')
        .comp('comp:x')
        .tech('tech:t')
        .cap('cap:a')
        .dep('tech:t', 'comp:y', 1, opts.substitutability ?? 0)
        .subst('comp:x', 'comp:y')
        .enables('tech:t', 'cap:a'),
    );

  it('covers a lost dependency while the substitute is available', () => {
    // eff(y) = 1 − (1 − 0)·(1 − 1) = 1.
    const e = at(g(), [cut('comp:y')]);
    expect(e.availability.get('comp:y')).toBe(0);
    expect(e.availability.get('tech:t')).toBe(1);
  });

  it('covers only what the substitute itself still has', () => {
    // y lost, x at 0.6: eff(y) = 1 − 1·(1 − 0.6) = 0.6.
    expect(at(g(), [cut('comp:y'), cut('comp:x', 0.4)]).availability.get('tech:t')).toBeCloseTo(0.6, 12);
  });

  it('mitigates by the declared substitutability of the link', () => {
    // No named substitute available (x lost too); substitutability 0.25: 1 − 1·0.75·1 = 0.25.
    expect(at(g({ substitutability: 0.25 }), [cut('comp:y'), cut('comp:x')]).availability.get('tech:t')).toBeCloseTo(0.25, 12);
  });

  it('adds a substitute from a SUBSTITUTE event with its coverage, from its year', () => {
    const h = make((b) => b.comp('comp:y').comp('comp:z').tech('tech:t').dep('tech:t', 'comp:y'));
    const events: ScenarioEventSpec[] = [cut('comp:y'), { type: 'SUBSTITUTE', targetId: 'comp:z', replacesId: 'comp:y', fraction: 0.5, year: 2033 }];
    // Before 2033 nothing covers y; from 2033 z covers half of its shortfall: 1 − 1·(1 − 0.5) = 0.5.
    expect(at(h, events, 2030).availability.get('tech:t')).toBe(0);
    expect(at(h, events, 2035).availability.get('tech:t')).toBeCloseTo(0.5, 12);
  });

  it('does not count a substitute technology before it is deployable', () => {
    const h = make((b) => b.tech('tech:y').tech('tech:x').tech('tech:t').dep('tech:t', 'tech:y').subst('tech:x', 'tech:y'), { 'tech:x': '2035' });
    expect(at(h, [cut('tech:y')], 2030).availability.get('tech:t')).toBe(0);
    expect(at(h, [cut('tech:y')], 2035).availability.get('tech:t')).toBe(1);
  });
});

describe('cycles', () => {
  it('settles on the greatest fixed point: a cycle neither causes nor prevents a loss', () => {
    const g = make((b) => b.comp('comp:a').comp('comp:b').dep('comp:a', 'comp:b').dep('comp:b', 'comp:a'));
    const none = at(g, []);
    expect([none.availability.get('comp:a'), none.availability.get('comp:b'), none.converged]).toEqual([1, 1, true]);
    const hit = at(g, [cut('comp:a', 0.3)]);
    expect(hit.availability.get('comp:a')).toBeCloseTo(0.7, 12);
    expect(hit.availability.get('comp:b')).toBeCloseTo(0.7, 12);
  });

  it('terminates with partial criticalities around the loop', () => {
    // A needs B (0.5), B needs A (0.5) and M (1); M at 0.6. B = min(0.6, 1 − 0.5·(1 − A)), A = 1 − 0.5·(1 − B).
    // B = 0.6 → A = 1 − 0.5·0.4 = 0.8 → B = min(0.6, 1 − 0.5·0.2) = 0.6: fixed.
    const g = make((b) => b.comp('comp:a').comp('comp:b').mat('mat:m').dep('comp:a', 'comp:b', 0.5).dep('comp:b', 'comp:a', 0.5).dep('comp:b', 'mat:m'));
    const e = at(g, [cut('mat:m', 0.4)]);
    expect(e.converged).toBe(true);
    expect(e.availability.get('comp:b')).toBeCloseTo(0.6, 12);
    expect(e.availability.get('comp:a')).toBeCloseTo(0.8, 12);
  });
});

describe('capabilities: readiness and need', () => {
  const g = make(
    (b) => b.tech('tech:t').tech('tech:u').tech('tech:z').cap('cap:a').enables('tech:t', 'cap:a', 1).enables('tech:u', 'cap:a', 0.5),
    { 'tech:u': '2040' },
    [{ capabilityId: 'cap:a', technologyId: 'tech:z' }],
  );

  it('weights enablers by strength and counts a technology only once deployable', () => {
    // 2030: u not deployable → (1·1 + 0.5·0)/1.5 = 2/3; 2040: (1 + 0.5)/1.5 = 1.
    expect(at(g, [], 2030).readiness.get('cap:a')).toBeCloseTo(2 / 3, 12);
    expect(at(g, [], 2040).readiness.get('cap:a')).toBe(1);
    // u matures by 2029 in the scenario: deployable in 2030.
    expect(at(g, [{ type: 'MATURATION', targetId: 'tech:u', trl: 8, year: 2029 }], 2030).readiness.get('cap:a')).toBe(1);
  });

  it('raises the need of a capability countering a threat', () => {
    // Severity 0.5 on tech:z, which cap:a counters: need 1.5, score (2/3) / 1.5 = 4/9.
    const e = at(g, [{ type: 'THREAT', targetId: 'tech:z', fraction: 0.5 }], 2030);
    expect(e.need.get('cap:a')).toBe(1.5);
    expect(e.score.get('cap:a')).toBeCloseTo(4 / 9, 12);
  });
});

describe('evaluation order', () => {
  it('lists strongly connected components dependencies first, each sorted', () => {
    const reads: Record<string, string[]> = { a: ['b'], b: ['c', 'd'], c: ['b'], d: [], e: ['e'] };
    expect(evaluationOrder(['a', 'b', 'c', 'd', 'e'], (id) => reads[id]!)).toEqual([['d'], ['b', 'c'], ['a'], ['e']]);
  });

  it('walks a chain 20 000 links deep without recursion, in one pass', () => {
    const n = 20_000;
    const g = make((b) => {
      b.mat('mat:0');
      for (let i = 1; i < n; i++) b.comp(`comp:${i}`).dep(`comp:${i}`, i === 1 ? 'mat:0' : `comp:${i - 1}`);
    });
    const e = at(g, [cut('mat:0', 0.25)]);
    expect(e.availability.get(`comp:${n - 1}`)).toBeCloseTo(0.75, 12);
  });
});
