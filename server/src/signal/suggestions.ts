// Suggested links from a signal to technologies, each with the reasons an analyst can check: the technology's name or
// an alias written in the signal, the terms they share (TF-IDF, the same weights as clustering), or the evidence path
// "similar signals (its cluster) indicate it". Pure; unit-tested in suggestions.test.ts. docs/clustering.md.
import { cosine, tfidf, termCounts, tokens, wordsOfStems, type TermVector } from './text-vectors.js';

export interface TechnologyText {
  id: string;
  name: string;
  aliases: readonly string[];
  description: string | null;
}

export type SuggestionReasonKind = 'NAME_OR_ALIAS' | 'SHARED_TERMS' | 'SIMILAR_SIGNALS';

export interface SuggestionReason {
  kind: SuggestionReasonKind;
  /** The sentence shown to the analyst. */
  text: string;
  /** The alias found, or the shared terms as written in the signal. */
  terms: string[];
  /** SIMILAR_SIGNALS: the similar signals that indicate the technology. */
  signalIds: string[];
}

export interface Suggestion {
  technologyId: string;
  /** 0–1, for ordering: name/alias 0.6, plus up to 0.4 for similar signals, plus the text cosine. */
  score: number;
  reasons: SuggestionReason[];
}

export interface SuggestionRules {
  /** Shared terms count only from this cosine between the signal and the technology's text… */
  minimumTermSimilarity: number;
  /** …and with at least this many shared terms (one shared word is too often a coincidence). */
  minimumSharedTerms: number;
  /** Similar signals count when at least this many of them indicate the technology… */
  minimumSimilarSignals: number;
  /** …or when at least this share of them do (small clusters). */
  minimumSimilarShare: number;
  /** At most this many suggestions per signal. */
  limit: number;
}

export const SUGGESTION_RULES: SuggestionRules = {
  minimumTermSimilarity: 0.15,
  minimumSharedTerms: 2,
  minimumSimilarSignals: 2,
  minimumSimilarShare: 0.5,
  limit: 5,
};

/** A technology prepared once per data version: its vector and the phrases (stem sequences) that name it. */
export interface PreparedTechnology {
  technology: TechnologyText;
  vector: TermVector;
  /** Name and aliases as stem sequences, with the phrase as written. */
  phrases: { stems: string[]; written: string }[];
  /** Short upper-case aliases (ATR, SAR, PRS): matched as written, case and all, or they would match ordinary words. */
  acronyms: string[];
}

const ACRONYM = /^[A-Z0-9][A-Z0-9²&/-]{1,5}$/;

/** The name without its parenthesis: "New synthetic opioids (nitazenes, fentanyl analogues)" → "New synthetic opioids". */
function bareName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

