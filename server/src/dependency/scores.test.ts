import { describe, expect, it } from 'vitest';
import { dependencyFixture, seedToSupplyGraph } from '../../../tests/fixtures/dependency-fixture.js';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';
import { scoreNodes } from './scores.js';

describe('criticality scores on the worked example', () => {
  const g = seedToSupplyGraph(dependencyFixture());
  const scores = scoreNodes(g);
  const of = (id: string) => scores.find((s) => s.node.id === id)!;
  const factors = (id: string) => Object.fromEntries(of(id).components.map((c) => [c.key, c.factor]));

  it('scores germanium: reach 1/5, HHI 0.6²+0.3² = 0.45, 70 % outside the EU (0.1 of unknown origin), no substitute', () => {
    const s = of('mat:germanium');
    expect(s.capabilityIds).toEqual(['cap:border-surveillance']);
    expect(s.hhi).toBe(0.45);
    expect([s.nonEuShare, s.euShare, s.unknownOriginShare]).toEqual([0.6, 0.3, 0.1]);
    expect(factors('mat:germanium')).toEqual({ reach: 0.2, concentration: 0.45, nonEu: 0.7, substitutability: 1, maturity: null });
    // (0.25·0.2 + 0.25·0.45 + 0.2·0.7 + 0.2·1) / (0.25 + 0.25 + 0.2 + 0.2) = 0.5025 / 0.9 = 0.558
    expect(s.score).toBe(0.558);
    expect(s.components.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(0.558, 2);
  });

  it('scores gallium, under both capabilities: (0.25·0.4 + 0.25·0.9608 + 0.2·0.98 + 0.2·1) / 0.9 = 0.818', () => {
    const s = of('mat:gallium');
    expect(s.capabilityIds).toEqual(['cap:border-surveillance', 'cap:drone-detection']);
    expect(s.hhi).toBe(0.9608);
    expect(s.score).toBe(0.818);
  });

  it('scores unknown supply at worst case and says so: (0.25·0.4 + 0.25·1 + 0.2·1 + 0.2·0.75) / 0.9 = 0.778', () => {
    const s = of('comp:gan-amplifier');
    expect(s.unknownSupply).toBe(true);
    expect(s.hhi).toBeNull();
    expect(s.nonEuShare).toBeNull();
    expect(factors('comp:gan-amplifier')).toMatchObject({ concentration: 1, nonEu: 1, substitutability: 0.75 });
    expect(s.components.find((c) => c.key === 'concentration')!.note).toMatch(/^Unknown supply/);
    expect(s.score).toBe(0.778);
  });

  it('scores a technology by reach, substitutability and TRL: radar (0.25·0.4 + 0.2·1 + 0.1·0.25) / 0.55 = 0.591', () => {
    expect(factors('tech:radar')).toEqual({ reach: 0.4, concentration: null, nonEu: null, substitutability: 1, maturity: 0.25 });
    expect(of('tech:radar').score).toBe(0.591);
  });

  it('scores a sole supplier and a country by the largest share they hold', () => {
    expect(factors('sup:us-optics')).toMatchObject({ concentration: 1, nonEu: 1 });
    expect(factors('country:cn')).toMatchObject({ concentration: 0.98, nonEu: 1 });
    expect(factors('country:de')).toMatchObject({ concentration: 1, nonEu: 0 }); // all of the chalcogenide optics
  });

  it('ranks most critical first', () => {
    expect(scores[0]!.node.id).toBe('mat:gallium');
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));
  });
});

describe('shared material and substitutes', () => {
  it('counts each capability over a shared material once, whatever the number of paths', () => {
    const g = graphOf((b) =>
      b
        .cap('cap:1')
        .cap('cap:2')
        .tech('tech:a')
        .tech('tech:b')
        .mat('mat:m')
        .enables('tech:a', 'cap:1')
        .enables('tech:b', 'cap:2')
        .enables('tech:a', 'cap:2')
        .dep('tech:a', 'mat:m')
        .dep('tech:b', 'mat:m'),
    );
    expect(scoreNodes(g, ['mat:m'])[0]!.capabilityIds).toEqual(['cap:1', 'cap:2']);
  });

  it('credits a declared substitute with substitutability 0.5', () => {
    const g = graphOf((b) => b.tech('tech:a').comp('comp:x').comp('comp:y').dep('tech:a', 'comp:x', 1, 0).subst('comp:y', 'comp:x'));
    const [s] = scoreNodes(g, ['comp:x']);
    expect(s!.hasSubstitute).toBe(true);
    expect(s!.substitutability).toBe(0.5);
  });
});

describe('suppliers and countries on the worked example', () => {
  const scores = scoreNodes(seedToSupplyGraph(dependencyFixture()));
  it('ranks gallium, then China and its gallium producers: (0.25·0.4 + 0.25·0.98 + 0.2·1) / 0.7 = 0.779', () => {
    expect(scores.slice(0, 5).map((s) => [s.node.id, s.score])).toEqual([
      ['mat:gallium', 0.818],
      ['country:cn', 0.779],
      ['sup:cn-gallium', 0.779],
      ['comp:gan-amplifier', 0.778],
      // IR optics: (0.25·0.2 + 0.25·1 + 0.2·1 + 0.2·1) / 0.9 = 0.778, after the amplifier by id.
      ['comp:ir-optics', 0.778],
    ]);
  });
});
