// Groups similar signals: TF-IDF vectors of title and summary (text-vectors.ts), cosine similarity, and average-linkage
// agglomerative clustering stopped at a similarity threshold. Pure and deterministic (same signals in, same clusters
// out, whatever the order they came in); unit-tested in clustering.test.ts on a hand-labelled fixture.
// Why average linkage: single linkage (connected components over a threshold) chains unrelated topics through one
// broad signal ("EU Security Union Strategy" touches drugs, drones and cyber at once); complete linkage splits a topic
// whose signals share different words pairwise. Average linkage merges two groups when their signals are similar on
// average, which keeps topics apart without requiring every pair to match.
import { inverseDocumentFrequency, termCounts, tfidf, wordsOfStems, type TermVector } from './text-vectors.js';

export interface ClusterableSignal {
  id: string;
  title: string;
  summary: string | null;
}

export interface ClusteringOptions {
  /** Two groups merge while the mean cosine similarity between their signals is at least this. */
  threshold: number;
  /** How many terms name a cluster. */
  labelTerms: number;
}

/**
 * Chosen on the hand-labelled fixture (tests/fixtures/signal-topics.ts: adjusted Rand index 1.0 from 0.04 to 0.06,
 * 0.92 from 0.07 to 0.12, where the deepfake topic splits into "deepfake video" and "AI-generated documents"; 0.78 at
 * 0.15) and on the seed's 120 signals, where 0.08 gives about 27 groups (export controls on China's raw materials,
 * chips export measures, encrypted criminal phones, dark-web markets, firearms conversion…) and leaves 8 alone;
 * below 0.07 broad strategy documents start to chain topics together.
 */
export const CLUSTERING: ClusteringOptions = { threshold: 0.08, labelTerms: 3 };

export interface SignalCluster {
  /** Stable while its newest-by-id member stays: "cluster:" + its first member id. */
  id: string;
  /** Members' ids, in the order the signals came in. */
  signalIds: string[];
  /** The heaviest terms of the cluster's centroid that at least two members share, as written. */
  terms: string[];
  /** Mean pairwise similarity of the members (0–1). */
  cohesion: number;
}

export interface Clustering {
  /** Groups of two or more signals, largest first (ties: the earlier first member). */
  clusters: SignalCluster[];
  /** Signals similar to no group, in the order they came in. */
  unclustered: string[];
  /** Per signal id, its cluster id (absent for an unclustered signal). */
  clusterOf: Map<string, string>;
  /** Per signal id, its unit TF-IDF vector (suggestions compare with it). */
  vectors: Map<string, TermVector>;
  /** The corpus idf and size, so other texts (technologies) can be weighed on the same scale. */
  idf: Map<string, number>;
  documentCount: number;
}

/** Each signal's unit TF-IDF vector over this corpus. */
export function signalVectors(signals: readonly ClusterableSignal[]) {
  const counts = signals.map((s) => termCounts(s.title, s.summary));
  const idf = inverseDocumentFrequency(counts);
  return { idf, vectors: counts.map((c) => tfidf(c, idf, signals.length)) };
}

/**
 * All pairwise cosines of unit vectors, as a dense n × n matrix. Summed over an inverted index (term → the signals
 * holding it) so that only pairs sharing a term cost anything: most pairs of signals share no term, and comparing
 * every pair's maps was 20 times slower at 2,000 signals.
 */
export function similarityMatrix(vectors: readonly TermVector[]): Float64Array {
  const n = vectors.length;
  const postings = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, doc) => {
    for (const [term, w] of vector) {
      const list = postings.get(term) ?? { docs: [], weights: [] };
      list.docs.push(doc);
      list.weights.push(w);
      postings.set(term, list);
    }
  });
  const similarity = new Float64Array(n * n);
  for (const { docs, weights } of postings.values())
    for (let a = 0; a < docs.length; a++) for (let b = a + 1; b < docs.length; b++) similarity[docs[a]! * n + docs[b]!] += weights[a]! * weights[b]!;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) similarity[j * n + i] = similarity[i * n + j]!;
  return similarity;
}

/**
 * Average-linkage agglomerative clustering over a similarity matrix: repeatedly merges the two most similar groups
 * (ties: the lowest indices) while that similarity is at least `threshold`. The similarity of a merged group to any
 * other is the size-weighted mean of its parts' (Lance–Williams), i.e. the mean over all pairs of signals. Each row
 * keeps its best partner so that a merge costs O(n) rather than a full O(n²) search. Returns the groups as index lists.
 */
