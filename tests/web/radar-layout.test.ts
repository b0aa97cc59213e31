import { describe, expect, it } from 'vitest';
import { blipRadius, layoutRadar, polar, type LayoutBlipInput, type RadarLayout } from '../../web/src/lib/radar/radar-layout';

/** Every pair: centre distance ≥ sum of radii. Returns the offending pairs. */
function overlaps(layout: RadarLayout): string[] {
  const bad: string[] = [];
  const b = layout.blips;
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++) if (Math.hypot(b[i]!.x - b[j]!.x, b[i]!.y - b[j]!.y) < b[i]!.r + b[j]!.r) bad.push(`${b[i]!.id}/${b[j]!.id}`);
  return bad;
}

/** The blip lies wholly inside its ring (radially) and its sector (angle of its centre). */
function inItsCell(layout: RadarLayout, id: string): boolean {
  const p = layout.blips.find((x) => x.id === id)!;
  const d = Math.hypot(p.x, p.y);
  const angle = (Math.atan2(p.x, -p.y) + 2 * Math.PI) % (2 * Math.PI);
  return (
    d - p.r >= layout.bounds[p.ring]! - 1e-6 &&
    d + p.r <= layout.bounds[p.ring + 1]! + 1e-6 &&
    angle >= layout.angles[p.sector]! &&
    angle <= layout.angles[p.sector + 1]!
  );
}

describe('radar layout', () => {
  it('measures angles from twelve o’clock, clockwise, in SVG coordinates (y down)', () => {
    const east = polar(10, Math.PI / 2);
    expect([Math.round(east.x) + 0, Math.round(east.y) + 0]).toEqual([10, 0]);
    const north = polar(10, 0);
    expect([Math.round(north.x) + 0, Math.round(north.y) + 0]).toEqual([0, -10]);
  });

  it('sizes blips from 7 (weight 0) to 14 (weight 1), by area', () => {
    expect([blipRadius(0), blipRadius(1), blipRadius(0.25), blipRadius(Number.NaN)]).toEqual([7, 14, 10.5, 7]);
  });

  it('puts a hand-made set in its rings and sectors: 4 sectors of 90°, ring boundaries growing outwards', () => {
    // a: ring 0 sector 0 (upper right quarter), b: ring 3 sector 2 (lower left), c: ring 1 sector 1 (lower right), d: ring 2 sector 3.
    const set: LayoutBlipInput[] = [
      { id: 'a', ring: 0, sector: 0, weight: 1 },
      { id: 'b', ring: 3, sector: 2, weight: 0 },
      { id: 'c', ring: 1, sector: 1, weight: 0.5 },
      { id: 'd', ring: 2, sector: 3, weight: 0 },
    ];
    const layout = layoutRadar(set, 4, 4);
    expect(layout.angles.map((a) => Math.round((a * 180) / Math.PI))).toEqual([0, 90, 180, 270, 360]);
    expect(layout.bounds).toEqual([0, 70, 140, 210, 280]);
    const at = (id: string) => layout.blips.find((b) => b.id === id)!;
    expect(at('a').x > 0 && at('a').y < 0).toBe(true); // upper right
    expect(at('c').x > 0 && at('c').y > 0).toBe(true); // lower right
    expect(at('b').x < 0 && at('b').y > 0).toBe(true); // lower left
    expect(at('d').x < 0 && at('d').y < 0).toBe(true); // upper left
    for (const id of ['a', 'b', 'c', 'd']) expect(inItsCell(layout, id), id).toBe(true);
    // A lone blip sits in the middle of its cell: c at radius (70+140)/2 = 105, angle 135°.
    expect([Math.round(Math.hypot(at('c').x, at('c').y)), Math.round((Math.atan2(at('c').x, -at('c').y) * 180) / Math.PI)]).toEqual([105, 135]);
    expect(at('a').r).toBe(14);
  });

  it('draws 250 blips in one sector, none dropped, none overlapping, each in its cell', () => {
    const set: LayoutBlipInput[] = Array.from({ length: 250 }, (_, i) => ({ id: `t${i}`, ring: i % 4, sector: 2, weight: (i % 7) / 6 }));
    set.push({ id: 'other', ring: 1, sector: 0, weight: 0 });
    const layout = layoutRadar(set, 4, 5);
    expect(layout.blips).toHaveLength(251);
    expect(new Set(layout.blips.map((b) => b.id)).size).toBe(251);
    expect(overlaps(layout)).toEqual([]);
    expect(set.filter((b) => !inItsCell(layout, b.id)).map((b) => b.id)).toEqual([]);
    // The crowded sector made the rings thicker than the 70 of an empty radar.
    expect(layout.bounds[1]!).toBeGreaterThan(70);
  });

  it('keeps 250 blips in one cell of a ten-sector radar apart', () => {
    const set = Array.from({ length: 250 }, (_, i) => ({ id: `t${i}`, ring: 0, sector: 9, weight: i % 2 }));
    const layout = layoutRadar(set, 5, 10);
    expect(layout.blips).toHaveLength(250);
    expect(overlaps(layout)).toEqual([]);
    expect(set.filter((b) => !inItsCell(layout, b.id))).toEqual([]);
  });
});
