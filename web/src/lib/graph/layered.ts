// Sizing and emphasis for the layered (left-to-right) drawings of the dependency and scenario views: each entity
// is a box with its name inside, sized from the name so the layout reserves room for it and no label can overlap
// another. Pure (no DOM): unit-tested in tests/web/layered.test.ts.

/** Font size of a boxed label in model pixels. The views fit their trees at zoom ≥ 0.85, so it draws at ≥ 11 px. */
export const BOX_FONT = 13;
/** Labels wider than this wrap onto another line (keeps the columns narrow). */
export const BOX_TEXT_WIDTH = 320;
/** Space around the text inside a box. */
const PAD_X = 8;
const PAD_Y = 4;
/** Line height of a wrapped label. */
const LINE = Math.round(BOX_FONT * 1.25);
/**
 * Average advance of a character of system-ui at BOX_FONT, a little generous: a box too wide costs a few pixels,
 * one too narrow lets the text spill over its neighbour.
 */
const CHAR = BOX_FONT * 0.56;

/** A label cut to one line of `maxWidth`, with "…" when it had to be cut (the full name stays in the details). */
export function oneLine(label: string, maxWidth: number): { label: string; w: number; h: number } {
  const fits = Math.floor(maxWidth / CHAR);
  const text = label.length <= fits ? label : `${label.slice(0, fits - 1).trimEnd()}…`;
  return { label: text, w: Math.ceil(Math.max(text.length * CHAR, 24) + 2 * PAD_X), h: LINE + 2 * PAD_Y };
}

/** Lines a label wraps onto at BOX_TEXT_WIDTH, breaking at spaces the way Cytoscape's text-wrap: wrap does. */
export function wrapLines(label: string, maxWidth = BOX_TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && next.length * CHAR > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * A label broken into lines (joined with "\n", which Cytoscape's text-wrap: wrap keeps) and the box that holds it,
 * in model pixels. The breaks are ours, not the renderer's, so the box and the text always agree.
 */
export function boxed(label: string, maxWidth = BOX_TEXT_WIDTH): { label: string; w: number; h: number } {
  const lines = wrapLines(label, maxWidth);
  const widest = Math.max(...lines.map((l) => l.length * CHAR));
  return { label: lines.join('\n'), w: Math.ceil(Math.max(widest, 24) + 2 * PAD_X), h: lines.length * LINE + 2 * PAD_Y };
}

/** Black or white text, whichever reads better on a fill colour given as #rrggbb. */
export function textOn(fill: string): '#ffffff' | '#1f2933' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#1f2933';
  const [r, g, b] = m
    .slice(1)
    .map((h) => parseInt(h, 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs against the dark text colour (luminance ≈ 0.024).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.074 ? '#ffffff' : '#1f2933';
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * What lies on the paths from the root down to `id`: `id`, every entity above it and the links between them.
 * Edges point down the tree (root → … → id), so this walks them backwards. Cycles are harmless.
 */
export function pathsToRoot(edges: readonly DrawnEdge[], id: string): { nodes: Set<string>; edges: Set<string> } {
  const into = new Map<string, DrawnEdge[]>();
  for (const e of edges) into.set(e.target, [...(into.get(e.target) ?? []), e]);
  const nodes = new Set([id]);
  const onPath = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const at = queue.pop()!;
    for (const e of into.get(at) ?? []) {
      onPath.add(e.id);
      if (!nodes.has(e.source)) {
        nodes.add(e.source);
        queue.push(e.source);
      }
    }
  }
  return { nodes, edges: onPath };
}

/** An entity, its direct neighbours and the links between it and them (the Explorer's focus mode). */
export function neighbourhoodOf(edges: readonly DrawnEdge[], id: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([id]);
  const near = new Set<string>();
  for (const e of edges) {
    if (e.source === id || e.target === id) {
      near.add(e.id);
      nodes.add(e.source);
      nodes.add(e.target);
    }
  }
  return { nodes, edges: near };
}
