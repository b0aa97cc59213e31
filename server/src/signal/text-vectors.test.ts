import { describe, expect, it } from 'vitest';
import { cosine, inverseDocumentFrequency, sharedTerms, termCounts, tfidf, tokens, wordsOfStems } from './text-vectors.js';

describe('tokens', () => {
  it('folds, drops stop words, numbers and corpus boilerplate, and stems', () => {
    // "The" and "of" are English stop words, "Commission" and "adopts" corpus boilerplate, "2.0" two numbers.
    expect(tokens('The Commission adopts Drone Strategy 2.0 of Drones')).toEqual([
      { stem: 'drone', word: 'drone' },
      { stem: 'strategi', word: 'strategy' },
      { stem: 'drone', word: 'drones' },
    ]);
    expect(tokens('Nitazènes')).toEqual([{ stem: 'nitazen', word: 'nitazenes' }]);
  });
});

describe('termCounts', () => {
  it('counts title words twice and summary words once', () => {
    expect(termCounts('Drone sightings', 'Drones seen')).toEqual(
      new Map([
        ['drone', 3],
        ['sight', 2],
        ['seen', 1],
      ]),
    );
  });
});

describe('TF-IDF and cosine, worked by hand', () => {
  // Three documents: A = {drone:1, airport:1}, B = {drone:1, prison:1}, C = {opioid:1}.
  const docs = [
    new Map([
      ['drone', 1],
      ['airport', 1],
    ]),
    new Map([
      ['drone', 1],
      ['prison', 1],
    ]),
    new Map([['opioid', 1]]),
  ];
  const idf = inverseDocumentFrequency(docs);

  it('weighs rare terms more: idf = 1 + ln((1 + N) / (1 + df))', () => {
    // N = 3. drone: df 2 → 1 + ln(4/3) = 1.28768…; airport, prison, opioid: df 1 → 1 + ln(2) = 1.69314…
    expect(idf.get('drone')).toBeCloseTo(1 + Math.log(4 / 3), 12);
    expect(idf.get('airport')).toBeCloseTo(1 + Math.log(2), 12);
  });

  it('gives unit vectors whose dot product is the cosine', () => {
    const [a, b, c] = docs.map((d) => tfidf(d, idf, 3));
    // A = (drone 1.28768, airport 1.69315) / |…|; |A|² = 1.65812 + 2.86675 = 4.52487, |A| = 2.12717.
    // cos(A, B) = drone² / (|A| |B|) = 1.65812 / 4.52487 = 0.36645 (B is A's mirror image).
    const d = 1 + Math.log(4 / 3);
    const r = 1 + Math.log(2);
    expect(cosine(a!, b!)).toBeCloseTo((d * d) / (d * d + r * r), 10);
    expect(cosine(a!, b!)).toBeCloseTo(0.36645, 4);
    expect(cosine(a!, c!)).toBe(0);
    expect(cosine(a!, a!)).toBeCloseTo(1, 12);
    expect(sharedTerms(a!, b!)).toEqual(['drone']);
  });

  it('leaves an empty document empty (cosine 0, not NaN)', () => {
    expect(cosine(tfidf(new Map(), idf, 3), tfidf(docs[0]!, idf, 3))).toBe(0);
  });
});

describe('wordsOfStems', () => {
  it('names a stem by its most written word', () => {
    expect(wordsOfStems(['Drones and drones', 'one drone']).get('drone')).toBe('drones');
  });
});