export function prepareTechnologies(technologies: readonly TechnologyText[], idf: ReadonlyMap<string, number>, documentCount: number): PreparedTechnology[] {
  return technologies.map((technology) => {
    const text = [technology.name, ...technology.aliases].join('. ');
    const vector = tfidf(termCounts(text, technology.description), idf, documentCount);
    const phrases: PreparedTechnology['phrases'] = [];
    const acronyms: string[] = [];
    for (const written of [bareName(technology.name), ...technology.aliases]) {
      if (ACRONYM.test(written)) {
        acronyms.push(written);
        continue;
      }
      const stems = tokens(written).map((t) => t.stem);
      // A one-word phrase of fewer than four letters ("ML" lower-cased, "UTM") is too ambiguous as a plain word.
      if (stems.length === 0 || (stems.length === 1 && stems[0]!.length < 4)) continue;
      phrases.push({ stems, written });
    }
    return { technology, vector, phrases, acronyms };
  });
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export interface SuggestionInput {
  signal: { id: string; title: string; summary: string | null };
  /** The signal's unit TF-IDF vector (clustering's). */
  vector: TermVector;
  /** What it already indicates, and the technologies an analyst rejected for it: never suggested. */
  linkedIds: ReadonlySet<string>;
  rejectedIds: ReadonlySet<string>;
  /** The other signals of its cluster, with the technologies each indicates. */
  similar: readonly { id: string; technologyIds: readonly string[] }[];
  technologies: readonly PreparedTechnology[];
}

/** The suggestions for one signal, strongest first (ties: technology name). */
export function suggestLinks(input: SuggestionInput, rules: SuggestionRules = SUGGESTION_RULES): Suggestion[] {
  const text = `${input.signal.title}. ${input.signal.summary ?? ''}`;
  const stems = tokens(text).map((t) => t.stem);
  const rawWords = new Set(text.split(/[^\p{L}\p{N}²&/-]+/u));
  const written = wordsOfStems([input.signal.title, input.signal.summary]);
  const supporters = new Map<string, string[]>();
  for (const peer of input.similar) for (const id of new Set(peer.technologyIds)) supporters.set(id, [...(supporters.get(id) ?? []), peer.id]);

  const out: Suggestion[] = [];
  for (const prepared of input.technologies) {
    const { technology } = prepared;
    if (input.linkedIds.has(technology.id) || input.rejectedIds.has(technology.id)) continue;
    const reasons: SuggestionReason[] = [];
    let score = 0;

    const phrase = prepared.phrases.find((p) => containsSequence(stems, p.stems));
    const acronym = phrase ? undefined : prepared.acronyms.find((a) => rawWords.has(a));
    if (phrase || acronym) {
      score += 0.6;
      // Quote the words as the signal writes them ("nitazene synthetic opioids" for the name's "synthetic opioids").
      const quoted = phrase ? phrase.stems.map((stem) => written.get(stem) ?? stem).join(' ') : acronym!;
      const source = phrase?.written ?? acronym!;
      const what = source === bareName(technology.name) ? 'its name' : source.toLowerCase() === quoted.toLowerCase() ? 'its alias' : `its alias “${source}”`;
      reasons.push({
        kind: 'NAME_OR_ALIAS',
        text: `The signal mentions “${quoted}”, ${what === 'its name' && source !== quoted ? `its name “${source}”` : what}.`,
        terms: [quoted],
        signalIds: [],
      });
    }

    const similarity = cosine(input.vector, prepared.vector);
    const shared = [...input.vector.keys()].filter((t) => prepared.vector.has(t));
    if (similarity >= rules.minimumTermSimilarity && shared.length >= rules.minimumSharedTerms) {
      score += similarity;
      const terms = shared
        .sort((a, b) => input.vector.get(b)! * prepared.vector.get(b)! - input.vector.get(a)! * prepared.vector.get(a)! || (a < b ? -1 : 1))
        .slice(0, 5)
        .map((t) => written.get(t) ?? t);
      reasons.push({ kind: 'SHARED_TERMS', text: `Shares the terms ${terms.join(', ')} with its description.`, terms, signalIds: [] });
    }

    const peers = supporters.get(technology.id) ?? [];
    const share = input.similar.length ? peers.length / input.similar.length : 0;
    if (peers.length >= rules.minimumSimilarSignals || (peers.length > 0 && share >= rules.minimumSimilarShare)) {
      score += 0.4 * share;
      reasons.push({
        kind: 'SIMILAR_SIGNALS',
        text: `${peers.length} of the ${input.similar.length} similar ${input.similar.length === 1 ? 'signal' : 'signals'} ${peers.length === 1 ? 'indicates' : 'indicate'} it.`,
        terms: [],
        signalIds: peers,
      });
    }
    if (reasons.length) out.push({ technologyId: technology.id, score: Math.round(Math.min(1, score) * 1000) / 1000, reasons });
  }
  const names = new Map(input.technologies.map((p) => [p.technology.id, p.technology.name]));
  return out.sort((a, b) => b.score - a.score || names.get(a.technologyId)!.localeCompare(names.get(b.technologyId)!)).slice(0, rules.limit);
}