export function averageLinkage(similarity: Float64Array, n: number, threshold: number): number[][] {
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const at = (i: number, j: number) => similarity[i * n + j]!;
  const set = (i: number, j: number, v: number) => {
    similarity[i * n + j] = v;
    similarity[j * n + i] = v;
  };
  const best = new Int32Array(n).fill(-1);
  const bestOf = (i: number) => {
    let b = -1;
    for (let k = 0; k < n; k++) if (k !== i && members[k] && (b === -1 || at(i, k) > at(i, b))) b = k;
    return b;
  };
  for (let i = 0; i < n; i++) best[i] = bestOf(i);
  for (;;) {
    let a = -1;
    for (let i = 0; i < n; i++) {
      if (!members[i] || best[i] === -1) continue;
      if (a === -1 || at(i, best[i]!) > at(a, best[a]!)) a = i;
    }
    if (a === -1) break;
    const b = best[a]!;
    if (at(a, b) < threshold) break;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    const nk = members[keep]!.length;
    const ng = members[gone]!.length;
    for (let k = 0; k < n; k++) {
      if (k === keep || k === gone || !members[k]) continue;
      set(keep, k, (nk * at(keep, k) + ng * at(gone, k)) / (nk + ng));
    }
    members[keep] = [...members[keep]!, ...members[gone]!].sort((x, y) => x - y);
    members[gone] = null;
    best[gone] = -1;
    best[keep] = bestOf(keep);
    for (let k = 0; k < n; k++) {
      if (!members[k] || k === keep) continue;
      if (best[k] === gone || best[k] === keep) best[k] = bestOf(k);
      else if (at(k, keep) > at(k, best[k]!) || (at(k, keep) === at(k, best[k]!) && keep < best[k]!)) best[k] = keep;
    }
  }
  return members.filter((m): m is number[] => m !== null);
}

/** The centroid's heaviest terms shared by at least two members, as written in the members' text. */
function labelOf(indices: readonly number[], vectors: readonly TermVector[], signals: readonly ClusterableSignal[], count: number): string[] {
  const weight = new Map<string, number>();
  const present = new Map<string, number>();
  for (const i of indices)
    for (const [term, w] of vectors[i]!) {
      weight.set(term, (weight.get(term) ?? 0) + w);
      present.set(term, (present.get(term) ?? 0) + 1);
    }
  const words = wordsOfStems(indices.flatMap((i) => [signals[i]!.title, signals[i]!.summary]));
  return [...weight]
    .filter(([term]) => (present.get(term) ?? 0) >= 2)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => words.get(term) ?? term);
}

/** Clusters signals by the similarity of their title and summary. The input order decides the order of ids within a group. */
export function clusterSignals(signals: readonly ClusterableSignal[], options: ClusteringOptions = CLUSTERING): Clustering {
  // Work in id order so that ties break the same way whatever order the signals came in.
  const order = signals.map((_, i) => i).sort((x, y) => (signals[x]!.id < signals[y]!.id ? -1 : signals[x]!.id > signals[y]!.id ? 1 : 0));
  const sorted = order.map((i) => signals[i]!);
  const { idf, vectors } = signalVectors(sorted);
  const n = sorted.length;
  const similarity = similarityMatrix(vectors);
  const pairwise = similarity.slice();
  const groups = averageLinkage(similarity, n, options.threshold);
  const inputIndex = new Map(signals.map((s, i) => [s.id, i]));
  const byInput = (ids: string[]) => ids.sort((x, y) => inputIndex.get(x)! - inputIndex.get(y)!);

  const clusters: SignalCluster[] = [];
  const unclustered: string[] = [];
  for (const group of groups) {
    if (group.length < 2) {
      unclustered.push(sorted[group[0]!]!.id);
      continue;
    }
    let sum = 0;
    for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) sum += pairwise[group[x]! * n + group[y]!]!;
    const pairs = (group.length * (group.length - 1)) / 2;
    const signalIds = byInput(group.map((i) => sorted[i]!.id));
    clusters.push({
      id: `cluster:${signalIds[0]}`,
      signalIds,
      terms: labelOf(group, vectors, sorted, options.labelTerms),
      cohesion: Math.round((sum / pairs) * 1000) / 1000,
    });
  }
  clusters.sort((x, y) => y.signalIds.length - x.signalIds.length || inputIndex.get(x.signalIds[0]!)! - inputIndex.get(y.signalIds[0]!)!);
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.signalIds) clusterOf.set(id, c.id);
  return {
    clusters,
    unclustered: byInput(unclustered),
    clusterOf,
    vectors: new Map(sorted.map((s, i) => [s.id, vectors[i]!])),
    idf,
    documentCount: n,
  };
}
