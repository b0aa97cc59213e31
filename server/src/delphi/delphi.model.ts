// What a Delphi study asks and on which scales. One source of truth for the API's checks, the statistics and the web
// form's ranges. The method and the consensus rule are explained in docs/delphi.md.
import type { EntityKind } from '../db/labels.js';

/** What a study can be about: technologies (whose ratings the results can feed) and signals. */
export const DELPHI_ITEM_KINDS: readonly EntityKind[] = ['Technology', 'Signal'];
export const ITEMS_MIN = 1;
export const ITEMS_MAX = 30;
export const INVITEES_MAX = 50;
export const TITLE_MAX = 200;
export const RATIONALE_MAX = 4000;

export { DelphiRoundStatus } from '../vocabulary/vocabularies.js';

/** The three rated questions (the free-text rationale is the fourth, not rated). */
export const QUESTIONS = ['impact', 'likelihood', 'horizonYear'] as const;
export type Question = (typeof QUESTIONS)[number];

/** Each question's scale: its first and last allowed value. Impact and likelihood are the annotations' 1–5. */
export const SCALES: Record<Question, { min: number; max: number }> = {
  impact: { min: 1, max: 5 },
  likelihood: { min: 1, max: 5 },
  // A fixed range, so the consensus index of a round does not depend on the day it was computed.
  horizonYear: { min: 2026, max: 2060 },
};

/** What the analysts read: "impact", "likelihood", "horizon year". */
export const QUESTION_WORDS: Record<Question, string> = { impact: 'impact', likelihood: 'likelihood', horizonYear: 'horizon year' };

/**
 * A round has consensus when its consensus index (the mean over items and questions of IQR / number of scale points)
 * is at most this: on a 5-point scale that is an IQR of at most 1, the classic Delphi rule.
 */
export const CONSENSUS_THRESHOLD = 0.2;

/** One analyst's answer about one item in one round. */
export interface AnswerValues {
  impact: number;
  likelihood: number;
  horizonYear: number;
}
