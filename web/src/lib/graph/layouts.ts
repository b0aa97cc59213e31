// The layouts graph views can ask for by name. Each entry names the Cytoscape extension that implements it
// (null for built-in ones) and the defaults the Atlas uses; views pass only what differs.
import type cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { BOX_FONT } from './layered';

/** The lowest zoom at which a boxed name still draws at 11 px: a layered tree is panned rather than shrunk below it. */
export const LEGIBLE_ZOOM = Math.ceil((11 / BOX_FONT) * 100) / 100;

export type LayoutName = 'fcose' | 'dagre' | 'layered' | 'layered-down' | 'kinds' | 'concentric' | 'grid';

export interface LayoutEntry {
  name: LayoutName;
  /** The Cytoscape layout that runs it, when the entry is a preset of another (e.g. 'layered' runs dagre). */
  runs?: string;
  /** The extension to register with cytoscape.use(), or null when Cytoscape has it built in or it runs in the layout worker. */
  impl: cytoscape.Ext | null;
  /** Options for a first drawing, where every position is computed afresh. */
  defaults: Record<string, unknown>;
}

export const LAYOUTS: readonly LayoutEntry[] = [
  {
    // Force-directed, for the Explorer's neighbourhoods: clusters what is linked. It runs in the layout worker
    // (layout.worker.ts, see startLayout in cy-sync.ts), so every option here must be a plain value.
    name: 'fcose',
    impl: null,
    defaults: {
      quality: 'default', // spectral start plus a quick CoSE pass; 'proof' is slower for little gain here
      randomize: true, // a fresh drawing starts from scratch (incremental runs override this, see below)
      animate: true, // let the analyst's eye follow where entities settle
      animationDuration: 450, // short: the map should feel responsive, not theatrical
      fit: true, // bring the whole neighbourhood into view
      padding: 40, // keep labels on the edge of the map clear of the toolbar
      nodeDimensionsIncludeLabels: true, // long technology names must not overlap their neighbours
      packComponents: true, // disconnected groups are tiled side by side instead of flung apart
      nodeRepulsion: 6500, // stronger than the default 4500: our labels are wide
      idealEdgeLength: 70, // room for an edge label around the selection, compact enough to keep labels legible
      edgeElasticity: 0.45, // the extension's default stiffness
      gravity: 0.3, // pull stray entities back towards the centre
      numIter: 2500, // the extension's default iteration cap
      tile: true, // tile entities with no links instead of scattering them
    },
  },
  {
    // Layered top-to-bottom, for dependency chains (technology → component → material → supplier → country).
    name: 'dagre',
    impl: dagre,
    defaults: {
      rankDir: 'TB', // dependants above what they depend on
      nodeSep: 40, // horizontal gap between entities of one layer
      rankSep: 80, // vertical gap between layers, room for edge labels
      edgeSep: 10, // gap between parallel edges
      ranker: 'network-simplex', // dagre's best-balanced ranking
      animate: true, // as for fcose: show the move
      animationDuration: 450, // as for fcose
      fit: true, // bring the whole chain into view
      padding: 40, // as for fcose
      nodeDimensionsIncludeLabels: true, // as for fcose
      // An edge may ask to span several layers (data.minLen), e.g. to line countries up at the bottom.
      minLen: (edge: cytoscape.EdgeSingular) => (edge.data('minLen') as number | undefined) ?? 1,
    },
  },
  {
    // Layered left to right, for dependency trees read as a supply chain: capability → technologies → components
    // and materials → suppliers → countries. Dagre (already here for 'dagre', ~30 KB gzipped) rather than ELK
    // (elkjs is ~430 KB gzipped): on trees of boxed labels both give clean columns, and dagre honours data.minLen.
    name: 'layered',
    runs: 'dagre',
    impl: null, // registered through the 'dagre' entry
    defaults: {
      rankDir: 'LR', // the capability on the left, supplier countries on the right
      nodeSep: 5, // vertical gap between boxes of one column: the boxes themselves hold the labels
      rankSep: 46, // gap between columns, room for the links to fan out
      edgeSep: 4, // gap between parallel links
      ranker: 'network-simplex', // dagre's best-balanced ranking
      animate: false, // a tree is drawn once; motion would only delay reading it
      fit: true, // bring the whole tree into view
      padding: 16, // boxes are compact; a wide margin would cost zoom, hence legibility
      atlasMinFitZoom: LEGIBLE_ZOOM, // a tree a little too tall for the panel is panned, never drawn below 11 px
      nodeDimensionsIncludeLabels: false, // the box is the label's room (node.boxed in styles.ts)
      // An edge may ask to span several columns (data.minLen), e.g. to line countries up on the right.
      minLen: (edge: cytoscape.EdgeSingular) => (edge.data('minLen') as number | undefined) ?? 1,
    },
  },
  {
    // The same layered drawing top to bottom, for a few long paths in a narrow panel (the scenario's impact on one
    // capability: capability at the top, the event's target at the bottom).
    name: 'layered-down',
    runs: 'dagre',
    impl: null, // registered through the 'dagre' entry
    defaults: {
      rankDir: 'TB', // the capability on top
      nodeSep: 14, // horizontal gap between boxes of one row
      rankSep: 26, // vertical gap between rows
      edgeSep: 4, // as for 'layered'
      ranker: 'network-simplex', // as for 'layered'
      animate: false, // as for 'layered'
      fit: true, // as for 'layered'
      padding: 16, // as for 'layered'
      atlasMinFitZoom: LEGIBLE_ZOOM, // as for 'layered'
      nodeDimensionsIncludeLabels: false, // as for 'layered'
    },
  },
  {
    // Grouped by kind: each kind a block of named boxes, the most linked first, blocks packed to the map's shape
    // (kind-grid.ts computes the positions; Cytoscape's preset layout places them). The Explorer's default: a
    // neighbourhood of ~100 names reads at real size only when packed this densely.
    name: 'kinds',
    runs: 'preset',
    impl: null, // built in
    defaults: {
      atlasKindGrid: true, // read by startLayout (cy-sync.ts): compute the positions with kindGrid first
      animate: false, // the blocks are stable; nothing to follow
      fit: true, // bring every block into view
      padding: 8, // a dense map: every pixel of margin costs zoom
    },
  },
  {
    // Rings around the most linked entity; a quick, deterministic fallback.
    name: 'concentric',
    impl: null,
    defaults: {
      minNodeSpacing: 30, // room for labels between neighbours on one ring
      animate: false, // cheap enough to jump straight to the result
      fit: true, // bring everything into view
      padding: 40, // as for fcose
    },
  },
  {
    // A plain grid; for very large sets where force-directed layouts are too slow.
    name: 'grid',
    impl: null,
    defaults: {
      avoidOverlap: true, // never stack entities on one another
      animate: false, // as for concentric
      fit: true, // bring everything into view
      padding: 40, // as for fcose
    },
  },
];

