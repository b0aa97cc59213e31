// One colour and one shape per kind of entity, so a kind can be told apart by shape alone (colour-blind
// analysts, greyscale print-outs). The same table draws the Cytoscape nodes and the legend swatches.
import type { StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, type EntityKind } from '../graphql/types';
import { BOX_FONT, BOX_TEXT_WIDTH } from './layered';

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'rectangle'
  | 'diamond'
  | 'hexagon'
  | 'octagon'
  | 'triangle'
  | 'pentagon'
  | 'heptagon'
  | 'star'
  | 'tag'
  | 'rhomboid'
  | 'vee'
  | 'round-triangle'
  | 'concave-hexagon';

export interface KindStyle {
  /** Shown in the legend and the details panel. */
  label: string;
  colour: string;
  shape: NodeShape;
}

export const KIND_STYLES: Record<EntityKind, KindStyle> = {
  Technology: { label: 'Technology', colour: '#2f6db5', shape: 'round-rectangle' },
  Capability: { label: 'Capability', colour: '#2e8b57', shape: 'ellipse' },
  KetArea: { label: 'KET area', colour: '#7b5ea7', shape: 'hexagon' },
  CriticalTechnologyArea: { label: 'Critical technology area', colour: '#a0508c', shape: 'octagon' },
  Component: { label: 'Component', colour: '#3a8fa3', shape: 'rectangle' },
  Material: { label: 'Material', colour: '#9c6b30', shape: 'diamond' },
  Supplier: { label: 'Supplier', colour: '#d9822b', shape: 'triangle' },
  Country: { label: 'Country', colour: '#5b7083', shape: 'pentagon' },
  CaseStudy: { label: 'Case study', colour: '#7d8c2b', shape: 'tag' },
  Project: { label: 'Project', colour: '#168a8a', shape: 'rhomboid' },
  Organisation: { label: 'Organisation', colour: '#3b4f8f', shape: 'heptagon' },
  Signal: { label: 'Signal', colour: '#c2453d', shape: 'star' },
  Source: { label: 'Source', colour: '#8a8f98', shape: 'vee' },
  Annotation: { label: 'Annotation', colour: '#b07aa1', shape: 'round-triangle' },
  Scenario: { label: 'Scenario', colour: '#b8860b', shape: 'concave-hexagon' },
};

const UNKNOWN_KIND: KindStyle = { label: 'Other', colour: '#9aa5b1', shape: 'ellipse' };

/** The style of a kind; a kind the API added after this build is drawn plainly rather than breaking the view. */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind as EntityKind] ?? { ...UNKNOWN_KIND, label: kind };
}

/** Plain-words names of the link types the API returns (ENABLES, DEPENDS_ON, …); unknown types are prettified. */
export function linkLabel(type: string): string {
  const known: Record<string, string> = {
    ENABLES: 'enables',
    DEPENDS_ON: 'depends on',
    SUPPLIED_BY: 'supplied by',
    LOCATED_IN: 'located in',
    IN_KET_AREA: 'in KET area',
    IN_CRITICAL_AREA: 'in critical area',
  };
  return known[type] ?? type.toLowerCase().replaceAll('_', ' ');
}

const SELECTED = '#f2b705';
const TEXT = '#1f2933';

/**
 * The Cytoscape stylesheet shared by every graph view. Nodes carry data.kind and data.label (see elements.ts).
 * `large` (a map of thousands of elements) drops what costs most to draw and is illegible at the zoom such a map
 * fits in anyway: label ellipsis (measured glyph by glyph), curved edges and arrows, except around the selection.
 */
