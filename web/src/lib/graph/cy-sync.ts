// Imperative steps on a live Cytoscape instance, kept out of the component so it stays about wiring.
// The component owns *when* these run; these functions own *how*.
import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition, Layouts, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../graphql/types';
import { hiddenElementIds, type MapElement } from './elements';
import { layoutOptions, type LayoutName } from './layouts';

/** Above this many elements (entities + links) the WebGL renderer draws much faster than the 2D canvas. */
export const WEBGL_THRESHOLD = 1500;

let webglProbe: boolean | undefined;
/** Whether this browser can give Cytoscape a WebGL2 context (headless or locked-down browsers may not). */
export function webglSupported(): boolean {
  if (webglProbe === undefined) {
    try {
      webglProbe = !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webglProbe = false;
    }
  }
  return webglProbe;
}

export interface SyncResult {
  added: number;
  removed: number;
  layout: Layouts | null;
}

/**
 * Makes the drawing hold exactly `elements`. A first drawing (or a wholesale replacement) is laid out from
 * scratch; a merge places new entities beside the one they hang off and relaxes the layout from there.
 */
export function syncElements(
  cy: Core,
  elements: readonly MapElement[],
  layout: LayoutName,
  onLayoutStop: (run: Layouts) => void,
  options: { relayout?: boolean; previous?: Layouts | null } = {},
): SyncResult {
  const wanted = new Set(elements.map((e) => e.data.id));
  const stale = cy.elements().filter((e) => !wanted.has(e.id()));
  const existingBefore = cy.nodes().length - stale.nodes().length;
  const fresh = elements.filter((e) => cy.getElementById(e.data.id).empty());

  cy.batch(() => {
    stale.remove();
    // Classes (e.g. "centre") and names may change for entities already drawn.
    for (const e of elements) {
      const drawn = cy.getElementById(e.data.id);
      if (drawn.nonempty() && e.group === 'nodes') {
        drawn.data(e.data);
        drawn.classes(keepStateClasses(drawn, e.classes));
      }
    }
  });

  if (fresh.length === 0) {
    // Nothing new, but the view asked for another layout: rearrange what is drawn.
    if (!options.relayout || cy.nodes().empty()) return { added: 0, removed: stale.length, layout: null };
    return { added: 0, removed: stale.length, layout: startLayout(cy, layoutOptions(layout), onLayoutStop, options.previous) };
  }

  // Copies: Cytoscape keeps what it is given, and the view's elements must stay the view's.
  const toAdd: ElementDefinition[] = fresh.map((e) =>
    e.group === 'nodes' ? { group: 'nodes', data: { ...e.data }, classes: e.classes } : { group: 'edges', data: { ...e.data } },
  );
  const incremental = existingBefore > 0;
  if (incremental) placeBesideNeighbours(cy, toAdd);
  cy.add(toAdd);

  const run = startLayout(cy, layoutOptions(layout, { incremental }), onLayoutStop, options.previous);
  return { added: fresh.length, removed: stale.length, layout: run };
}

/** Runs a layout, first stopping one still animating (two would fight over the same positions). */
export function startLayout(cy: Core, options: cytoscape.LayoutOptions, onStop: (run: Layouts) => void, previous?: Layouts | null): Layouts {
  previous?.stop();
  const run = cy.layout(options);
  run.one('layoutstop', () => onStop(run));
  run.run();
  return run;
}

// Classes the wrapper itself sets (selection, filter) survive a data refresh.
function keepStateClasses(drawn: NodeSingular, classes: string | undefined): string {
  const state = ['chosen', 'atlas-hidden'].filter((c) => drawn.hasClass(c));
  return [classes ?? '', ...state].join(' ').trim();
}

/** Gives each new entity a starting position next to an entity it links to that is already drawn. */
function placeBesideNeighbours(cy: Core, fresh: ElementDefinition[]): void {
  const anchorOf = new Map<string, string>();
  for (const e of fresh) {
    if (e.group !== 'edges') continue;
    const { source, target } = e.data as { source: string; target: string };
    if (cy.getElementById(source).nonempty() && !anchorOf.has(target)) anchorOf.set(target, source);
    if (cy.getElementById(target).nonempty() && !anchorOf.has(source)) anchorOf.set(source, target);
  }
  const extent = cy.extent();
  const fallback = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  let i = 0;
  for (const e of fresh) {
    if (e.group !== 'nodes') continue;
    const anchor = anchorOf.get(e.data.id!);
    const at = anchor ? cy.getElementById(anchor).position() : fallback;
    // Spread them on a small circle so fcose does not start from coincident points.
    const angle = (i++ * 2.39996) % (2 * Math.PI); // golden angle
    e.position = { x: at.x + 40 * Math.cos(angle), y: at.y + 40 * Math.sin(angle) };
  }
}

/** Marks the chosen entity and the links around it (their labels show); returns the chosen node, if drawn. */
export function applySelection(cy: Core, id: string | null): NodeSingular | null {
  let chosen: NodeSingular | null = null;
  cy.batch(() => {
    cy.elements('.chosen').removeClass('chosen');
    cy.edges('.near-selection').removeClass('near-selection');
    if (!id) return;
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) return;
    node.addClass('chosen');
    node.connectedEdges().addClass('near-selection');
    chosen = node;
  });
  return chosen;
}

export function applyHiddenKinds(cy: Core, elements: readonly MapElement[], hiddenKinds: ReadonlySet<EntityKind>): void {
  const hidden = hiddenElementIds(elements, hiddenKinds);
  cy.batch(() => {
    cy.elements().forEach((e) => {
      e.toggleClass('atlas-hidden', hidden.has(e.id()));
    });
  });
}

/** Pans just enough to bring a node into view, leaving the zoom as the analyst set it. */
export function revealNode(cy: Core, node: NodeSingular): void {
  const box = node.renderedBoundingBox();
  const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
  if (!inside) cy.animate({ center: { eles: node }, duration: 250 });
}

export function zoomBy(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 150 });
}

/** Saves the whole map (not only what is in view) as a PNG at twice the screen resolution. */
export async function exportPng(cy: Core, fileName: string): Promise<void> {
  const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
