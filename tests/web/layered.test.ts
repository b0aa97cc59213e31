// Sizing and emphasis of the layered drawings (web/src/lib/graph/layered.ts), on hand-made labels and trees.
import { describe, expect, it } from 'vitest';
import { BOX_FONT, boxed, neighbourhoodOf, pathsToRoot, textOn, wrapLines } from '../../web/src/lib/graph/layered';

describe('boxed labels', () => {
  it('keeps a short name on one line and breaks a long one at spaces', () => {
    expect(wrapLines('Lidar')).toEqual(['Lidar']);
    // 13 px × 0.56 ≈ 7.28 px a character: 20 characters fit in 150 px, "alpha beta gamma delta" (22) does not.
    expect(wrapLines('alpha beta gamma delta', 150)).toEqual(['alpha beta gamma', 'delta']);
  });

  it('sizes the box from its lines, so the layout reserves the text its room', () => {
    const one = boxed('Lidar');
    const two = boxed('Medium-altitude long-endurance remotely piloted aircraft and more words to wrap');
    expect(one.label).toBe('Lidar');
    expect(two.label.split('\n')).toHaveLength(2);
    expect(two.h).toBeGreaterThan(one.h);
    expect(one.h).toBeGreaterThanOrEqual(BOX_FONT + 8);
  });

  it('writes white on dark fills and dark on light ones', () => {
    expect(textOn('#b30000')).toBe('#ffffff');
    expect(textOn('#fdcc8a')).toBe('#1f2933');
  });
});

describe('emphasis', () => {
  // root → a → c; root → b → c; c → d; b → e
  const edges = [
    { id: 'r-a', source: 'root', target: 'a' },
    { id: 'r-b', source: 'root', target: 'b' },
    { id: 'a-c', source: 'a', target: 'c' },
    { id: 'b-c', source: 'b', target: 'c' },
    { id: 'c-d', source: 'c', target: 'd' },
    { id: 'b-e', source: 'b', target: 'e' },
  ];

  it('follows every path from an entity up to the root, and nothing below or beside it', () => {
    const up = pathsToRoot(edges, 'c');
    expect([...up.nodes].sort()).toEqual(['a', 'b', 'c', 'root']);
    expect([...up.edges].sort()).toEqual(['a-c', 'b-c', 'r-a', 'r-b']);
  });

  it('survives a cycle', () => {
    const up = pathsToRoot([...edges, { id: 'd-a', source: 'd', target: 'a' }], 'a');
    expect([...up.nodes].sort()).toEqual(['a', 'b', 'c', 'd', 'root']);
  });

  it('keeps an entity and its direct neighbours in focus mode', () => {
    const near = neighbourhoodOf(edges, 'b');
    expect([...near.nodes].sort()).toEqual(['b', 'c', 'e', 'root']);
    expect([...near.edges].sort()).toEqual(['b-c', 'b-e', 'r-b']);
  });
});
