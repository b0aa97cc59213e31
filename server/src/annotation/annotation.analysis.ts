// The spread of analysts' ratings of one entity. Pure: unit-tested in annotation.analysis.test.ts.
//
// Each analyst counts once per rating: their most recently updated, not deleted annotation that gives that rating.
// (An analyst who re-rates by writing a second note does not get two votes.) The standard deviation is the
// population one: the spread of the ratings given, 0 when everyone agrees.
import { RATING_MAX, RATING_MIN, RELIABILITY_GRADES } from './annotation.model.js';

export interface RatedAnnotation {
  author: string;
  /** Set on annotations written since ids were recorded; names can repeat, ids cannot. */
  authorId?: string | null;
  updatedAt: string;
  /** The author's own latest change; a moderator's edit does not move it (older annotations lack it). */
  authorUpdatedAt?: string | null;
  deleted?: boolean | null;
  impact?: number | null;
  likelihood?: number | null;
  horizonYear?: number | null;
  reliability?: string | null;
  credibility?: number | null;
}

export interface Stats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  standardDeviation: number | null;
  histogram: { value: number; count: number }[];
}

export interface Spread {
  raters: number;
  impact: Stats;
  likelihood: Stats;
  horizonYear: Stats;
  reliability: { grade: string; count: number }[];
  credibility: Stats;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** count, mean, min, max, population standard deviation and a histogram (over `scale`, or the values seen). */
export function describe(values: readonly number[], scale?: readonly number[]): Stats {
  const bins = scale ?? [...new Set(values)].sort((a, b) => a - b);
  const histogram = bins.map((value) => ({ value, count: values.filter((v) => v === value).length }));
  if (values.length === 0) return { count: 0, mean: null, min: null, max: null, standardDeviation: null, histogram };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return {
    count: values.length,
    mean: round(mean),
    min: Math.min(...values),
    max: Math.max(...values),
    standardDeviation: round(Math.sqrt(variance)),
    histogram,
  };
}

/** Whose vote an annotation is: its author (by id when recorded). */
const voterOf = (a: RatedAnnotation) => a.authorId ?? `name:${a.author}`;

/** Each author's latest value of one rating (ignoring deleted annotations and annotations without it). */
function latestPerAuthor<T>(annotations: readonly RatedAnnotation[], pick: (a: RatedAnnotation) => T | null | undefined): T[] {
  const latest = new Map<string, { at: number; value: T }>();
  for (const a of annotations) {
    const value = pick(a);
    if (a.deleted || value === null || value === undefined) continue;
    const at = Date.parse(a.authorUpdatedAt ?? a.updatedAt) || 0;
    const seen = latest.get(voterOf(a));
    if (!seen || at > seen.at) latest.set(voterOf(a), { at, value });
  }
  return [...latest.values()].map((v) => v.value);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function ratingSpread(annotations: readonly RatedAnnotation[]): Spread {
  const live = annotations.filter((a) => !a.deleted);
  const raters = new Set(
    live.filter((a) => [a.impact, a.likelihood, a.horizonYear, a.reliability, a.credibility].some((v) => v !== null && v !== undefined)).map(voterOf),
  );
  const reliability = latestPerAuthor(live, (a) => a.reliability);
  return {
    raters: raters.size,
    impact: describe(
      latestPerAuthor(live, (a) => a.impact),
      range(RATING_MIN, RATING_MAX),
    ),
    likelihood: describe(
      latestPerAuthor(live, (a) => a.likelihood),
      range(RATING_MIN, RATING_MAX),
    ),
    horizonYear: describe(latestPerAuthor(live, (a) => a.horizonYear)),
    reliability: RELIABILITY_GRADES.map((grade) => ({ grade, count: reliability.filter((r) => r === grade).length })),
    credibility: describe(
      latestPerAuthor(live, (a) => a.credibility),
      range(1, 6),
    ),
  };
}
