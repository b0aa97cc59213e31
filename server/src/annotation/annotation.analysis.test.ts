import { describe as suite, expect, it } from 'vitest';
import { describe, ratingSpread, type RatedAnnotation } from './annotation.analysis.js';
import { admiraltyCode, excerpt } from './annotation.model.js';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;

suite('describe', () => {
  it('gives count, mean, min, max, population standard deviation and a histogram over the scale', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and population SD 2 (a textbook example).
    const stats = describe([2, 4, 4, 4, 5, 5, 7, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(stats).toMatchObject({ count: 8, mean: 5, min: 2, max: 9, standardDeviation: 2 });
    expect(stats.histogram.map((b) => b.count)).toEqual([0, 1, 0, 3, 2, 0, 1, 0, 1]);
  });

  it('has no mean or spread without values, but keeps the empty scale', () => {
    expect(describe([], [1, 2])).toEqual({
      count: 0,
      mean: null,
      min: null,
      max: null,
      standardDeviation: null,
      histogram: [
        { value: 1, count: 0 },
        { value: 2, count: 0 },
      ],
    });
  });

  it('bins by the values seen when there is no scale', () => {
    expect(describe([2030, 2035, 2030]).histogram).toEqual([
      { value: 2030, count: 2 },
      { value: 2035, count: 1 },
    ]);
  });
});

suite('ratingSpread: whose vote', () => {
  it('takes an author’s latest vote by their own changes, not by a moderator’s later edit', () => {
    // Ana's note of day 1 (impact 2) was edited by a moderator on day 9; her own latest is day 5 (impact 4).
    const spread = ratingSpread([
      { author: 'Ana', authorId: 'user:a', updatedAt: at(9), authorUpdatedAt: at(1), impact: 2 },
      { author: 'Ana', authorId: 'user:a', updatedAt: at(5), authorUpdatedAt: at(5), impact: 4 },
    ]);
    expect(spread.impact).toMatchObject({ count: 1, mean: 4 });
  });

  it('counts two users who share a name as two voters, by their ids', () => {
    const spread = ratingSpread([
      { author: 'Sam', authorId: 'user:1', updatedAt: at(1), impact: 1 },
      { author: 'Sam', authorId: 'user:2', updatedAt: at(2), impact: 5 },
    ]);
    expect(spread.raters).toBe(2);
    expect(spread.impact).toMatchObject({ count: 2, mean: 3 });
  });
});

suite('ratingSpread', () => {
  const annotations: RatedAnnotation[] = [
    { author: 'ana', updatedAt: at(1), impact: 2, likelihood: 3, reliability: 'B', credibility: 2, horizonYear: 2030 },
    // Ana's later note supersedes her impact, but gives no likelihood, so her earlier likelihood still counts.
    { author: 'ana', updatedAt: at(5), impact: 4 },
    { author: 'ben', updatedAt: at(2), impact: 5, likelihood: 1, reliability: 'C', credibility: 3, horizonYear: 2035 },
    { author: 'cem', updatedAt: at(3), impact: 3, deleted: true },
    { author: 'dan', updatedAt: at(4) },
  ];
  const spread = ratingSpread(annotations);

  it('counts each analyst once, with their latest rating, ignoring deleted notes and notes without ratings', () => {
    expect(spread.raters).toBe(2);
    // Impact: ana 4, ben 5 → mean 4.5, SD 0.5.
    expect(spread.impact).toMatchObject({ count: 2, mean: 4.5, min: 4, max: 5, standardDeviation: 0.5 });
    expect(spread.impact.histogram).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: value >= 4 ? 1 : 0 })));
    // Likelihood: ana 3, ben 1 → mean 2, SD 1.
    expect(spread.likelihood).toMatchObject({ count: 2, mean: 2, min: 1, max: 3, standardDeviation: 1 });
    expect(spread.horizonYear).toMatchObject({ count: 2, mean: 2032.5, min: 2030, max: 2035 });
  });

  it('counts Admiralty grades', () => {
    expect(spread.reliability).toEqual([
      { grade: 'A', count: 0 },
      { grade: 'B', count: 1 },
      { grade: 'C', count: 1 },
      { grade: 'D', count: 0 },
      { grade: 'E', count: 0 },
      { grade: 'F', count: 0 },
    ]);
    expect(spread.credibility.histogram.map((b) => b.count)).toEqual([0, 1, 1, 0, 0, 0]);
  });
});

suite('helpers', () => {
  it('writes the Admiralty code only when both parts are rated', () => {
    expect(admiraltyCode('B', 2)).toBe('B2');
    expect(admiraltyCode('B', null)).toBeNull();
  });

  it('makes a one-line excerpt', () => {
    expect(excerpt('Short\nnote')).toBe('Short note');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
