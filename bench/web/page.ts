// The benchmark page: the shared Cytoscape setup of web/src/lib/graph/CytoscapeGraph.svelte without Svelte — the same
// stylesheet (styles.ts), the same instance options, the same layouts and defaults (layouts.ts) and the same renderer
// choice (WebGL above WEBGL_THRESHOLD elements when the browser has WebGL 2, cy-sync.ts) — so that one call can time
// "data in → laid out, drawn and interactive" at a given size. Built into one IIFE by bench/web/vite.config.ts.
import cytoscape from 'cytoscape';
import { layoutOptions, registerLayouts, type LayoutName } from '../../web/src/lib/graph/layouts';
import { buildStylesheet } from '../../web/src/lib/graph/styles';
import { WEBGL_THRESHOLD, startLayout, webglSupported } from '../../web/src/lib/graph/cy-sync';

registerLayouts(cytoscape);

export interface RenderResult {
  total: number;
  layout: number;
  renderer: 'canvas' | 'webgl';
  nodes: number;
  edges: number;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function render(elements: cytoscape.ElementDefinition[], layout: LayoutName, overrides: Record<string, unknown> = {}): Promise<RenderResult> {
  const container = document.getElementById('cy')!;
  const t0 = performance.now();
  const webgl = elements.length > WEBGL_THRESHOLD && webglSupported();
  const cy = cytoscape({
    container,
    style: buildStylesheet(),
    renderer: { name: 'canvas', webgl },
    autounselectify: true,
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.4,
  } as cytoscape.CytoscapeOptions);
  cy.add(elements);
  const t1 = performance.now();
  await new Promise<void>((resolve) => startLayout(cy, layoutOptions(layout, { overrides }), () => resolve()));
  const t2 = performance.now();
  // Drawn: two animation frames after the layout stopped; interactive: a tap on a node is handled.
  await frame();
  await frame();
  let tapped = false;
  cy.one('tap', 'node', () => (tapped = true));
  cy.nodes().first().emit('tap');
  const total = performance.now() - t0;
  const result = { total, layout: t2 - t1, renderer: (webgl ? 'webgl' : 'canvas') as RenderResult['renderer'], nodes: cy.nodes().length, edges: cy.edges().length };
  if (!tapped) throw new Error('the graph did not handle a tap');
  cy.destroy();
  return result;
}

(window as unknown as { __bench: unknown }).__bench = { render, webglSupported, WEBGL_THRESHOLD };
