// Where each blip of a technology radar goes: rings inside out, sectors clockwise from twelve o'clock, every blip inside
// its ring×sector cell and no two blips overlapping (centre distance ≥ sum of radii + a gap). A cell that cannot hold
// its blips makes its ring thicker until it can: a blip is never dropped (BYOR drops them at about 33 per ring).
// Pure and framework-free (no DOM, no Svelte) so Node can import it too; unit-tested in tests/web/radar-layout.test.ts.

export interface LayoutBlipInput {
  id: string;
  ring: number;
  sector: number;
  /** 0–1: the size measure relative to the largest on the radar. */
  weight: number;
}

export interface PlacedBlip {
  id: string;
  ring: number;
  sector: number;
  x: number;
  y: number;
  r: number;
}

export interface RadarLayout {
  /** Radii of the ring boundaries, inside out: ring i spans bounds[i]…bounds[i+1]; bounds[0] = 0. */
  bounds: number[];
  /** Sector start angles in radians (0 = twelve o'clock, clockwise), plus the end (2π). */
  angles: number[];
  blips: PlacedBlip[];
  /** The outermost radius. */
  radius: number;
}

export interface LayoutOptions {
  /** Blip radius for weight 0 and 1. */
  minRadius?: number;
  maxRadius?: number;
  /** Space kept free between two blips and between a blip and its cell's edges. */
  gap?: number;
  /** The thickness of a ring when its cells are nearly empty. */
  baseRing?: number;
  /** Extra room kept free either side of the twelve o'clock axis, where the ring labels are written. */
  axisGap?: number;
}

const DEFAULTS: Required<LayoutOptions> = { minRadius: 7, maxRadius: 14, gap: 3, baseRing: 70, axisGap: 0 };

/** SVG coordinates (y down) of a polar point: angle 0 at twelve o'clock, clockwise. */
export function polar(radius: number, angle: number): { x: number; y: number } {
  return { x: radius * Math.sin(angle), y: -radius * Math.cos(angle) };
}

export function blipRadius(weight: number, options: LayoutOptions = {}): number {
  const o = { ...DEFAULTS, ...options };
  const w = Number.isFinite(weight) ? Math.max(0, Math.min(1, weight)) : 0;
  // Half-pixel steps: few distinct sizes keep packing fast (see packCell), and the eye cannot tell finer ones apart.
  return Math.round((o.minRadius + (o.maxRadius - o.minRadius) * Math.sqrt(w)) * 2) / 2;
}

interface Cell {
  ring: number;
  sector: number;
  items: { id: string; r: number }[];
}

/**
 * Greedy packing of one cell: candidates on a polar grid inside the cell (kept `r + gap` from every edge), taken from
 * the cell's middle outwards; each blip, largest first, takes the first candidate clear of those placed. Null when
 * some blip finds no place (the caller then thickens the ring).
 */
