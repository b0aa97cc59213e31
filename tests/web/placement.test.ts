// The O(n) first placement and the position-based fit used to draw large maps at once (web/src/lib/graph/placement.ts).
import { describe, expect, it } from 'vitest';
import { RING_SPACING, approximateNodeSize, fitViewport, ringPlacement, spreadToDensity } from '../../web/src/lib/graph/placement';

const dist = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe('ringPlacement', () => {
  // A star c–a1…a8, a1–b1 (b1 two links from c), and an island i1–i2 not linked to the rest.
  const nodes = ['c', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'b1', 'i1', 'i2'].map((id) => ({ id }));
  const edges = [
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'].map((a) => ({ source: 'c', target: a })),
    { source: 'a1', target: 'b1' },
    { source: 'i1', target: 'i2' },
  ];

  it('puts the centre in the middle and places every entity exactly once, none on top of another', () => {
    const at = ringPlacement({ nodes, edges, centre: 'c' });
    expect(at.size).toBe(nodes.length);
    expect(at.get('c')).toEqual({ x: 0, y: 0 });
    const keys = new Set([...at.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(keys.size).toBe(nodes.length);
  });

  it('orders rings by link distance from the centre: neighbours first, then their neighbours, islands last', () => {
    const at = ringPlacement({ nodes, edges, centre: 'c' });
    // Ring 1 holds 6 (2π·1), so six of the eight neighbours are on it and two spill onto ring 2 with b1 and the island.
    const ring = (id: string) => Math.round(dist(at.get(id)!) / RING_SPACING);
    expect(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map(ring)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(ring('a7')).toBe(2);
    for (const a of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']) expect(ring(a)).toBeLessThanOrEqual(ring('b1'));
    expect(ring('b1')).toBeLessThanOrEqual(ring('i1'));
  });

  it('starts from the best-linked entity when no centre is given (or it is not drawn)', () => {
    expect(ringPlacement({ nodes, edges }).get('c')).toEqual({ x: 0, y: 0 });
    expect(ringPlacement({ nodes, edges, centre: 'gone' }).get('c')).toEqual({ x: 0, y: 0 });
  });

  it('places nothing for an empty map', () => {
    expect(ringPlacement({ nodes: [], edges: [] }).size).toBe(0);
  });
});

describe('fitViewport', () => {
  it('fits the positions with their margin inside the view, centred', () => {
    // Box −100…100 × −50…50, no margin: width allows (1000 − 2·50) / 200 = 4.5, height (800 − 100) / 100 = 7.
    const v = fitViewport(
      [
        { x: -100, y: -50 },
        { x: 100, y: 50 },
      ],
      { width: 1000, height: 800 },
      { padding: 50, margin: { x: 0, y: 0 }, maxZoom: 10 },
    );
    expect(v.zoom).toBeCloseTo(4.5);
    // The centre of the box (0, 0) lands in the middle of the view.
    expect(v.pan).toEqual({ x: 500, y: 400 });
  });

  it('keeps the zoom within bounds and copes with a single position or none', () => {
    const one = fitViewport([{ x: 10, y: 20 }], { width: 800, height: 600 }, { margin: { x: 0, y: 0 }, maxZoom: 4 });
    expect(one.zoom).toBe(4);
    expect(one.pan).toEqual({ x: 400 - 4 * 10, y: 300 - 4 * 20 });
    const far = fitViewport(
      [
        { x: -1e6, y: 0 },
        { x: 1e6, y: 0 },
      ],
      { width: 800, height: 600 },
      { minZoom: 0.05 },
    );
    expect(far.zoom).toBe(0.05);
    expect(fitViewport([], { width: 800, height: 600 })).toEqual({ zoom: 1, pan: { x: 400, y: 300 } });
  });
});

describe('approximateNodeSize', () => {
  it('widens with the label up to the label width cap, never below the node', () => {
    expect(approximateNodeSize('').w).toBe(28);
    expect(approximateNodeSize('a'.repeat(10)).w).toBeCloseTo(10 * 11 * 0.55);
    expect(approximateNodeSize('a'.repeat(100)).w).toBe(140);
    expect(approximateNodeSize('x').h).toBeGreaterThan(28);
  });
});

describe('spreadToDensity', () => {
  it('scales a packed set about its centre to the rings density and leaves a spread one alone', () => {
    // Four points in a 10 × 10 box around (5, 5): area 100 for 4 points → scale √(4·60² / 100) = 12.
    const packed = new Float64Array([0, 0, 10, 0, 0, 10, 10, 10]);
    spreadToDensity(packed, 60);
    expect([...packed]).toEqual([5 - 60, 5 - 60, 5 + 60, 5 - 60, 5 - 60, 5 + 60, 5 + 60, 5 + 60]);
    const spread = new Float64Array([0, 0, 1000, 0, 0, 1000]);
    spreadToDensity(spread, 60);
    expect([...spread]).toEqual([0, 0, 1000, 0, 0, 1000]);
  });
});
