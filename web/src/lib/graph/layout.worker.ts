// Runs the force-directed layout (fcose) off the main thread, on a headless Cytoscape, so that a large map can be
// drawn and used while its layout is computed. Protocol: layout-worker-client.ts (the one client of this module).
// Cytoscape is not bundled in here: the worker imports the page's own graph chunk by the URL each request carries
// (graph-library.ts), so the app ships and the browser caches one copy. Only types are imported statically.
import type { GraphLibrary } from './graph-library';
import { findGraphLibrary } from './graph-library-mark';
import type { WorkerRequest, WorkerResponse } from './layout-worker-client';
import { spreadToDensity } from './placement';

let library: Promise<GraphLibrary> | undefined;

function loadLibrary(url: string): Promise<GraphLibrary> {
  library ??= import(/* @vite-ignore */ url).then((module: Record<string, unknown>) => {
    const found = findGraphLibrary(module);
    if (!found) throw new Error(`the graph library was not found in ${url}`);
    found.cytoscape.use(found.fcose);
    return found;
  });
  // A failed fetch is retried by the next request rather than remembered.
  library.catch(() => (library = undefined));
  return library;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, nodes, edges, options, libraryUrl } = event.data;
  try {
    const { cytoscape } = await loadLibrary(libraryUrl);
    const cy = cytoscape({
      headless: true,
      // Headless Cytoscape cannot measure labels, so each node carries its approximate size (with its label).
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
      elements: [
        ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
      ],
    });
    const run = cy.layout({ ...options, name: 'fcose', animate: false, fit: false, nodeDimensionsIncludeLabels: false } as Parameters<typeof cy.layout>[0]);
    run.one('layoutstop', () => {
      const positions = new Float64Array(nodes.length * 2);
      nodes.forEach((n, i) => {
        const p = cy.getElementById(n.id).position();
        positions[2 * i] = p.x;
        positions[2 * i + 1] = p.y;
      });
      if (options.quality === 'draft') spreadToDensity(positions);
      cy.destroy();
      (self as unknown as Worker).postMessage({ id, positions } satisfies WorkerResponse, [positions.buffer]);
    });
    run.run();
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: (error as Error).message } satisfies WorkerResponse);
  }
};
