import { describe, expect, it } from 'vitest';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';
import { effectiveShares, hhi, originShares } from './shares.js';

describe('HHI and origin of supply', () => {
  it('computes the HHI on known shares: 0.5² + 0.3² + 0.2² = 0.38', () => {
    const g = graphOf((b) =>
      b
        .mat('mat:m')
        .country('country:cn', false)
        .country('country:de', true)
        .sup('sup:a', 'country:cn')
        .sup('sup:b', 'country:cn')
        .sup('sup:c', 'country:de')
        .supplied('mat:m', 'sup:a', 0.5)
        .supplied('mat:m', 'sup:b', 0.3)
        .supplied('mat:m', 'sup:c', 0.2),
    );
    const b = effectiveShares(g, 'mat:m');
    expect(hhi(b)).toBe(0.38);
    expect(b.estimated).toBe(false);
    const o = originShares(b)!;
    expect([o.nonEu, o.eu, o.unknownOrigin]).toEqual([0.8, 0.2, 0]);
    expect(o.byCountry.get('country:cn')).toBe(0.8);
  });

  it('gives a sole supplier without a share all of it, marked estimated', () => {
    const g = graphOf((b) => b.comp('comp:c').sup('sup:a').supplied('comp:c', 'sup:a'));
    const b = effectiveShares(g, 'comp:c');
    expect(b.shares.map((s) => [s.share, s.estimated])).toEqual([[1, true]]);
    expect(hhi(b)).toBe(1);
    // No country mapped: all of it is of unknown origin.
    expect(originShares(b)!.unknownOrigin).toBe(1);
  });

  it('splits what declared shares leave among suppliers without one: 0.6 declared, 0.4 estimated → HHI 0.52', () => {
    const g = graphOf((b) => b.mat('mat:m').sup('sup:a').sup('sup:b').supplied('mat:m', 'sup:a', 0.6).supplied('mat:m', 'sup:b'));
    const b = effectiveShares(g, 'mat:m');
    expect(b.shares.map((s) => s.share)).toEqual([0.6, 0.4]);
    expect(hhi(b)).toBe(0.52);
  });

  it('keeps an unattributed remainder out of the HHI and counts it as unknown origin', () => {
    const g = graphOf((b) => b.mat('mat:m').country('country:cn', false).sup('sup:a', 'country:cn').supplied('mat:m', 'sup:a', 0.7));
    const b = effectiveShares(g, 'mat:m');
    expect(b.unattributed).toBe(0.3);
    expect(hhi(b)).toBe(0.49);
    expect(originShares(b)).toMatchObject({ nonEu: 0.7, unknownOrigin: 0.3 });
  });

  it('says "unknown supply" for an item without supplier data instead of a number', () => {
    const g = graphOf((b) => b.mat('mat:m'));
    const b = effectiveShares(g, 'mat:m');
    expect(b.known).toBe(false);
    expect(hhi(b)).toBeNull();
    expect(originShares(b)).toBeNull();
  });
});
