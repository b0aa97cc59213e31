/**
 * THE criticality-score weights and constants — the one place they live (docs/dependency-analysis.md explains them).
 *
 * A node's score is the weighted mean of the factors that apply to its kind, each a number from 0 (harmless) to 1
 * (critical):  score = Σ weight·factor / Σ weight (over applicable factors only). The API returns every factor with its
 * raw value, weight and contribution, so an analyst can see why a node ranks where it does.
 */
export const SCORE_WEIGHTS = {
  /** How many capabilities rest on the node: min(1, count / REACH_SATURATION). */
  reach: 0.25,
  /** Supplier concentration: the HHI of the item's supply (components, materials); for a supplier or country, the largest
   *  share of one item's supply it holds. Unknown supply counts as 1 (worst case), never as safe. */
  concentration: 0.25,
  /** Share of supply from outside the EU, counting supply of unknown origin as outside; unknown supply counts as 1. */
  nonEu: 0.2,
  /** 1 − substitutability (the highest declared on a DEPENDS_ON into the node; a declared SUBSTITUTES raises it to at
   *  least SUBSTITUTE_CREDIT). Components, materials and technologies. */
  substitutability: 0.2,
  /** Immaturity of a technology: (9 − TRL) / 8. Technologies with a known TRL only. */
  maturity: 0.1,
} as const;
export type FactorKey = keyof typeof SCORE_WEIGHTS;
export const FACTOR_KEYS = Object.keys(SCORE_WEIGHTS) as FactorKey[];

/** A dependency under this many capabilities or more gets the full reach factor. */
export const REACH_SATURATION = 5;
/** The substitutability credited to a node that has a declared substitute (a SUBSTITUTES edge into it). */
export const SUBSTITUTE_CREDIT = 0.5;

export const FACTOR_LABELS: Record<FactorKey, string> = {
  reach: 'Capabilities depending on it',
  concentration: 'Supplier concentration (HHI)',
  nonEu: 'Supply from outside the EU',
  substitutability: 'Lack of substitutes',
  maturity: 'Technology immaturity (TRL)',
};
