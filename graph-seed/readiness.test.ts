import { describe, expect, it } from 'vitest';
import { smallSeed } from '../tests/fixtures/small-seed.js';
import { validateSeed } from './validate.js';

const technologies = (data: ReturnType<typeof smallSeed>) => data.nodes.find((g) => g.kind === 'Technology')!.records;
const fieldsAndMessages = (data: ReturnType<typeof smallSeed>) => validateSeed(data).map((p) => [p.record, p.field, p.message]);

describe('readiness provenance', () => {
  it('accepts a stated TRL with year, source and basis, and an estimate with its note', () => {
    const data = smallSeed();
    Object.assign(technologies(data)[1]!, {
      horizon: '2030',
      horizonSource: 'src:doc',
      horizonBasis: 'estimate',
      horizonNote: 'The report expects pilots by 2030.',
    });
    expect(validateSeed(data)).toEqual([]);
  });

  it('refuses a value without its source, basis or year, and an estimate without a note', () => {
    const data = smallSeed();
    Object.assign(technologies(data)[0]!, { trlYear: undefined, trlSource: undefined, trlBasis: undefined });
    Object.assign(technologies(data)[1]!, { euPosition: 'lagging', euPositionSource: 'src:doc', euPositionBasis: 'estimate' });
    expect(fieldsAndMessages(data)).toEqual([
      ['#1 (tech:a)', 'trlSource', 'is required with "trl": the id of the Source record it comes from.'],
      ['#1 (tech:a)', 'trlBasis', 'is required with "trl": "stated" when the source gives it, "estimate" when it is a curator\'s judgement from the source.'],
      ['#1 (tech:a)', 'trlYear', 'is required with "trl": the year the readiness was assessed.'],
      ['#2 (tech:b)', 'euPositionNote', 'is required for an estimate: say what in the source the judgement rests on.'],
    ]);
  });

  it("refuses a source that is unknown or not among the record's sources, a basis outside the scale, and provenance without a value", () => {
    const data = smallSeed();
    data.nodes[0]!.records.push({ id: 'src:other', title: 'Another report', publisher: 'EUDA', year: 2024, url: 'https://example.org/o' });
    Object.assign(technologies(data)[0]!, { trlSource: 'src:other', trlBasis: 'guess' });
    Object.assign(technologies(data)[1]!, { horizonSource: 'src:nowhere', horizonNote: 'No horizon given.' });
    expect(fieldsAndMessages(data)).toEqual([
      ['#1 (tech:a)', 'trlBasis', 'must be one of: stated, estimate (got "guess").'],
      ['#1 (tech:a)', 'trlSource', '"src:other" must also be listed in the record\'s "sources".'],
      ['#2 (tech:b)', 'horizonSource', 'describes a horizon the record does not have; set "horizon" or remove "horizonSource".'],
      ['#2 (tech:b)', 'horizonNote', 'describes a horizon the record does not have; set "horizon" or remove "horizonNote".'],
    ]);
  });
});