let registered = false;

/** Registers every layout extension once per page (cytoscape.use throws on a second registration of some). */
export function registerLayouts(cy: typeof cytoscape): void {
  if (registered) return;
  for (const entry of LAYOUTS) if (entry.impl) cy.use(entry.impl);
  registered = true;
}

export function layoutEntry(name: LayoutName): LayoutEntry {
  const entry = LAYOUTS.find((l) => l.name === name);
  if (!entry) throw new Error(`Unknown layout "${name}"; known: ${LAYOUTS.map((l) => l.name).join(', ')}.`);
  return entry;
}

/**
 * Options for running a layout. An incremental run (entities were merged into an existing drawing) keeps the
 * current positions as a start, so the map the analyst was reading does not jump around.
 */
export function layoutOptions(name: LayoutName, options: { incremental?: boolean; overrides?: Record<string, unknown> } = {}): cytoscape.LayoutOptions {
  const entry = layoutEntry(name);
  const base: Record<string, unknown> = { ...entry.defaults, name: entry.runs ?? name };
  if (options.incremental && name === 'fcose') {
    // fcose only honours the starting positions with randomize false, and then requires 'proof' quality.
    Object.assign(base, { randomize: false, quality: 'proof', initialEnergyOnIncremental: 0.3 });
  }
  return { ...base, ...options.overrides } as unknown as cytoscape.LayoutOptions;
}
