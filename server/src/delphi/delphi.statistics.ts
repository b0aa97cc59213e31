// The group statistics of a closed Delphi round. Pure: unit-tested on hand-worked values in delphi.statistics.test.ts.
//
// Quartiles use linear interpolation between order statistics, Hyndman & Fan type 7 (R's default, Excel's
// QUARTILE.INC, d3's quantile): for sorted values x[0..n-1] the p-quantile is at position h = (n - 1)·p, i.e.
// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). So the median is the middle value (or the mean of the two middle ones),
// and for three answers 1, 3, 4: Q1 = 2, Q3 = 3.5. Written here (a few lines) rather than adding a dependency for it.
import { CONSENSUS_THRESHOLD, QUESTIONS, SCALES, type AnswerValues, type Question } from './delphi.model.js';

export interface QuestionStats {
  count: number;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  /** upperQuartile − lowerQuartile. */
  iqr: number | null;
  /** Counts per value: every value of the scale for impact and likelihood, the years given for the horizon. */
  histogram: { value: number; count: number }[];
}

export interface ItemStats {
  itemId: string;
  answers: number;
  impact: QuestionStats;
  likelihood: QuestionStats;
  horizonYear: QuestionStats;
}

/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, type 7; null when there are none. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/** Counts per value over `bins` (every scale value), or over the distinct values seen when no bins are given. */
export function histogram(values: readonly number[], bins?: readonly number[]): { value: number; count: number }[] {
  const keys = bins ?? [...new Set(values)].sort((a, b) => a - b);
  return keys.map((value) => ({ value, count: values.filter((v) => v === value).length }));
}

const LIKERT_BINS = [1, 2, 3, 4, 5];

export function describeQuestion(values: readonly number[], question: Question): QuestionStats {
  const sorted = [...values].sort((a, b) => a - b);
  const lowerQuartile = quantileSorted(sorted, 0.25);
  const upperQuartile = quantileSorted(sorted, 0.75);
  return {
    count: sorted.length,
    median: quantileSorted(sorted, 0.5),
    lowerQuartile,
    upperQuartile,
    iqr: lowerQuartile === null || upperQuartile === null ? null : upperQuartile - lowerQuartile,
    histogram: histogram(sorted, question === 'horizonYear' ? undefined : LIKERT_BINS),
  };
}

/** The statistics of every item, in the order given; answers about other items are ignored. */
export function itemStatistics(itemIds: readonly string[], answers: readonly (AnswerValues & { itemId: string })[]): ItemStats[] {
  return itemIds.map((itemId) => {
    const mine = answers.filter((a) => a.itemId === itemId);
    return {
      itemId,
      answers: mine.length,
      impact: describeQuestion(
        mine.map((a) => a.impact),
        'impact',
      ),
      likelihood: describeQuestion(
        mine.map((a) => a.likelihood),
        'likelihood',
      ),
      horizonYear: describeQuestion(
        mine.map((a) => a.horizonYear),
        'horizonYear',
      ),
    };
  });
}

/** How many values a question's scale has: 5 for impact and likelihood, 35 years for the horizon (2026–2060). */
export function scalePoints(question: Question): number {
  return SCALES[question].max - SCALES[question].min + 1;
}

export interface Consensus {
  /** Mean over items and questions (with at least one answer) of IQR / scale points; null when nobody answered. */
  index: number | null;
  /** index ≤ CONSENSUS_THRESHOLD (0.2). */
  reached: boolean;
}

export function consensusOf(stats: readonly ItemStats[]): Consensus {
  const shares = stats.flatMap((s) => QUESTIONS.flatMap((q) => (s[q].iqr === null ? [] : [s[q].iqr! / scalePoints(q)])));
  if (shares.length === 0) return { index: null, reached: false };
  const index = Math.round((shares.reduce((sum, v) => sum + v, 0) / shares.length) * 10_000) / 10_000;
  return { index, reached: index <= CONSENSUS_THRESHOLD };
}

/** The questions whose value lies outside the previous round's interquartile range (strictly below Q1 or above Q3). */
export function outsideRange(answer: AnswerValues, previous: Pick<ItemStats, Question> | undefined): Question[] {
  if (!previous) return [];
  return QUESTIONS.filter((q) => {
    const { lowerQuartile, upperQuartile } = previous[q];
    return lowerQuartile !== null && upperQuartile !== null && (answer[q] < lowerQuartile || answer[q] > upperQuartile);
  });
}

/** The value written to a rating: the median rounded half up to a whole number (ratings are whole numbers). */
export function ratingOf(median: number | null): number | null {
  return median === null ? null : Math.floor(median + 0.5);
}
