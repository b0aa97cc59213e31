import { describe, expect, it } from 'vitest';
import { SIGNAL_TOPICS } from '../../../tests/fixtures/signal-topics.js';
import { averageLinkage, clusterSignals, CLUSTERING, signalVectors, similarityMatrix } from './clustering.js';
import { cosine } from './text-vectors.js';

/**
 * The adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same items: 1 when they group the items
 * identically, about 0 for a random grouping. From the contingency table n_ij (items with label i in the first and j
 * in the second), its row sums a_i and column sums b_j, with C(x) = x(x-1)/2:
 *   index = Σ C(n_ij), expected = Σ C(a_i) · Σ C(b_j) / C(n), max = (Σ C(a_i) + Σ C(b_j)) / 2,
 *   ARI = (index − expected) / (max − expected).
 * An unclustered signal counts as a group of its own.
 */
function adjustedRandIndex(first: readonly string[], second: readonly string[]): number {
  const c2 = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  first.forEach((a, i) => {
    const b = second[i]!;
    table.set(`${a}\u0000${b}`, (table.get(`${a}\u0000${b}`) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, n) => s + c2(n), 0);
  const sumRows = [...rows.values()].reduce((s, n) => s + c2(n), 0);
  const sumCols = [...cols.values()].reduce((s, n) => s + c2(n), 0);
  const expected = (sumRows * sumCols) / c2(first.length);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

describe('adjustedRandIndex (the test’s own measure)', () => {
  it('is 1 for the same grouping under other names', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
  });

  it('matches a hand computation', () => {
    // Truth {1,2,3}{4,5,6}; found {1,2}{3,4,5,6}. Table: a∩x=2, a∩y=1, b∩y=3 → index = C(2)+C(1)+C(3) = 1+0+3 = 4.
    // Rows 3,3 → ΣC = 3+3 = 6; columns 2,4 → ΣC = 1+6 = 7; C(6) = 15; expected = 6·7/15 = 2.8; max = 6.5.
    // ARI = (4 − 2.8) / (6.5 − 2.8) = 1.2 / 3.7 = 0.3243…
    expect(adjustedRandIndex(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'y', 'y'])).toBeCloseTo(1.2 / 3.7, 10);
  });
});

describe('averageLinkage', () => {
  it('merges by mean similarity and stops at the threshold (hand-worked on 4 items)', () => {
    // Similarities: s(0,1)=0.9, s(2,3)=0.8, s(0,2)=0.5, s(1,2)=0.1, s(0,3)=0.3, s(1,3)=0.3.
    // Step 1 merges {0,1} (0.9). Step 2 merges {2,3} (0.8).
    // Then s({0,1},{2,3}) = mean(0.5, 0.3, 0.1, 0.3) = 0.3: merged at threshold 0.3, not at 0.31.
    const s = [
      [0, 0.9, 0.5, 0.3],
      [0.9, 0, 0.1, 0.3],
      [0.5, 0.1, 0, 0.8],
      [0.3, 0.3, 0.8, 0],
    ];
    const matrix = () => Float64Array.from(s.flat());
    expect(averageLinkage(matrix(), 4, 0.31)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(averageLinkage(matrix(), 4, 0.3)).toEqual([[0, 1, 2, 3]]);
    // Single linkage would merge {0,1} with {2,3} through s(0,2) = 0.5 at 0.45; average linkage does not.
    expect(averageLinkage(matrix(), 4, 0.45)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(averageLinkage(matrix(), 4, 0.95)).toEqual([[0], [1], [2], [3]]);
  });
});

describe('similarityMatrix', () => {
  it('holds every pair’s cosine (summed over shared terms only)', () => {
    const { vectors } = signalVectors(SIGNAL_TOPICS.slice(0, 8));
    const matrix = similarityMatrix(vectors);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) if (i !== j) expect(matrix[i * 8 + j]).toBeCloseTo(cosine(vectors[i]!, vectors[j]!), 12);
  });
});

describe('clusterSignals on the hand-labelled fixture', () => {
  const clustering = clusterSignals(SIGNAL_TOPICS.map(({ id, title, summary }) => ({ id, title, summary })));
  const found = SIGNAL_TOPICS.map((s) => clustering.clusterOf.get(s.id) ?? `alone:${s.id}`);

  it('finds the five topics (adjusted Rand index ≥ 0.8)', () => {
    const ari = adjustedRandIndex(
      SIGNAL_TOPICS.map((s) => s.topic),
      found,
    );
    expect(ari).toBeGreaterThanOrEqual(0.8);
    expect(clustering.clusters.length).toBeGreaterThanOrEqual(5);
  });

  it('labels each topic with its own words', () => {
    const labelOf = (id: string) => clustering.clusters.find((c) => c.signalIds.includes(id))?.terms ?? [];
    expect(labelOf('sig:t-drone-1')).toContain('drone');
    expect(labelOf('sig:t-opioid-1')).toContain('nitazenes');
    expect(labelOf('sig:t-container-1')).toContain('containers');
    expect(labelOf('sig:t-pqc-1')).toContain('quantum');
  });

  it('is the same whatever order the signals come in', () => {
    const reversed = clusterSignals([...SIGNAL_TOPICS].reverse().map(({ id, title, summary }) => ({ id, title, summary })));
    const groups = (c: typeof clustering) => c.clusters.map((x) => [...x.signalIds].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(groups(reversed)).toEqual(groups(clustering));
  });

  it('leaves a signal like no other unclustered', () => {
    const result = clusterSignals([
      ...SIGNAL_TOPICS.slice(0, 6),
      { id: 'sig:z-helium', title: 'Qatar overtakes US helium output', summary: 'Helium storage withdrawals decline.' },
    ]);
    expect(result.unclustered).toEqual(['sig:z-helium']);
    expect(CLUSTERING.threshold).toBeGreaterThan(0);
  });
});
