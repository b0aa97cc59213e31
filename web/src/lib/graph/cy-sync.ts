// Imperative steps on a live Cytoscape instance, kept out of the component so it stays about wiring.
// The component owns *when* these run; these functions own *how*.
import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../graphql/types';
import { hiddenElementIds, type MapElement } from './elements';
import { layoutInWorker, layoutWorkerAvailable } from './layout-worker-client';
import { layoutOptions, type LayoutName } from './layouts';
import { buildStylesheet } from './styles';
import { framePng, frameSvg, type ExportFrame } from './export-frame';
import { kindGrid } from './kind-grid';
import { neighbourhoodOf, pathsToRoot } from './layered';
import { ENTITY_KINDS } from '../graphql/types';
import { fitViewport, ringPlacement, type Point } from './placement';

/** Above this many elements (entities + links) the WebGL renderer draws much faster than the 2D canvas. */
export const WEBGL_THRESHOLD = 1500;
/** Above this many elements the map is drawn for speed (see instanceOptions and buildStylesheet({ large })). */
export const LARGE_THRESHOLD = 1000;
/** Up to this many entities the worker's positions are reached by a short animation; above, in one jump. */
export const ANIMATE_NODES_LIMIT = 600;
/** A layout's fit zooms in no further than this (a three-entity map is not drawn at 4× size). */
export const MAX_FIT_ZOOM = 1.25;
/** Above this many elements fcose runs its spectral pass only ('draft'): its force pass takes minutes there. */
export const DRAFT_QUALITY_ABOVE = 2000;

let webglProbe: boolean | undefined;
/**
 * Whether this browser can give Cytoscape a hardware-accelerated WebGL2 context. A software one (SwiftShader,
 * llvmpipe: headless or GPU-less browsers) draws a few thousand elements at ~1 frame/s, far slower than the canvas.
 */
export function webglSupported(): boolean {
  if (webglProbe === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      webglProbe = !!gl && !/swiftshader|llvmpipe|software|basic render/i.test(renderer);
    } catch {
      webglProbe = false;
    }
  }
  return webglProbe;
}

/**
 * The instance options of every graph view. A large map (over LARGE_THRESHOLD elements) trades finish for speed:
 * one device pixel per CSS pixel, no edges and a cached image while the analyst pans or zooms, no motion blur.
 */
export function instanceOptions(container: HTMLElement, opts: { large: boolean; webgl: boolean }): cytoscape.CytoscapeOptions {
  const { large, webgl } = opts;
  return {
    container,
    style: buildStylesheet({ large }),
    renderer: { name: 'canvas', webgl },
    // Selection belongs to the view (selectedId); Cytoscape's own would drift from it.
    autounselectify: true,
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 4,
    // Smoother wheel zoom than the default for trackpads.
    wheelSensitivity: 0.4,
    ...(large ? { pixelRatio: 1, hideEdgesOnViewport: true, textureOnViewport: true, motionBlur: false } : {}),
  } as cytoscape.CytoscapeOptions;
}

/** A running layout: a Cytoscape one, or one computed in the layout worker. */
export interface LayoutRun {
  stop(): void;
}

export interface SyncResult {
  added: number;
  removed: number;
  layout: LayoutRun | null;
}

/**
 * Makes the drawing hold exactly `elements`. A first drawing (or a wholesale replacement) is laid out from
 * scratch; a merge places new entities beside the one they hang off and relaxes the layout from there.
 */
export function syncElements(
  cy: Core,
  elements: readonly MapElement[],
  layout: LayoutName,
  onLayoutStop: (run: LayoutRun) => void,
  options: { relayout?: boolean; previous?: LayoutRun | null } = {},
): SyncResult {
  const wanted = new Set(elements.map((e) => e.data.id));
  const stale = cy.elements().filter((e) => !wanted.has(e.id()));
  const existingBefore = cy.nodes().length - stale.nodes().length;
  // A first drawing skips the per-element lookups (each builds a collection: seconds at thousands of elements).
  const first = cy.elements().empty();
  const fresh = first ? elements : elements.filter((e) => cy.getElementById(e.data.id).empty());

  if (!first)
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
  // A first fcose drawing is added on its rings at once: moving thousands of added nodes costs a second pass.
  const rings = !incremental && layout === 'fcose' ? placeOnRings(cy, toAdd) : null;
  if (incremental) placeBesideNeighbours(cy, toAdd);
  cy.add(toAdd);
  if (rings) fitPositions(cy, rings.values(), 40);
  settleGeometry(cy);

  const run = startLayout(cy, layoutOptions(layout, { incremental }), onLayoutStop, options.previous, { placed: !!rings });
  return { added: fresh.length, removed: stale.length, layout: run };
}

