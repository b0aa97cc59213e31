// Search as you type: what an analyst's keystrokes cost. Each typed phrase is sent the way the explorer sends it,
// every prefix from two characters on (the explorer's minimum), as `searchResults` over HTTP on the API with its
// result cache off: each keystroke is new text, so the cache would not help. Target: p95 < 100 ms at 100k entities.
import { gql } from './client.js';
import { stats, type Stats } from './support.js';

/** Phrases made of the generator's own words (bench/synthetic-map.ts WORDS and NOUNS), so each one matches. */
export const TYPED_PHRASES = ['biometric identification', 'thermal imaging', 'quantum navigation', 'radar tracking'];

export const SEARCH_QUERY = `query Search($text: String!) { searchResults(text: $text, first: 20) {
  total facets { kind count } pageInfo { hasNextPage endCursor }
  hits { score exact matchedField matchedText entity { id name kind description } } } }`;

export interface SearchBench {
  /** Every keystroke of every phrase. */
  keystrokes: Stats;
  /** The slowest prefix and its latency (median of its repeats). */
  slowest: { text: string; median: number; total: number };
  phrases: string[];
  rounds: number;
}

/** Prefixes as typed: "bi", "bio", … up to the whole phrase (a space alone adds nothing: the text is the same words). */
export function keystrokes(phrase: string): string[] {
  const out: string[] = [];
  for (let n = 2; n <= phrase.length; n++) if (phrase[n - 1] !== ' ') out.push(phrase.slice(0, n));
  return out;
}

export async function measureSearch(url: string, rounds = 3): Promise<SearchBench> {
  const texts = TYPED_PHRASES.flatMap(keystrokes);
  // One untimed pass: plans compiled, index pages warm (as after the first few searches of a session).
  for (const text of texts) await gql(url, SEARCH_QUERY, { text });
  const samples: number[] = [];
  const byText = new Map<string, { times: number[]; total: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const t0 = performance.now();
      const { data } = await gql(url, SEARCH_QUERY, { text });
      const elapsed = performance.now() - t0;
      samples.push(elapsed);
      const entry = byText.get(text) ?? { times: [], total: data.searchResults.total as number };
      entry.times.push(elapsed);
      byText.set(text, entry);
    }
  }
  let slowest = { text: '', median: 0, total: 0 };
  for (const [text, { times, total }] of byText) {
    const median = stats(times).median;
    if (median > slowest.median) slowest = { text, median, total };
  }
  return { keystrokes: stats(samples), slowest, phrases: TYPED_PHRASES, rounds };
}
