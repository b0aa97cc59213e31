import { describe, expect, it } from 'vitest';
import { dependencyFixture, seedToSupplyGraph, withLinks } from '../../../tests/fixtures/dependency-fixture.js';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';
import { singlePointsOfFailure } from './spof.js';

const spofIds = (g: ReturnType<typeof seedToSupplyGraph>, root: string) => singlePointsOfFailure(g, root)!.points.map((p) => p.node.id);

describe('single points of failure on the worked example', () => {
  const g = seedToSupplyGraph(dependencyFixture());

  it('lists, for border surveillance, what alone breaks thermal imaging or radar (by level, then id)', () => {
    const r = singlePointsOfFailure(g, 'cap:border-surveillance')!;
    // Thermal imaging: its optics, germanium, the sole optics supplier and its country. Germanium has two suppliers in two
    // countries, so neither is listed. Radar: the GaN amplifier (unknown supply) and gallium (two suppliers).
    expect(r.points.map((p) => [p.node.id, p.technologyIds, p.level])).toEqual([
      ['comp:gan-amplifier', ['tech:radar'], 2],
      ['comp:ir-optics', ['tech:thermal-imaging'], 2],
      ['mat:gallium', ['tech:radar'], 3],
      ['mat:germanium', ['tech:thermal-imaging'], 3],
      ['sup:us-optics', ['tech:thermal-imaging'], 3],
      ['country:us', ['tech:thermal-imaging'], 4],
    ]);
    // Two enablers: no single loss takes the capability itself.
    expect(r.points.every((p) => !p.capabilityLost)).toBe(true);
    // Radar needs the amplifier, whose supply is unknown: radar is "unknown", thermal imaging available, so the capability is.
    expect(r.baseline).toBe('available');
    expect(r.enablers.map((e) => [e.technology.id, e.status])).toEqual([
      ['tech:radar', 'unknown'],
      ['tech:thermal-imaging', 'available'],
    ]);
    const amp = r.points.find((p) => p.node.id === 'comp:gan-amplifier')!;
    expect(amp.unknownSupply).toBe(true);
    expect(r.points.find((p) => p.node.id === 'sup:us-optics')!.reason).toBe('US optics maker is the only supplier of Infrared optics.');
    expect(r.points.find((p) => p.node.id === 'country:us')!.reason).toBe('Every supplier of Infrared optics is located in United States.');
    expect(r.points.find((p) => p.node.id === 'country:us')!.breaks).toEqual(['comp:ir-optics']);
  });

  it('for drone detection (radar only), every point takes the capability itself', () => {
    const r = singlePointsOfFailure(g, 'cap:drone-detection')!;
    expect(r.points.map((p) => [p.node.id, p.capabilityLost])).toEqual([
      ['comp:gan-amplifier', true],
      ['mat:gallium', true],
    ]);
    expect(r.baseline).toBe('unknown');
  });

  it('drops the optics chain once a substitute is mapped', () => {
    const h = seedToSupplyGraph(withLinks(dependencyFixture(), 'SUBSTITUTES', [{ from: 'comp:chalcogenide-optics', to: 'comp:ir-optics' }]));
    expect(spofIds(h, 'cap:border-surveillance')).toEqual(['comp:gan-amplifier', 'mat:gallium']);
  });

  it('drops the sole supplier and its country once a second supplier is mapped, but keeps the optics themselves', () => {
    const h = seedToSupplyGraph(withLinks(dependencyFixture(), 'SUPPLIED_BY', [{ from: 'comp:ir-optics', to: 'sup:de-optics' }]));
    expect(spofIds(h, 'cap:border-surveillance')).toEqual(['comp:gan-amplifier', 'comp:ir-optics', 'mat:gallium', 'mat:germanium']);
  });

  it('works from a technology or a component too', () => {
    expect(spofIds(g, 'tech:thermal-imaging')).toEqual(['comp:ir-optics', 'mat:germanium', 'sup:us-optics', 'country:us']);
    expect(spofIds(g, 'comp:ir-optics')).toEqual(['mat:germanium', 'sup:us-optics', 'country:us']);
    expect(spofIds(g, 'mat:germanium')).toEqual([]);
  });
});

describe('single points of failure on small graphs', () => {
  it('finds a sole-source material in one country; a second country removes both supplier and country', () => {
    const one = graphOf((b) =>
      b
        .cap('cap:a')
        .tech('tech:t')
        .mat('mat:m')
        .country('country:cn', false)
        .sup('sup:s', 'country:cn')
        .enables('tech:t', 'cap:a')
        .dep('tech:t', 'mat:m')
        .supplied('mat:m', 'sup:s', 1),
    );
    expect(spofIds(one, 'cap:a')).toEqual(['mat:m', 'sup:s', 'country:cn']);
    const two = graphOf((b) =>
      b
        .cap('cap:a')
        .tech('tech:t')
        .mat('mat:m')
        .country('country:cn', false)
        .country('country:fr', true)
        .sup('sup:s', 'country:cn')
        .sup('sup:f', 'country:fr')
        .enables('tech:t', 'cap:a')
        .dep('tech:t', 'mat:m')
        .supplied('mat:m', 'sup:s', 0.9)
        .supplied('mat:m', 'sup:f', 0.1),
    );
    expect(spofIds(two, 'cap:a')).toEqual(['mat:m']);
  });

  it('counts two suppliers in the same country as one point: the country', () => {
    const g = graphOf((b) =>
      b
        .cap('cap:a')
        .tech('tech:t')
        .mat('mat:m')
        .country('country:cn', false)
        .sup('sup:1', 'country:cn')
        .sup('sup:2', 'country:cn')
        .enables('tech:t', 'cap:a')
        .dep('tech:t', 'mat:m')
        .supplied('mat:m', 'sup:1', 0.5)
        .supplied('mat:m', 'sup:2', 0.5),
    );
    expect(spofIds(g, 'cap:a')).toEqual(['mat:m', 'country:cn']);
  });

  it('is not fooled by a cycle', () => {
    const g = graphOf((b) =>
      b
        .cap('cap:a')
        .tech('tech:a')
        .tech('tech:b')
        .mat('mat:m')
        .sup('sup:s')
        .enables('tech:a', 'cap:a')
        .dep('tech:a', 'tech:b')
        .dep('tech:b', 'tech:a')
        .dep('tech:b', 'mat:m')
        .supplied('mat:m', 'sup:s'),
    );
    expect(spofIds(g, 'cap:a')).toEqual(['tech:b', 'mat:m', 'sup:s']);
  });
});