/**
 * Runs a layout, first stopping one still running (two would fight over the same positions). fcose runs in the
 * layout worker: the map is drawn at once on rings around the centre, usable while the worker computes, and
 * moved to the worker's positions when they arrive.
 */
export function startLayout(
  cy: Core,
  options: cytoscape.LayoutOptions,
  onStop: (run: LayoutRun) => void,
  previous?: LayoutRun | null,
  { placed = false }: { placed?: boolean } = {},
): LayoutRun {
  previous?.stop();
  if (options.name === 'fcose') return startWorkerLayout(cy, options as unknown as Record<string, unknown>, onStop, placed);
  if ((options as { atlasKindGrid?: boolean }).atlasKindGrid) options = { ...options, positions: kindGridPositions(cy) } as cytoscape.LayoutOptions;
  const run = cy.layout(options);
  run.one('layoutstop', () => {
    // A small drawing fitted to a large map would blow its names up to headline size; keep them near real size.
    const { fit, atlasMinFitZoom } = options as { fit?: boolean; atlasMinFitZoom?: number };
    if (fit && cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    // A fit that would shrink names below legibility stops there; the analyst pans to what lies past the edge.
    if (fit && atlasMinFitZoom && cy.zoom() < atlasMinFitZoom) {
      cy.zoom(atlasMinFitZoom);
      cy.center();
    }
    onStop(run);
  });
  run.run();
  return run;
}

function startWorkerLayout(cy: Core, options: Record<string, unknown>, onStop: (run: LayoutRun) => void, placed: boolean): LayoutRun {
  let done = false;
  let animation: cytoscape.Layouts | null = null;
  const run: LayoutRun = {
    stop() {
      animation?.stop();
      finish();
    },
  };
  const finish = () => {
    if (done) return;
    done = true;
    onStop(run);
  };
  const fit = options.fit !== false;
  const padding = (options.padding as number | undefined) ?? 40;
  // A fresh drawing starts from rings (O(n)); a merge keeps the positions the view already placed.
  if (options.randomize !== false && !placed) {
    const rings = ringPlacement({
      nodes: cy.nodes().map((n) => ({ id: n.id() })),
      edges: cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
      centre: cy.nodes('.centre').first().id() ?? null,
    });
    cy.batch(() => cy.nodes().positions((n) => rings.get(n.id())!));
    if (fit) fitPositions(cy, rings.values(), padding);
  }
  if (!layoutWorkerAvailable()) {
    finish();
    return run;
  }
  const large = cy.elements().length > DRAFT_QUALITY_ABOVE && options.randomize !== false;
  layoutInWorker(cy, { ...options, ...(large ? { quality: 'draft' } : {}) }).then(
    (at) => {
      if (done || cy.destroyed()) return;
      const nodes = cy.nodes().filter((n) => at.has(n.id()));
      if (options.animate && nodes.length <= ANIMATE_NODES_LIMIT) {
        animation = nodes.layout({
          name: 'preset',
          positions: (n: NodeSingular) => at.get(n.id())!,
          animate: true,
          animationDuration: options.animationDuration as number,
          fit,
          padding,
        } as cytoscape.LayoutOptions);
        animation.one('layoutstop', finish);
        animation.run();
        return;
      }
      // One jump, and a fit computed from the positions (cy.fit measures every label).
      cy.batch(() => nodes.positions((n) => at.get(n.id())!));
      settleGeometry(cy);
      if (fit) fitPositions(cy, at.values(), padding);
      finish();
    },
    // The worker failed: the rings stay, and the map is usable as it is.
    () => finish(),
  );
  return run;
}

/** Positions of the "kinds" layout for what is drawn, shaped to the map's container. */
function kindGridPositions(cy: Core): Record<string, { x: number; y: number }> {
  const nodes = cy.nodes(':visible').map((n) => ({
    id: n.id(),
    kind: String(n.data('kind')),
    w: (n.data('w') as number | undefined) ?? n.width(),
    h: (n.data('h') as number | undefined) ?? n.height(),
    degree: n.degree(false),
    centre: n.hasClass('centre'),
  }));
  const { positions } = kindGrid(nodes, { width: cy.width() - 16, height: cy.height() - 16, kindOrder: ENTITY_KINDS });
  // Hidden entities (kind filter) keep a place out of the way.
  cy.nodes().forEach((n) => {
    if (!positions.has(n.id())) positions.set(n.id(), { x: 0, y: 0 });
  });
  return Object.fromEntries(positions);
}

/**
 * Computes every element's style and bounds now, before the next frame. Left to the first frame, Cytoscape does
 * it lazily while drawing and pan/zoom of a 5,000-element map then runs at ~5 FPS instead of ~40 (measured with
 * bench/web; the cause is inside Cytoscape's texture caches). Cheap when the styles are already computed.
 */
function settleGeometry(cy: Core): void {
  cy.elements().boundingBox();
}

/** Sets the viewport that fits these positions (cy.fit() would measure every label's bounding box). */
function fitPositions(cy: Core, positions: Iterable<Point>, padding: number): void {
  cy.viewport(fitViewport(positions, { width: cy.width(), height: cy.height() }, { padding, minZoom: cy.minZoom(), maxZoom: cy.maxZoom() }));
}

/** Gives each element definition of a first drawing its place on the rings around the centre; returns them. */
function placeOnRings(cy: Core, defs: ElementDefinition[]): Map<string, Point> {
  const nodes = defs.filter((e) => e.group === 'nodes');
  const rings = ringPlacement({
    nodes: nodes.map((e) => ({ id: e.data.id! })),
    edges: defs.filter((e) => e.group === 'edges').map((e) => e.data as { source: string; target: string }),
    centre: nodes.find((e) => typeof e.classes === 'string' && e.classes.split(' ').includes('centre'))?.data.id ?? null,
  });
  for (const e of nodes) e.position = { ...rings.get(e.data.id!)! };
  return rings;
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

/** Saves the whole map (not only what is in view) as a PNG at twice the screen resolution, framed for a briefing. */
export async function exportPng(cy: Core, fileName: string, frame: ExportFrame): Promise<void> {
  const map = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  download(await framePng(map, frame, 2), fileName.endsWith('.png') ? fileName : `${fileName}.png`);
}

/** Saves the whole map as an SVG document framed like the PNG (the map itself embedded as an image). */
export async function exportSvg(cy: Core, fileName: string, frame: ExportFrame): Promise<void> {
  const url = cy.png({ output: 'base64uri', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  const size = await new Promise<{ w: number; h: number }>((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ w: img.width / 2, h: img.height / 2 });
    img.onerror = () => resolve({ w: cy.width(), h: cy.height() });
    img.src = url;
  });
  const svg = frameSvg(url, size.w, size.h, frame);
  download(new Blob([svg], { type: 'image/svg+xml' }), fileName.endsWith('.svg') ? fileName : `${fileName}.svg`);
}

function download(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** How a view lets the analyst follow one entity: its paths up to the root, or its direct neighbours. */
export type Emphasis = 'upstream' | 'neighbours';

/**
 * Fades everything but what matters to `id` (nothing fades when id is null): its paths to the root ("upstream",
 * the layered views) or its neighbours ("neighbours", the Explorer's focus mode). The links on the way stand out.
 */
export function applyEmphasis(cy: Core, id: string | null, mode: Emphasis): void {
  cy.batch(() => {
    cy.elements('.faded').removeClass('faded');
    cy.edges('.on-path').removeClass('on-path');
    if (!id || cy.getElementById(id).empty()) return;
    const drawn = cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string }));
    const keep = mode === 'upstream' ? pathsToRoot(drawn, id) : neighbourhoodOf(drawn, id);
    cy.nodes().forEach((n) => {
      if (!keep.nodes.has(n.id())) n.addClass('faded');
    });
    cy.edges().forEach((e) => {
      if (keep.edges.has(e.id())) e.addClass('on-path');
      else e.addClass('faded');
    });
  });
}
