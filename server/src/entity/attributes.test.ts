import { describe, expect, it } from 'vitest';
import { attributesOf } from './attributes.js';

describe('attributesOf', () => {
  it('lists the remaining properties in key order, but not readiness provenance, which has fields of its own', () => {
    const technology = {
      id: 'tech:a',
      name: 'A',
      kind: 'Technology' as const,
      trl: 6,
      trlYear: 2024,
      trlSource: 'src:doc',
      trlBasis: 'estimate',
      trlNote: 'Pilots reported.',
      horizonSource: 'src:doc',
      euPositionNote: 'x',
      dualUse: true,
    };
    expect(attributesOf(technology)).toEqual([
      { key: 'dualUse', value: 'true' },
      { key: 'trl', value: '6' },
      { key: 'trlYear', value: '2024' },
    ]);
  });
});
