import { describe, expect, it } from 'vitest';
import { consensusOf, describeQuestion, histogram, itemStatistics, outsideRange, quantileSorted, ratingOf } from './delphi.statistics.js';

describe('quartiles (type 7, linear interpolation)', () => {
  it('three answers 1, 3, 4', () => {
    // h = (3 − 1)·p. Q1: h = 0.5 → 1 + 0.5·(3 − 1) = 2. Median: h = 1 → 3. Q3: h = 1.5 → 3 + 0.5·(4 − 3) = 3.5.
    expect(quantileSorted([1, 3, 4], 0.25)).toBe(2);
    expect(quantileSorted([1, 3, 4], 0.5)).toBe(3);
    expect(quantileSorted([1, 3, 4], 0.75)).toBe(3.5);
  });

  it('four answers 2, 4, 4, 5', () => {
    // h = 3·p. Q1: h = 0.75 → 2 + 0.75·(4 − 2) = 3.5. Median: h = 1.5 → 4 + 0.5·0 = 4. Q3: h = 2.25 → 4 + 0.25·(5 − 4) = 4.25.
    const stats = describeQuestion([5, 4, 2, 4], 'impact');
    expect(stats).toMatchObject({ count: 4, median: 4, lowerQuartile: 3.5, upperQuartile: 4.25, iqr: 0.75 });
  });

  it('one answer has no spread; none has no statistics', () => {
    expect(describeQuestion([3], 'likelihood')).toMatchObject({ count: 1, median: 3, lowerQuartile: 3, upperQuartile: 3, iqr: 0 });
    expect(describeQuestion([], 'likelihood')).toMatchObject({ count: 0, median: null, lowerQuartile: null, upperQuartile: null, iqr: null });
  });

  it('an even count takes the mean of the two middle values as median', () => {
    // 1, 2, 4, 5: h = 1.5 → 2 + 0.5·(4 − 2) = 3.
    expect(quantileSorted([1, 2, 4, 5], 0.5)).toBe(3);
  });
});

describe('histogram', () => {
  it('impact and likelihood count every value of the 1–5 scale, zeros included', () => {
    expect(describeQuestion([1, 3, 4], 'impact').histogram).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 0 },
    ]);
  });

  it('the horizon counts the years given, in order', () => {
    expect(histogram([2035, 2030, 2030])).toEqual([
      { value: 2030, count: 2 },
      { value: 2035, count: 1 },
    ]);
  });
});

describe('consensus', () => {
  it('is the mean of IQR / scale points over items and questions', () => {
    const [stats] = itemStatistics(
      ['tech:a'],
      [
        { itemId: 'tech:a', impact: 1, likelihood: 3, horizonYear: 2030 },
        { itemId: 'tech:a', impact: 3, likelihood: 3, horizonYear: 2030 },
        { itemId: 'tech:a', impact: 4, likelihood: 3, horizonYear: 2037 },
        { itemId: 'tech:other', impact: 5, likelihood: 5, horizonYear: 2060 },
      ],
    );
    expect(stats!.answers).toBe(3);
    // impact IQR 3.5 − 2 = 1.5 → 1.5 / 5 = 0.3; likelihood 3, 3, 3 → 0 / 5 = 0;
    // horizon 2030, 2030, 2037: Q1 h = 0.5 → 2030, Q3 h = 1.5 → 2030 + 0.5·7 = 2033.5, IQR 3.5 → 3.5 / 35 = 0.1.
    // Mean (0.3 + 0 + 0.1) / 3 = 0.1333 ≤ 0.2: reached.
    expect(stats!.horizonYear).toMatchObject({ lowerQuartile: 2030, upperQuartile: 2033.5, iqr: 3.5 });
    expect(consensusOf([stats!])).toEqual({ index: 0.1333, reached: true });
  });

  it('an IQR of 2 on every 5-point question is no consensus; no answers, no index', () => {
    const [stats] = itemStatistics(
      ['tech:a'],
      [1, 2, 3, 4, 5].map((v) => ({ itemId: 'tech:a', impact: v, likelihood: v, horizonYear: 2026 + 7 * (v - 1) })),
    );
    // impact and likelihood: Q1 2, Q3 4, IQR 2 → 0.4 each; horizon 2026…2054 by 7: Q1 2033, Q3 2047, IQR 14 → 0.4.
    expect(consensusOf([stats!])).toEqual({ index: 0.4, reached: false });
    expect(consensusOf(itemStatistics(['tech:a'], []))).toEqual({ index: null, reached: false });
  });
});

describe('outside the previous interquartile range', () => {
  const previous = {
    impact: describeQuestion([1, 3, 4], 'impact'), // Q1 2, Q3 3.5
    likelihood: describeQuestion([3, 3, 3], 'likelihood'), // Q1 3, Q3 3
    horizonYear: describeQuestion([2030, 2030, 2037], 'horizonYear'), // Q1 2030, Q3 2033.5
  };

  it('names the questions strictly below Q1 or above Q3', () => {
    expect(outsideRange({ impact: 2, likelihood: 3, horizonYear: 2033 }, previous)).toEqual([]);
    expect(outsideRange({ impact: 3.5, likelihood: 3, horizonYear: 2030 }, previous)).toEqual([]);
    expect(outsideRange({ impact: 1, likelihood: 4, horizonYear: 2034 }, previous)).toEqual(['impact', 'likelihood', 'horizonYear']);
    expect(outsideRange({ impact: 4, likelihood: 3, horizonYear: 2030 }, previous)).toEqual(['impact']);
  });

  it('asks nothing in a first round', () => {
    expect(outsideRange({ impact: 1, likelihood: 1, horizonYear: 2060 }, undefined)).toEqual([]);
  });
});

describe('ratings from medians', () => {
  it('rounds half up to a whole rating', () => {
    expect(ratingOf(3.5)).toBe(4);
    expect(ratingOf(2.5)).toBe(3);
    expect(ratingOf(3)).toBe(3);
    expect(ratingOf(2033.25)).toBe(2033);
    expect(ratingOf(null)).toBeNull();
  });
});
