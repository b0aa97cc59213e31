// The Delphi view's pure logic (web/src/views/Delphi/delphi-view.ts): which drafted values need a rationale (the same
// rule as the API: strictly outside the previous round's Q1–Q3), the number wording and the starting drafts.
import { describe, expect, it } from 'vitest';
import { consensusText, draftsFor, num, outsideQuestions, rangeText, type ItemResult, type Round } from '../web/src/views/Delphi/delphi-view.js';

const stats = (lowerQuartile: number, upperQuartile: number) => ({
  count: 3,
  median: lowerQuartile,
  lowerQuartile,
  upperQuartile,
  iqr: upperQuartile - lowerQuartile,
  histogram: [],
});
// Round 1 of answers 2, 3, 5 / 3, 3, 4 / 2030, 2032, 2040: Q1–Q3 = 2.5–4, 3–3.5, 2031–2036 (type 7).
const previous: ItemResult = {
  itemId: 'tech:a',
  answers: 3,
  rationales: [],
  impact: stats(2.5, 4),
  likelihood: stats(3, 3.5),
  horizonYear: stats(2031, 2036),
};

describe('rationale required', () => {
  it('names the questions outside the previous IQR, strictly', () => {
    expect(outsideQuestions({ impact: 5, likelihood: 4, horizonYear: 2040, rationale: '' }, previous)).toEqual(['impact', 'likelihood', 'horizonYear']);
    expect(outsideQuestions({ impact: 4, likelihood: 3, horizonYear: 2031, rationale: '' }, previous)).toEqual([]);
    expect(outsideQuestions({ impact: 2, likelihood: null, horizonYear: null, rationale: '' }, previous)).toEqual(['impact']);
    expect(outsideQuestions({ impact: 1, likelihood: 1, horizonYear: 2026, rationale: '' }, undefined)).toEqual([]);
  });
});

describe('wording', () => {
  it('shows at most two decimals', () => {
    expect(num(0.1476)).toBe('0.15');
    expect(num(2033.5)).toBe('2033.5');
    expect(num(null)).toBe('–');
    expect(rangeText(stats(2.5, 4))).toBe('2.5–4');
    expect(consensusText({ consensus: 0.2024, consensusReached: false })).toBe('0.202 (no consensus yet, ≤ 0.2 needed)');
    expect(consensusText({ consensus: null, consensusReached: null })).toBe('no answers');
  });
});

describe('drafts', () => {
  it('start from this round’s saved answer, else the previous round’s', () => {
    const answer = (itemId: string, impact: number, rationale: string | null = null) => ({
      itemId,
      impact,
      likelihood: 3,
      horizonYear: 2030,
      rationale,
      answeredAt: '',
    });
    const round1 = { number: 1, itemIds: ['tech:a', 'tech:b'], myAnswers: [answer('tech:a', 5, 'old'), answer('tech:b', 2)] } as unknown as Round;
    const round2 = { number: 2, itemIds: ['tech:a', 'tech:b', 'tech:c'], myAnswers: [answer('tech:b', 4, 'moved')] } as unknown as Round;
    expect(draftsFor(round2, round1)).toEqual({
      'tech:a': { impact: 5, likelihood: 3, horizonYear: 2030, rationale: '' },
      'tech:b': { impact: 4, likelihood: 3, horizonYear: 2030, rationale: 'moved' },
      'tech:c': { impact: null, likelihood: null, horizonYear: null, rationale: '' },
    });
  });
});
