// The signal's vocabulary and the record shapes shared by intake (by hand, feeds, CSV) and the repository.
import { RELATIONSHIP_TYPES } from '../db/labels.js';
import { SignalStatus as SignalStatuses, Steep as SteepCategories, storedValues } from '../vocabulary/vocabularies.js';

export type Steep = `${SteepCategories}`;
export const STEEP_CATEGORIES: readonly Steep[] = storedValues(SteepCategories);

/** The triage lifecycle: new (just in) → assessed (read and rated) → linked (tied to the graph) → archived (set aside). */
export type SignalStatus = `${SignalStatuses}`;
export const SIGNAL_STATUSES: readonly SignalStatus[] = storedValues(SignalStatuses);

/** What a signal may INDICATE (from the model in db/labels.ts). */
export const INDICATES_TARGETS = RELATIONSHIP_TYPES.INDICATES.to;

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 5000;
/** Imported summaries longer than this are cut at a word boundary (feeds often carry whole articles). */
export const IMPORTED_SUMMARY_MAX = 2000;
export const PUBLISHER_MAX = 300;
export const URL_MAX = 2000;
export const DEFAULT_RELEVANCE = 0.5;

/** A signal ready to write: validated, normalised, with both de-duplication keys. */
export interface SignalDraft {
  name: string;
  description: string | null;
  url: string;
  canonicalUrl: string;
  contentHash: string;
  publisher: string | null;
  publishedAt: string;
  observedAt: string;
  steep: Steep;
  status: SignalStatus;
  /** Per-record link targets (a CSV column); the import's linkTo targets come on top. */
  targetIds: string[];
}

/** One record as read from a feed or CSV row, before validation. Every field is raw text. */
export interface RawSignal {
  /** 1-based position in the file (item, entry or data row). */
  position: number;
  /** Line in the file, where the parser knows it (CSV). */
  line: number | null;
  title?: string;
  summary?: string;
  url?: string;
  publisher?: string;
  publishedAt?: string;
  observedAt?: string;
  steep?: string;
  status?: string;
  /** Feed categories; one naming a STEEP category sets it. */
  categories?: string[];
  targetIds?: string[];
  /** Set by the parser when the row cannot be read at all (e.g. a CSV row with the wrong number of fields). */
  problem?: string;
}