export function buildStylesheet(options: { large?: boolean; overview?: boolean } = {}): StylesheetJson {
  const byKind = ENTITY_KINDS.map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': KIND_STYLES[kind].colour, shape: KIND_STYLES[kind].shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 28,
        height: 28,
        'background-color': '#999',
        'border-width': 1.5,
        'border-color': '#ffffff',
        color: TEXT,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Labels disappear when zoomed far out, where they would only be noise.
        'min-zoomed-font-size': 6,
      },
    },
    ...byKind,
    { selector: 'node.centre', style: { width: 40, height: 40, 'font-weight': 'bold', 'font-size': 12 } },
    // A view may colour a node by a measure of its own (data.fill, e.g. criticality) and flag it (class "badged",
    // e.g. a single point of failure); the shape still tells the kind.
    { selector: 'node[fill]', style: { 'background-color': 'data(fill)' } },
    { selector: 'node.badged', style: { 'border-width': 5, 'border-color': '#c2453d', 'border-style': 'double' } },
    // Selection is a class set from the view's selected id (the view owns selection, not Cytoscape).
    { selector: 'node.chosen', style: { 'border-width': 4, 'border-color': SELECTED, 'z-index': 10 } },
    { selector: 'node.atlas-hidden, edge.atlas-hidden', style: { display: 'none' } },
    ...BOXED,
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b8c2cc',
        'target-arrow-color': '#b8c2cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'font-size': 9,
        color: '#52606d',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'edge[type = "ENABLES"]', style: { 'line-color': '#8fbf9f', 'target-arrow-color': '#8fbf9f' } },
    { selector: 'edge[type = "DEPENDS_ON"]', style: { 'line-style': 'dashed', 'line-color': '#c9a27e', 'target-arrow-color': '#c9a27e' } },
    // Edge labels only around the selection, so a busy map stays readable; set only there, because Cytoscape
    // measures every label it is given, even an invisible one.
    { selector: 'edge.near-selection', style: { label: 'data(label)', 'text-rotation': 'autorotate', width: 2.5, 'z-index': 9 } },
    // Emphasis (hover or selection): what is not on the paths of interest steps back.
    { selector: 'node.faded', style: { opacity: 0.22 } },
    { selector: 'edge.faded', style: { opacity: 0.12 } },
    { selector: 'edge.on-path', style: { width: 2.5, 'line-color': '#52606d', 'target-arrow-color': '#52606d', 'z-index': 8 } },
    // Semantic zoom (Explorer): low-degree entities keep their label only once the analyst zooms in.
    { selector: 'node.minor', style: { 'min-zoomed-font-size': 14 } },
    ...(options.large ? LARGE_MAP : []),
    ...(options.overview ? OVERVIEW : []),
  ];
}

/**
 * Boxes with the name inside, for layered drawings (class "boxed"; data.w, data.h and data.text from layered.ts).
 * The box is the label's room, so the layout keeps every name clear of the others; the kind shows as the border.
 */
const BOXED: StylesheetJson = [
  {
    selector: 'node.boxed',
    style: {
      shape: 'round-rectangle',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': '#e8f3ec',
      'border-width': 2.5,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-margin-y': 0,
      'text-wrap': 'wrap',
      // Lines are broken in layered.ts (boxed) to match the box; the renderer must not break them again.
      'text-max-width': `${BOX_TEXT_WIDTH * 3}px`,
      'text-background-opacity': 0,
      'font-size': BOX_FONT,
      'line-height': 1.25,
      color: 'data(text)',
      'min-zoomed-font-size': 0,
    },
  },
  ...ENTITY_KINDS.map((kind) => ({
    selector: `node.boxed[kind = "${kind}"]`,
    style: { 'border-color': KIND_STYLES[kind].colour, shape: 'round-rectangle' as const },
  })),
  { selector: 'node.boxed[fill]', style: { 'background-color': 'data(fill)' } },
  { selector: 'node.boxed.centre', style: { 'font-size': BOX_FONT, 'font-weight': 'bold', width: 'data(w)', height: 'data(h)' } },
  { selector: 'node.boxed.badged', style: { 'border-width': 5, 'border-color': '#c2453d', 'border-style': 'double' } },
  { selector: 'node.boxed.group', style: { 'border-style': 'dashed' } },
  { selector: 'node.boxed.chosen', style: { 'border-width': 4, 'border-color': SELECTED, 'border-style': 'solid' } },
];

