// Entities grouped by kind, each kind a block of boxes in rows, blocks packed on shelves to the drawing's aspect:
// the Explorer's "group by kind" arrangement. A neighbourhood of ~100 named boxes is too dense for any force layout
// to keep every name clear at real size; a packed grid is the densest arrangement that never overlaps. The most
// linked entities come first in their block, the centre first of all. Pure: tests/web/kind-grid.test.ts.

export interface GridNode {
  id: string;
  kind: string;
  w: number;
  h: number;
  degree: number;
  centre?: boolean;
}

export interface GridOptions {
  /** The space to fill (the map's size on screen): the arrangement that can be drawn largest in it wins. */
  width: number;
  height: number;
  /** Gap between boxes of one block. */
  gap?: number;
  /** Gap between blocks, room for the kind's caption. */
  blockGap?: number;
  /** The order of kinds (unlisted kinds last, by name). */
  kindOrder?: readonly string[];
}

export interface Block {
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function packBlock(nodes: GridNode[], columns: number, gap: number): { at: Map<string, { x: number; y: number }>; w: number; h: number } {
  const colW = Array.from({ length: columns }, (_, c) => Math.max(0, ...nodes.filter((_, i) => i % columns === c).map((n) => n.w)));
  const rows = Math.ceil(nodes.length / columns);
  const rowH = Array.from({ length: rows }, (_, r) => Math.max(0, ...nodes.slice(r * columns, r * columns + columns).map((n) => n.h)));
  const at = new Map<string, { x: number; y: number }>();
  nodes.forEach((n, i) => {
    const c = i % columns;
    const r = Math.floor(i / columns);
    const x = colW.slice(0, c).reduce((s, w) => s + w + gap, 0) + colW[c]! / 2;
    const y = rowH.slice(0, r).reduce((s, h) => s + h + gap, 0) + rowH[r]! / 2;
    at.set(n.id, { x, y });
  });
  return { at, w: colW.reduce((s, w) => s + w, 0) + gap * (columns - 1), h: rowH.reduce((s, h) => s + h, 0) + gap * (rows - 1) };
}

type Arrangement = { positions: Map<string, { x: number; y: number }>; blocks: Block[]; w: number; h: number };

/**
 * Positions (box centres) of every node, and the blocks' rectangles, in model pixels from 0,0: of the shelf widths
 * tried, the one whose drawing fits the space at the largest zoom.
 */
export function kindGrid(nodes: readonly GridNode[], options: GridOptions): { positions: Map<string, { x: number; y: number }>; blocks: Block[] } {
  const gap = options.gap ?? 6;
  const area = nodes.reduce((s, n) => s + (n.w + gap) * (n.h + gap), 0);
  const aspect = Math.max(0.2, options.width / Math.max(1, options.height));
  let best: Arrangement | null = null;
  let bestZoom = -1;
  for (let stretch = 0.7; stretch <= 2.5; stretch += 0.05) {
    const arrangement = arrange(nodes, options, Math.sqrt(area * aspect) * stretch);
    const zoom = Math.min(options.width / Math.max(1, arrangement.w), options.height / Math.max(1, arrangement.h));
    if (zoom > bestZoom) {
      best = arrangement;
      bestZoom = zoom;
    }
  }
  return { positions: best!.positions, blocks: best!.blocks };
}

function arrange(nodes: readonly GridNode[], options: GridOptions, targetWidth: number): Arrangement {
  const gap = options.gap ?? 6;
  const blockGap = options.blockGap ?? 20;
  const order = options.kindOrder ?? [];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const centreKind = nodes.find((n) => n.centre)?.kind;
  const kinds = [...new Set(nodes.map((n) => n.kind))].sort((a, b) => (a === centreKind ? -1 : b === centreKind ? 1 : rank(a) - rank(b) || a.localeCompare(b)));

  const positions = new Map<string, { x: number; y: number }>();
  const blocks: Block[] = [];
  let x = 0;
  let y = 0;
  let shelfH = 0;
  for (const kind of kinds) {
    const members = nodes
      .filter((n) => n.kind === kind)
      .sort((a, b) => Number(!!b.centre) - Number(!!a.centre) || b.degree - a.degree || a.id.localeCompare(b.id));
    const meanW = members.reduce((s, n) => s + n.w + gap, 0) / members.length;
    // A block as wide as the drawing when it is large, as narrow as it needs otherwise.
    const columns = Math.max(1, Math.min(members.length, Math.floor((targetWidth + gap) / meanW)));
    const packed = packBlock(members, columns, gap);
    if (x > 0 && x + packed.w > targetWidth) {
      x = 0;
      y += shelfH + blockGap;
      shelfH = 0;
    }
    for (const [id, p] of packed.at) positions.set(id, { x: x + p.x, y: y + p.y });
    blocks.push({ kind, x, y, w: packed.w, h: packed.h });
    x += packed.w + blockGap;
    shelfH = Math.max(shelfH, packed.h);
  }
  return { positions, blocks, w: Math.max(0, ...blocks.map((b) => b.x + b.w)), h: y + shelfH };
}
