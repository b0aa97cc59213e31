// Cheap, O(n) geometry for drawing a large map at once: a first placement while the real layout runs in a
// worker (layout-worker-client.ts), and the viewport that fits a set of positions. Pure functions (no DOM, no
// Cytoscape), so they are unit-tested headlessly (tests/web/placement.test.ts).

export interface Point {
  x: number;
  y: number;
}

export interface PlacementInput {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
  /** The entity to put in the middle; the best-linked one when absent. */
  centre?: string | null;
}

/** Distance between neighbours on a ring and between rings; roughly a node and its label. */
export const RING_SPACING = 60;

/**
 * Rings around the centre by breadth-first distance: what is one link away sits on the first rings, and so on,
 * so the first drawing already reads as a neighbourhood. Entities not connected to the centre follow outwards.
 */
export function ringPlacement({ nodes, edges, centre }: PlacementInput): Map<string, Point> {
  const neighbours = new Map<string, string[]>();
  for (const n of nodes) neighbours.set(n.id, []);
  for (const e of edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
  }
  const start = centre && neighbours.has(centre) ? centre : bestLinked(neighbours);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string) => {
    if (seen.has(root)) return;
    seen.add(root);
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      for (const other of neighbours.get(order[head]!)!) {
        if (seen.has(other)) continue;
        seen.add(other);
        order.push(other);
      }
    }
  };
  if (start !== null) visit(start);
  for (const n of nodes) visit(n.id);

  // Fill rings outwards in breadth-first order; each ring holds as many entities as its circumference allows.
  const at = new Map<string, Point>();
  let ring = 0;
  let capacity = 1;
  let slot = 0;
  for (const id of order) {
    if (slot >= capacity) {
      ring++;
      capacity = Math.floor((2 * Math.PI * ring * RING_SPACING) / RING_SPACING);
      slot = 0;
    }
    const radius = ring * RING_SPACING;
    // Offset each ring by half a slot so neighbouring rings do not line up into spokes.
    const angle = (2 * Math.PI * (slot + (ring % 2) * 0.5)) / capacity;
    at.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    slot++;
  }
  return at;
}

function bestLinked(neighbours: Map<string, string[]>): string | null {
  let best: string | null = null;
  let degree = -1;
  for (const [id, list] of neighbours) {
    if (list.length > degree) {
      best = id;
      degree = list.length;
    }
  }
  return best;
}

export interface Viewport {
  zoom: number;
  pan: Point;
}

/**
 * The zoom and pan that fit these positions in a width × height view, like cy.fit() but from the positions
 * alone: cy.fit() measures every label's bounding box, which costs seconds at a few thousand entities.
 * `margin` is the model-space room kept around each position for the node and its label.
 */
export function fitViewport(
  positions: Iterable<Point>,
  view: { width: number; height: number },
  options: { padding?: number; margin?: Point; minZoom?: number; maxZoom?: number } = {},
): Viewport {
  const { padding = 40, margin = { x: 80, y: 30 }, minZoom = 0.05, maxZoom = 4 } = options;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of positions) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (x1 === Infinity) return { zoom: 1, pan: { x: view.width / 2, y: view.height / 2 } };
  x1 -= margin.x;
  x2 += margin.x;
  y1 -= margin.y;
  y2 += margin.y;
  const fit = Math.min((view.width - 2 * padding) / (x2 - x1), (view.height - 2 * padding) / (y2 - y1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  return { zoom, pan: { x: view.width / 2 - (zoom * (x1 + x2)) / 2, y: view.height / 2 - (zoom * (y1 + y2)) / 2 } };
}

/** A model-space size for an entity with this label, for layouts that cannot measure text (the worker). */
export function approximateNodeSize(label: string, options: { fontSize?: number; maxLabelWidth?: number; nodeSize?: number } = {}): { w: number; h: number } {
  const { fontSize = 11, maxLabelWidth = 140, nodeSize = 28 } = options;
  // An average sans-serif glyph is a little over half the font size wide; the label sits below the node.
  const labelWidth = Math.min(maxLabelWidth, label.length * fontSize * 0.55);
  return { w: Math.max(nodeSize, labelWidth), h: nodeSize + 4 + fontSize * 1.3 };
}

/**
 * Scales positions (in place, about their centre) up so that they cover at least `spacing`² of area per position,
 * the density of the rings. fcose's spectral-only 'draft' packs a few thousand entities into a small box, where
 * they overlap and a fit zooms right in; scaling spreads them while keeping the spectral shape.
 */
export function spreadToDensity(xy: Float64Array, spacing = RING_SPACING): void {
  const n = xy.length / 2;
  if (n < 2) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < n; i++) {
    x1 = Math.min(x1, xy[2 * i]!);
    x2 = Math.max(x2, xy[2 * i]!);
    y1 = Math.min(y1, xy[2 * i + 1]!);
    y2 = Math.max(y2, xy[2 * i + 1]!);
  }
  // A flat box (all on one line) counts as one unit thick.
  const area = Math.max(x2 - x1, 1) * Math.max(y2 - y1, 1);
  const scale = Math.sqrt((n * spacing * spacing) / area);
  if (scale <= 1) return;
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  for (let i = 0; i < n; i++) {
    xy[2 * i] = cx + (xy[2 * i]! - cx) * scale;
    xy[2 * i + 1] = cy + (xy[2 * i + 1]! - cy) * scale;
  }
}