const LARGE_MAP: StylesheetJson = [
  { selector: 'node', style: { 'text-wrap': 'none', 'min-zoomed-font-size': 8 } },
  // Boxed names arrive already broken into lines (layered.ts) to fit their boxes; unwrapped they would run past the
  // box over their neighbours. Wrapping costs nothing more here: the breaks are ours.
  { selector: 'node.boxed', style: { 'text-wrap': 'wrap' } },
  // Haystack edges are the cheapest Cytoscape draws (no arrows); the selection's links keep their direction.
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0 } },
  { selector: 'edge.near-selection', style: { 'curve-style': 'straight' } },
];

/**
 * A large map zoomed out (level-of-detail.ts): shapes in their kind's colour and shape, without border or name, and
 * only the links around the selection (or on the emphasised paths). Everything else is back when zoomed in.
 */
const OVERVIEW: StylesheetJson = [
  { selector: 'node', style: { label: '', 'border-width': 0, 'text-background-opacity': 0 } },
  // The selection and single points of failure stay marked: they are what the analyst looks for in an overview.
  { selector: 'node.badged', style: { 'border-width': 3, 'border-style': 'solid' } },
  { selector: 'node.chosen', style: { 'border-width': 4 } },
  { selector: 'edge', style: { display: 'none' } },
  { selector: 'edge.near-selection, edge.on-path', style: { display: 'element' } },
];

/**
 * SVG drawing of a node shape in a 20×20 box, for the legend. Polygons follow Cytoscape's unit shapes closely
 * enough to be recognised; exactness is not the point.
 */
export function shapeSvg(shape: NodeShape): { element: 'circle' | 'rect' | 'polygon'; attrs: Record<string, string | number> } {
  const ngon = (sides: number, rotation = 0) =>
    Array.from({ length: sides }, (_, i) => {
      const a = rotation + (2 * Math.PI * i) / sides - Math.PI / 2;
      return `${(10 + 9 * Math.cos(a)).toFixed(1)},${(10 + 9 * Math.sin(a)).toFixed(1)}`;
    }).join(' ');
  switch (shape) {
    case 'ellipse':
      return { element: 'circle', attrs: { cx: 10, cy: 10, r: 8.5 } };
    case 'round-rectangle':
      return { element: 'rect', attrs: { x: 2, y: 3, width: 16, height: 14, rx: 4 } };
    case 'rectangle':
      return { element: 'rect', attrs: { x: 2, y: 3, width: 16, height: 14 } };
    case 'diamond':
      return { element: 'polygon', attrs: { points: '10,1 19,10 10,19 1,10' } };
    case 'hexagon':
      return { element: 'polygon', attrs: { points: ngon(6, Math.PI / 6) } };
    case 'octagon':
      return { element: 'polygon', attrs: { points: ngon(8, Math.PI / 8) } };
    case 'triangle':
      return { element: 'polygon', attrs: { points: '10,2 19,18 1,18' } };
    case 'round-triangle':
      return { element: 'polygon', attrs: { points: '10,3 18,17 2,17', 'stroke-linejoin': 'round', 'stroke-width': 3 } };
    case 'pentagon':
      return { element: 'polygon', attrs: { points: ngon(5) } };
    case 'heptagon':
      return { element: 'polygon', attrs: { points: ngon(7) } };
    case 'star':
      return { element: 'polygon', attrs: { points: '10,1 12.6,7 19,7.4 14,11.6 15.6,18 10,14.5 4.4,18 6,11.6 1,7.4 7.4,7' } };
    case 'tag':
      return { element: 'polygon', attrs: { points: '1,3 13,3 19,10 13,17 1,17' } };
    case 'rhomboid':
      return { element: 'polygon', attrs: { points: '5,3 19,3 15,17 1,17' } };
    case 'vee':
      return { element: 'polygon', attrs: { points: '1,2 10,8 19,2 10,19' } };
    case 'concave-hexagon':
      return { element: 'polygon', attrs: { points: '1,3 19,3 15,10 19,17 1,17 5,10' } };
  }
}
