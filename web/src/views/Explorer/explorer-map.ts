// The Explorer's neighbourhood as drawn so it reads at real size: each entity a box in its kind's colour with its
// name inside (the layout then keeps names apart), link types the analyst hid left out, and on a large map the
// little-linked entities' names kept for when the analyst zooms in (semantic zoom). Pure: tests/web/explorer-map.test.ts.
import type { MapElement } from '../../lib/graph/elements';
import { boxed, oneLine, textOn } from '../../lib/graph/layered';
import { kindStyle, linkLabel } from '../../lib/graph/styles';

/**
 * Names are cut to one line of this width in the Explorer (the full name shows on hover and in the details), except
 * for the centre and the best-linked entities (PRIORITY_SHARE of them), whose names wrap in full: ~100 boxes of two
 * lines do not fit a 1440×900 window at 11 px, boxes of one line do.
 */
export const EXPLORER_TEXT_WIDTH = 140;
export const PRIORITY_SHARE = 0.1;
/** Above this many entities, names of entities with fewer links than MINOR_DEGREE show only when zoomed in. */
export const SEMANTIC_ZOOM_ABOVE = 120;
export const MINOR_DEGREE = 2;

/** The link types on the map, with their words, for the per-type filter (sorted by words). */
export function linkTypesOf(elements: readonly MapElement[]): { type: string; label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of elements) if (e.group === 'edges') counts.set(e.data.type, (counts.get(e.data.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, label: linkLabel(type), count })).sort((a, b) => a.label.localeCompare(b.label));
}

/** How many drawn links each entity has. */
export function degrees(elements: readonly MapElement[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  return degree;
}

/**
 * The elements to draw: links of hidden types left out; entities boxed in their kind's colour (class "boxed", size in
 * data.w/h); on maps over SEMANTIC_ZOOM_ABOVE entities, the least linked marked "minor" (named when zoomed in).
 */
export function readableElements(elements: readonly MapElement[], hiddenLinks: ReadonlySet<string>): MapElement[] {
  const edges = elements.filter((e) => e.group === 'edges' && !hiddenLinks.has(e.data.type));
  const nodes = elements.filter((e) => e.group === 'nodes');
  const degree = degrees(edges);
  const semantic = nodes.length > SEMANTIC_ZOOM_ABOVE;
  const ranked = nodes.map((e) => degree.get(e.data.id) ?? 0).sort((a, b) => b - a);
  const priorityDegree = ranked[Math.floor(nodes.length * PRIORITY_SHARE)] ?? Infinity;
  return [
    ...nodes.map((e) => {
      if (e.group !== 'nodes') return e;
      const fill = kindStyle(e.data.kind).colour;
      const priority = !!e.classes?.includes('centre') || (degree.get(e.data.id) ?? 0) > priorityDegree;
      const box = priority ? boxed(e.data.label, EXPLORER_TEXT_WIDTH) : oneLine(e.data.label, EXPLORER_TEXT_WIDTH);
      const minor = semantic && (degree.get(e.data.id) ?? 0) < MINOR_DEGREE && !e.classes?.includes('centre');
      const classes = ['boxed', e.classes ?? '', minor ? 'minor' : ''].filter(Boolean).join(' ');
      return { group: 'nodes' as const, data: { ...e.data, ...box, name: e.data.label, fill, text: textOn(fill) }, classes };
    }),
    ...edges,
  ];
}
