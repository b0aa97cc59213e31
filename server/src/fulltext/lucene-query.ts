// Turns what an analyst types into a Lucene query for the full-text index (english analyzer over name, aliases and
// description; server/src/db/indexes-and-constraints.repository.ts). Every word must match; a word matches its English stem (biometric =
// biometrics), with one typo when it has 5 characters or more, and the last word also matches as the start of a longer
// one while it is being typed. Only letters and digits reach the query, so Lucene syntax typed by a user
// (`name:*`, quotes, `~`, brackets…) can neither break nor widen it.
import { stemmer } from 'stemmer';

/** The english analyzer's stop words (Lucene's EnglishAnalyzer): never indexed, so never required. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);
/** More words than this are ignored: each adds clauses, and Lucene refuses a query of over 1,024 clauses. */
export const MAX_WORDS = 8;
/** Typo tolerance (one edit) applies from this word length on; shorter words would match too many others. */
export const FUZZY_MIN_LENGTH = 5;
/** A lone word being typed matches as a prefix from this length on (one letter alone would match most of the graph). */
export const PREFIX_MIN_LENGTH = 2;
/**
 * Endings the English stemmer removes. A word typed past its stem ("surveilla", "identificatio") is no prefix of any
 * indexed stem ("surveil", "identif"), so it is completed with each ending it has begun (surveilla + nce) and the
 * completion's stem is tried as well.
 */
const ENDINGS = [
  'ication',
  'ization',
  'isation',
  'ation',
  'ition',
  'ement',
  'ment',
  'ness',
  'ance',
  'ence',
  'ing',
  'ion',
  'ity',
  'ive',
  'ous',
  'able',
  'ible',
  'ical',
  'ics',
  'ful',
  'ism',
  'ist',
  'al',
  'ed',
  'er',
  'es',
  'ly',
];

export interface SearchTerm {
  /** Lower-case letters and digits only. */
  word: string;
  /** The last word, still being typed: it also matches longer words that start with it. */
  prefix: boolean;
  /** Every required word must match; an optional one (a stop word being typed) only improves the score. */
  required: boolean;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  /** The whole text, lower case, spaces collapsed: an entity whose name or alias equals it ranks first. */
  exact: string;
}

export function parseSearchText(text: string): ParsedSearch {
  const exact = text.trim().toLowerCase().replace(/\s+/g, ' ');
  // "China's" is indexed as "china" (the analyzer drops the possessive), so the query drops it too.
  const words = (
    text
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_WORDS);
  // A trailing space says the last word is finished.
  const typing = !/\s$/u.test(text);
  const terms: SearchTerm[] = [];
  words.forEach((word, i) => {
    // One letter after other words ("quantum n") is a prefix too: the other words bound what it can match.
    const prefix = typing && i === words.length - 1 && (word.length >= PREFIX_MIN_LENGTH || words.length > 1);
    const stop = STOP_WORDS.has(word);
    if (stop && !prefix) return;
    terms.push({ word, prefix, required: !stop });
  });
  // Only a stop word being typed ("in"): it is all there is, so it must match as a prefix (infrared, intelligence…).
  if (terms.length > 0 && !terms.some((t) => t.required)) terms.forEach((t) => (t.required = true));
  return { terms, exact };
}

/** The Porter stem, as the english analyzer indexes it (biometrics → biometr). */
export const stemOf = (word: string): string => stemmer(word);

const unique = (values: string[]) => [...new Set(values)];

/** Stems of the word completed with each ending it has begun, when they are no longer prefixed by the word itself. */
export function completedStems(word: string): string[] {
  const stems: string[] = [];
  for (const ending of ENDINGS) {
    for (let k = ending.length - 1; k >= 1; k--) {
      if (!word.endsWith(ending.slice(0, k))) continue;
      const stem = stemOf(word + ending.slice(k));
      if (stem.length >= 3 && !stem.startsWith(word)) stems.push(stem);
    }
  }
  return unique(stems);
}

function clauses(term: SearchTerm): string[] {
  const { word } = term;
  // Plain words go through the analyzer (stemmed, so biometric and biometrics both find "biometr").
  const parts = [`name:${word}^4`, `aliases:${word}^4`, `description:${word}`];
  if (word.length >= FUZZY_MIN_LENGTH) {
    // Fuzzy terms skip the analyzer and are compared with indexed stems, so the stem is tried as well (a typo in
    // "survailance" is one edit from the stem "surveil", not from the word).
    for (const v of unique([word, stemOf(word)])) parts.push(`name:${v}~1^2`, `aliases:${v}~1^2`);
  }
  if (term.prefix) {
    parts.push(`name:${word}*`, `aliases:${word}*`, `description:${word}*^0.3`);
    // Stems of the word's completions, as whole terms (~0: compared as written, not stemmed again).
    for (const v of completedStems(word)) parts.push(`name:${v}~0^0.5`, `aliases:${v}~0^0.5`, `description:${v}~0^0.2`);
  }
  return parts;
}

export function buildLuceneQuery(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `${t.required ? '+' : ''}(${clauses(t).join(' ')})`).join(' ');
}

export function toLuceneQuery(text: string): string | null {
  return buildLuceneQuery(parseSearchText(text).terms);
}
