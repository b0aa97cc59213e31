// Pure rules of search beyond the Lucene query: the kind order that breaks ties, and which field of a hit matched.
import type { EntityKind } from '../db/labels.js';
import { completedStems, FUZZY_MIN_LENGTH, stemOf, type SearchTerm } from '../fulltext/lucene-query.js';

/**
 * Tie-break between equally good hits: what analysts come to the map for first (technologies and the capabilities
 * they serve), then the EU frameworks that classify them, then the supply chain from the country down, then context
 * (case studies, projects, organisations, signals). Kinds not listed (not indexed) sort last.
 */
export const SEARCH_KIND_ORDER: readonly EntityKind[] = [
  'Technology',
  'Capability',
  'CriticalTechnologyArea',
  'KetArea',
  'Country',
  'Material',
  'Component',
  'Supplier',
  'CaseStudy',
  'Project',
  'Organisation',
  'Signal',
];
export const KIND_RANK: Readonly<Record<string, number>> = Object.fromEntries(SEARCH_KIND_ORDER.map((k, i) => [k, i]));

export type MatchedField = 'NAME' | 'ALIAS' | 'DESCRIPTION';

export interface FieldMatch {
  field: MatchedField;
  /** The alias that matched, when the field is ALIAS. */
  text: string | null;
}

interface Token {
  raw: string;
  stem: string;
}

const tokens = (text: string): Token[] =>
  (
    text
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map((raw) => ({ raw, stem: stemOf(raw) }));

/** Levenshtein distance, stopping early once it exceeds 1 (only "at most one edit" matters here). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference the rest must be equal, allowing one substitution, insertion or deletion.
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** Mirrors the clauses of lucene-query.ts (server/src/fulltext) on one token, to tell where a hit the index returned came from. */
function termMatches(term: SearchTerm, token: Token): boolean {
  const { word } = term;
  const stem = stemOf(word);
  if (token.stem === stem || token.raw === word) return true;
  if (word.length >= FUZZY_MIN_LENGTH && (withinOneEdit(word, token.stem) || withinOneEdit(stem, token.stem))) return true;
  if (!term.prefix) return false;
  if (token.raw.startsWith(word) || token.stem.startsWith(word)) return true;
  return completedStems(word).includes(token.stem);
}

function matchesAll(text: string | null | undefined, terms: readonly SearchTerm[]): number {
  if (!text) return 0;
  const found = tokens(text);
  return terms.filter((t) => t.required && found.some((token) => termMatches(t, token))).length;
}

/**
 * Which field a hit matched: its name or an alias when it equals the whole text or holds every word; else the
 * description when that does; else (words spread over several fields) the field holding the most words.
 */
export function matchedField(
  entity: { name: string; aliases: readonly string[]; description?: string | null },
  terms: readonly SearchTerm[],
  exact: string,
): FieldMatch {
  if (entity.name.toLowerCase() === exact) return { field: 'NAME', text: null };
  const exactAlias = entity.aliases.find((a) => a.toLowerCase() === exact);
  if (exactAlias !== undefined) return { field: 'ALIAS', text: exactAlias };
  const required = terms.filter((t) => t.required).length;
  const inName = matchesAll(entity.name, terms);
  if (inName === required) return { field: 'NAME', text: null };
  let best: { alias: string; count: number } | null = null;
  for (const alias of entity.aliases) {
    const count = matchesAll(alias, terms);
    if (count === required) return { field: 'ALIAS', text: alias };
    if (count > (best?.count ?? 0)) best = { alias, count };
  }
  const inDescription = matchesAll(entity.description, terms);
  if (inDescription === required) return { field: 'DESCRIPTION', text: null };
  const top = Math.max(inName, best?.count ?? 0, inDescription);
  if (top > 0 && inName === top) return { field: 'NAME', text: null };
  if (best && best.count === top) return { field: 'ALIAS', text: best.alias };
  return { field: 'DESCRIPTION', text: null };
}
