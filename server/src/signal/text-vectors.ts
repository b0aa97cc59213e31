// Signal text as weighted term vectors: tokens (folded, stop words out, Porter stems), TF-IDF weights and cosine
// similarity. Pure; the pieces are unit-tested on hand-worked examples in text-vectors.test.ts. Clustering
// (clustering.ts) and suggested links (suggestions.ts) both read signals through this one model, so "similar" means
// the same thing in both. docs/clustering.md explains the choices.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { normaliseText } from './signal.text.js';

/**
 * Words that say nothing about a signal's topic in this corpus: news and legislative boilerplate that appears across
 * every topic ("Commission adopts…", "Regulation adopted", "… published", "new"), on top of the general English list of the stopword package.
 */
const CORPUS_STOP_WORDS = [
  'eu',
  'european',
  'europe',
  'commission',
  'adopted',
  'regulation',
  'directive',
  'act',
  'adopts',
  'adopt',
  'published',
  'publishes',
  'announces',
  'announced',
  'new',
  'first',
  'says',
  'said',
  'report',
  'year',
  'years',
  'million',
  'billion',
  'per',
  'cent',
  'including',
  'also',
  'could',
  'would',
  'may',
  'will',
  'one',
  'two',
  'three',
  'since',
];

const STOP_WORDS: ReadonlySet<string> = new Set([...eng.map((w) => normaliseText(w)), ...CORPUS_STOP_WORDS]);

/** A token: the stem compared, and the word as written (folded), which labels show. */
export interface Token {
  stem: string;
  word: string;
}

/** Folded words minus stop words, numbers and one-letter words, each with its Porter stem. */
export function tokens(text: string | null | undefined): Token[] {
  const out: Token[] = [];
  for (const word of normaliseText(text).split(' ')) {
    if (word.length < 2 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    out.push({ stem: stemmer(word), word });
  }
  return out;
}

/** A sparse vector: term (stem) → weight. */
export type TermVector = Map<string, number>;

/** Term counts of a signal; the title counts twice, as it names the topic more densely than the summary. */
export function termCounts(title: string | null | undefined, summary: string | null | undefined): TermVector {
  const counts: TermVector = new Map();
  const add = (list: Token[], times: number) => {
    for (const t of list) counts.set(t.stem, (counts.get(t.stem) ?? 0) + times);
  };
  add(tokens(title), 2);
  add(tokens(summary), 1);
  return counts;
}

/**
 * Smoothed inverse document frequency, idf(t) = 1 + ln((1 + N) / (1 + df(t))): a term in every document still
 * weighs 1 (never 0), a rare one more. (The form scikit-learn uses; no division by zero for unseen terms.)
 */
export function inverseDocumentFrequency(documents: readonly TermVector[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, 1 + Math.log((1 + n) / (1 + count)));
  return idf;
}

/** The idf of a term the corpus never saw (df = 0). */
export function unseenIdf(documentCount: number): number {
  return 1 + Math.log(1 + documentCount);
}

/** tf × idf per term, scaled to unit length so that a dot product is the cosine. An empty document stays empty. */
export function tfidf(counts: TermVector, idf: ReadonlyMap<string, number>, documentCount: number): TermVector {
  const weights: TermVector = new Map();
  let norm = 0;
  for (const [term, tf] of counts) {
    const w = tf * (idf.get(term) ?? unseenIdf(documentCount));
    weights.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of weights) weights.set(term, w / norm);
  return weights;
}

/** Cosine of two unit vectors: their dot product (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

/** The terms two vectors share, heaviest contribution to their cosine first (ties: alphabetical). */
export function sharedTerms(a: TermVector, b: TermVector): string[] {
  const shared: [string, number][] = [];
  for (const [term, w] of a) {
    const other = b.get(term);
    if (other !== undefined) shared.push([term, w * other]);
  }
  return shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([term]) => term);
}

/** For labels: the word most often written for each stem (ties: the shorter, then alphabetical). */
export function wordsOfStems(texts: readonly (string | null | undefined)[]): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const text of texts)
    for (const { stem, word } of tokens(text)) {
      const words = seen.get(stem) ?? new Map<string, number>();
      words.set(word, (words.get(word) ?? 0) + 1);
      seen.set(stem, words);
    }
  const out = new Map<string, string>();
  for (const [stem, words] of seen) {
    const best = [...words].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length || (x[0] < y[0] ? -1 : 1))[0]!;
    out.set(stem, best[0]);
  }
  return out;
}