function packCell(cell: Cell, inner: number, outer: number, a0: number, a1: number, gap: number, axisGap: number): PlacedBlip[] | null {
  const items = [...cell.items].sort((a, b) => b.r - a.r || a.id.localeCompare(b.id));
  if (!items.length) return [];
  const step = Math.max(2, Math.min(...items.map((i) => i.r)) / 1.25);
  const rMax = items[0]!.r;
  // Candidates for the largest radius (a smaller blip fits wherever a larger one does).
  const candidates: { x: number; y: number; rad: number; ang: number; score: number }[] = [];
  const midR = (inner + outer) / 2;
  const midA = (a0 + a1) / 2;
  for (let rad = inner + rMax + gap; rad <= outer - rMax - gap + 1e-9; rad += step) {
    const margin = (extra: number) => Math.asin(Math.min(1, (rMax + gap + extra) / Math.max(rad, 1e-9)));
    const from = a0 + margin(a0 === 0 ? axisGap : 0);
    const to = a1 - margin(Math.abs(a1 - 2 * Math.PI) < 1e-9 ? axisGap : 0);
    if (to < from) continue;
    const count = Math.max(1, Math.floor(((to - from) * rad) / step) + 1);
    for (let k = 0; k < count; k++) {
      const ang = count === 1 ? (from + to) / 2 : from + ((to - from) * k) / (count - 1);
      const p = polar(rad, ang);
      const score = ((rad - midR) / (outer - inner)) ** 2 + ((ang - midA) / (a1 - a0)) ** 2;
      candidates.push({ ...p, rad, ang, score });
    }
  }
  // The cell's middle first, when a blip fits there.
  const midMargin = Math.asin(Math.min(1, (rMax + gap + axisGap) / Math.max(midR, 1e-9)));
  if (midR - inner >= rMax + gap && outer - midR >= rMax + gap && midA - a0 >= midMargin)
    candidates.push({ ...polar(midR, midA), rad: midR, ang: midA, score: -1 });
  candidates.sort((a, b) => a.score - b.score || a.rad - b.rad || a.ang - b.ang);
  // Placed blips hashed on a grid of the largest diameter, so a candidate is checked against its neighbours only.
  const size = 2 * rMax + gap;
  const grid = new Map<string, PlacedBlip[]>();
  const key = (gx: number, gy: number) => `${gx},${gy}`;
  const clear = (x: number, y: number, r: number) => {
    const gx = Math.floor(x / size);
    const gy = Math.floor(y / size);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) for (const p of grid.get(key(gx + dx, gy + dy)) ?? []) if (Math.hypot(p.x - x, p.y - y) < p.r + r + gap) return false;
    return true;
  };
  const placed: PlacedBlip[] = [];
  // Per radius, the first candidate not yet found blocked: a spot blocked for a radius stays blocked for it (blips are
  // only added), so each radius scans the candidates once in all.
  const firstFree = new Map<number, number>();
  for (const item of items) {
    let index = firstFree.get(item.r) ?? 0;
    while (index < candidates.length && !clear(candidates[index]!.x, candidates[index]!.y, item.r)) index++;
    if (index >= candidates.length) return null;
    firstFree.set(item.r, index);
    const spot = candidates[index]!;
    const blip = { id: item.id, ring: cell.ring, sector: cell.sector, x: round(spot.x), y: round(spot.y), r: item.r };
    placed.push(blip);
    const k = key(Math.floor(blip.x / size), Math.floor(blip.y / size));
    grid.set(k, [...(grid.get(k) ?? []), blip]);
  }
  return placed;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Lays out a radar of `ringCount` rings and `sectorCount` equal sectors. Ring thickness starts at what its fullest
 * cell needs by area and grows by a quarter until every cell of the ring packs.
 */
export function layoutRadar(blips: readonly LayoutBlipInput[], ringCount: number, sectorCount: number, options: LayoutOptions = {}): RadarLayout {
  const o = { ...DEFAULTS, ...options };
  const sectors = Math.max(1, sectorCount);
  const rings = Math.max(1, ringCount);
  const sweep = (2 * Math.PI) / sectors;
  const angles = Array.from({ length: sectors + 1 }, (_, i) => i * sweep);
  const cells: Cell[][] = Array.from({ length: rings }, (_, ring) => Array.from({ length: sectors }, (_, sector) => ({ ring, sector, items: [] })));
  for (const b of blips) {
    const ring = clampIndex(b.ring, rings);
    const sector = clampIndex(b.sector, sectors);
    cells[ring]![sector]!.items.push({ id: b.id, r: blipRadius(b.weight, o) });
  }
  const bounds = [0];
  const placed: PlacedBlip[] = [];
  for (let ring = 0; ring < rings; ring++) {
    const inner = bounds[ring]!;
    // Area needed by the fullest cell, with room for packing losses: sweep/2 · (outer² − inner²) ≥ 1.9 · Σ π (r+gap)².
    const need = Math.max(0, ...cells[ring]!.map((c) => c.items.reduce((s, i) => s + Math.PI * (i.r + o.gap) ** 2, 0) * 1.9));
    const biggest = Math.max(0, ...cells[ring]!.flatMap((c) => c.items.map((i) => i.r)));
    let outer = Math.max(inner + o.baseRing, Math.sqrt(inner * inner + (2 * need) / sweep), inner + 2 * (biggest + o.gap) + 4);
    for (let attempt = 0; ; attempt++) {
      const packed = cells[ring]!.map((c) => packCell(c, inner, outer, angles[c.sector]!, angles[c.sector + 1]!, o.gap, o.axisGap));
      if (packed.every((p) => p !== null)) {
        for (const p of packed) placed.push(...p!);
        break;
      }
      // Each attempt adds a quarter; with enough thickness any finite set packs, so this ends.
      outer = inner + (outer - inner) * 1.15;
      if (attempt > 60) throw new Error('radar layout: a ring could not be packed');
    }
    bounds.push(round(outer));
  }
  return { bounds, angles, blips: placed, radius: bounds[bounds.length - 1]! };
}

function clampIndex(i: number, n: number): number {
  return Number.isInteger(i) && i >= 0 && i < n ? i : n - 1;
}
