// Pure helpers of the Delphi view: the shapes it reads (generated types), the scales, whether a new answer needs a
// rationale (the same rule the API applies: strictly outside the previous round's Q1–Q3) and number wording.
import type * as Api from '../../lib/graphql/api-types';

export type Study = Api.DelphiStudyDetailFragment;
export type Round = Study['rounds'][number];
export type ItemResult = NonNullable<Round['results']>[number];
export type QuestionStats = Api.DelphiQuestionStatsFieldsFragment;
export type StudySummary = Api.DelphiStudiesQuery['delphiStudies'][number];
export type MyAnswer = Round['myAnswers'][number];

export type Question = 'impact' | 'likelihood' | 'horizonYear';
export const QUESTIONS: readonly Question[] = ['impact', 'likelihood', 'horizonYear'];
export const QUESTION_LABELS: Record<Question, string> = { impact: 'Impact', likelihood: 'Likelihood', horizonYear: 'Horizon year' };
export const LIKERT = [1, 2, 3, 4, 5] as const;
export const IMPACT_WORDS = ['negligible', 'minor', 'moderate', 'major', 'severe'];
export const LIKELIHOOD_WORDS = ['rare', 'unlikely', 'possible', 'likely', 'almost certain'];
/** The API's horizon scale (server/src/delphi/delphi.model.ts). */
export const HORIZON_FIRST = 2026;
export const HORIZON_LAST = 2060;
export const CONSENSUS_THRESHOLD = 0.2;

export interface Draft {
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
  rationale: string;
}

/** The questions whose drafted value lies outside the previous round's interquartile range. */
export function outsideQuestions(draft: Draft, previous: ItemResult | undefined): Question[] {
  if (!previous) return [];
  return QUESTIONS.filter((q) => {
    const value = draft[q];
    const { lowerQuartile, upperQuartile } = previous[q];
    return value !== null && lowerQuartile !== null && upperQuartile !== null && (value < lowerQuartile || value > upperQuartile);
  });
}

/** 3, 3.5, 2033.5: at most two decimals, no trailing zeros; "–" for none. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return String(Math.round(value * 100) / 100);
}

export function rangeText(stats: QuestionStats): string {
  return stats.lowerQuartile === null ? '–' : `${num(stats.lowerQuartile)}–${num(stats.upperQuartile)}`;
}

export function consensusText(round: Pick<Round, 'consensus' | 'consensusReached'>): string {
  if (round.consensus === null || round.consensus === undefined) return 'no answers';
  // Three decimals: next to the 0.2 threshold, two would show 0.2024 as "0.2 … no consensus yet".
  return `${Math.round(round.consensus * 1000) / 1000} (${round.consensusReached ? 'consensus reached' : 'no consensus yet'}, ≤ ${CONSENSUS_THRESHOLD} needed)`;
}

/** The answer drafts for a round: the caller's saved answers, else their previous round's, else empty. */
export function draftsFor(round: Round, previous: Round | undefined): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  for (const itemId of round.itemIds) {
    const saved = round.myAnswers.find((a) => a.itemId === itemId) ?? previous?.myAnswers.find((a) => a.itemId === itemId);
    drafts[itemId] = {
      impact: saved?.impact ?? null,
      likelihood: saved?.likelihood ?? null,
      horizonYear: saved?.horizonYear ?? null,
      rationale: round.myAnswers.find((a) => a.itemId === itemId)?.rationale ?? '',
    };
  }
  return drafts;
}
