import { describe, expect, it } from 'vitest';
import { dependencyFixture, seedToSupplyGraph } from '../../../tests/fixtures/dependency-fixture.js';
import { sovereigntyReport } from './sovereignty.js';

describe('sovereignty report on the worked example', () => {
  const r = sovereigntyReport(seedToSupplyGraph(dependencyFixture()));

  it('ranks technologies by the mean non-EU share of their components and materials', () => {
    // Radar: gallium 0.98 (the amplifier has no supplier data and is left out, but listed).
    // Thermal imaging: optics 1 (sole US supplier) and germanium 0.6 → 0.8; EU (0 + 0.3)/2 = 0.15; unknown (0 + 0.1)/2 = 0.05.
    expect(r.technologies.map((t) => [t.technology.id, t.nonEuShare, t.items, t.unknownSupplyItems])).toEqual([
      ['tech:radar', 0.98, 1, ['comp:gan-amplifier']],
      ['tech:thermal-imaging', 0.8, 2, []],
    ]);
    expect(r.technologies[1]).toMatchObject({ euShare: 0.15, unknownOriginShare: 0.05, mostExposedItemId: 'comp:ir-optics' });
  });

  it('ranks KET areas by the mean of their technologies: micro-electronics 0.98, photonics (0.98 + 0.8)/2 = 0.89', () => {
    expect(r.ketAreas.map((k) => [k.id, k.nonEuShare, k.technologyIds])).toEqual([
      ['ket:micro-electronics', 0.98, ['tech:radar']],
      ['ket:photonics', 0.89, ['tech:radar', 'tech:thermal-imaging']],
    ]);
  });

  it('lists per country the capabilities exposed to it, and whether a cut loses them', () => {
    expect(r.countries.map((c) => [c.country.id, c.capabilities.map((x) => x.capability.id), c.lostCount])).toEqual([
      ['country:cn', ['cap:border-surveillance', 'cap:drone-detection'], 0],
      ['country:de', ['cap:border-surveillance', 'cap:drone-detection'], 0],
      ['country:be', ['cap:border-surveillance'], 0],
      ['country:us', ['cap:border-surveillance'], 0],
    ]);
    const cn = r.countries[0]!;
    expect(cn.capabilities.map((c) => [c.largestShare, c.itemIds])).toEqual([
      [0.98, ['mat:gallium', 'mat:germanium']],
      [0.98, ['mat:gallium']],
    ]);
    // Cutting the US loses thermal imaging, but radar (unknown) keeps border surveillance from being shown lost.
    expect(r.countries[3]!.capabilities[0]).toMatchObject({ lostIfCut: false, largestShare: 1, itemIds: ['comp:ir-optics'] });
  });
});

describe('sovereignty report when a country cut does lose a capability', () => {
  // The worked example without the German gallium producer: China holds all named gallium supply (0.98, 0.02
  // unattributed). Cutting China then loses gallium → the GaN amplifier → radar → drone detection (radar is its only
  // enabler). Border surveillance keeps thermal imaging (US optics, Belgian germanium 0.3 left), so it is not lost.
  const data = dependencyFixture();
  const supplied = data.links.find((g) => g.type === 'SUPPLIED_BY')!;
  supplied.records = supplied.records.filter((l) => l.to !== 'sup:de-gallium');
  const r = sovereigntyReport(seedToSupplyGraph(data));

  it('marks drone detection lost if China is cut, lists it first, and counts one loss', () => {
    const cn = r.countries.find((c) => c.country.id === 'country:cn')!;
    expect(r.countries[0]!.country.id).toBe('country:cn');
    expect(cn.lostCount).toBe(1);
    expect(cn.capabilities.map((c) => [c.capability.id, c.lostIfCut, c.largestShare])).toEqual([
      ['cap:drone-detection', true, 0.98],
      ['cap:border-surveillance', false, 0.98],
    ]);
    // Belgium and the US hold supply only under border surveillance, which survives either cut; Germany's suppliers
    // (the idle gallium producer, the chalcogenide optics) are under no capability, so it comes last with none.
    expect(r.countries.filter((c) => c.country.id !== 'country:cn').map((c) => [c.country.id, c.capabilities.length, c.lostCount])).toEqual([
      ['country:be', 1, 0],
      ['country:us', 1, 0],
      ['country:de', 0, 0],
    ]);
  });
});
