import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../entity/entity.type.js';
import { ESTIMATE_LEGEND, estimateLegend, readinessFact, trlCell } from './briefing.readiness.js';

const tech = (fields: Record<string, unknown>): EntityRecord => ({ id: 'tech:t', kind: 'Technology', name: 'T', ...fields }) as EntityRecord;

describe('readiness values in briefings', () => {
  const estimated = tech({
    trl: 6,
    trlYear: 2024,
    trlSource: 'src:frontex',
    trlBasis: 'estimate',
    trlNote: 'Pilots at two borders',
    horizon: '2030',
    horizonSource: 'src:nato',
    horizonBasis: 'stated',
  });

  it('marks an estimate with ≈ and its basis, and cites the source the value names', () => {
    expect(readinessFact(estimated, 'trl', ['src:other'])).toEqual({
      value: '≈ TRL 6 (as of 2024) (estimate: Pilots at two borders)',
      sources: ['src:frontex'],
    });
  });

  it('says a stated value is stated, and an absent one is unknown with no source', () => {
    expect(readinessFact(estimated, 'horizon', [])).toEqual({ value: '2030 (stated in the source)', sources: ['src:nato'] });
    expect(readinessFact(estimated, 'euPosition', ['src:other'])).toEqual({ value: 'unknown', sources: [] });
  });

  it('falls back to the entity sources for a value written before provenance existed', () => {
    expect(readinessFact(tech({ trl: 9 }), 'trl', ['src:old'])).toEqual({ value: 'TRL 9', sources: ['src:old'] });
  });

  it('shows an estimated TRL in a table as "≈ n", muted; a stated one as the number', () => {
    expect(trlCell(estimated, 6, [])).toEqual({ text: '≈ 6', sources: ['src:frontex'], tone: 'muted' });
    expect(trlCell(tech({ trl: 7, trlSource: 'src:anita', trlBasis: 'stated' }), 7, [])).toEqual({ text: '7', sources: ['src:anita'] });
    expect(trlCell(undefined, null, [])).toEqual({ text: 'unknown', tone: 'muted' });
  });

  it('adds the legend only when an estimate is shown', () => {
    expect(estimateLegend(false)).toEqual([]);
    expect(estimateLegend(true)).toEqual([{ type: 'paragraph', text: ESTIMATE_LEGEND }]);
  });
});
