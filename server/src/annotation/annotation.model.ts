// What an annotation holds, and the Admiralty (NATO) confidence scale it is rated on. See docs/signals.md.
import type { EntityKind } from '../db/labels.js';

/** Kinds an analyst may annotate: signals, technologies, capabilities and what dependencies point at. */
export const ANNOTATABLE_KINDS: readonly EntityKind[] = ['Signal', 'Technology', 'Capability', 'Component', 'Material'];

/** Source reliability, the letter of the Admiralty code. */
export const SOURCE_RELIABILITY = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const;
export const RELIABILITY_GRADES = Object.keys(SOURCE_RELIABILITY) as (keyof typeof SOURCE_RELIABILITY)[];

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const TEXT_MAX = 10_000;
export const TAG_MAX = 40;
export const TAGS_MAX = 20;
export const REFERENCES_MAX = 20;
export const HORIZON_MAX = 2100;

/** The content of an annotation, as stored on the node and snapshotted in every revision. */
export interface AnnotationContent {
  text: string;
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
  reliability: string | null;
  credibility: number | null;
  tags: string[];
  references: string[];
}

export const CONTENT_KEYS = [
  'text',
  'impact',
  'likelihood',
  'horizonYear',
  'reliability',
  'credibility',
  'tags',
  'references',
] as const satisfies readonly (keyof AnnotationContent)[];

/** The ratings: the author's vote in the spread, which only the author may change. */
export const RATING_KEYS = ['impact', 'likelihood', 'horizonYear', 'reliability', 'credibility'] as const satisfies readonly (keyof AnnotationContent)[];

export type RevisionAction = 'created' | 'edited' | 'deleted';

/** "B2" from reliability B and credibility 2; null unless both are rated. */
export function admiraltyCode(reliability: string | null | undefined, credibility: number | null | undefined): string | null {
  return reliability && credibility ? `${reliability}${credibility}` : null;
}

/** The node's name: the start of the text, so lists and search show something readable. */
export function excerpt(text: string, max = 80): string {
  const flat = text.split(/\s+/).filter(Boolean).join(' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
