// Runs the force-directed layout (fcose) off the main thread, on a headless Cytoscape, so that a large map can be
// drawn and used while its layout is computed. Protocol: layout-worker.ts (the one client of this module).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { WorkerRequest, WorkerResponse } from './layout-worker';
import { spreadToDensity } from './placement';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, nodes, edges, options } = event.data;
  try {
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
    const run = cy.layout({ ...options, name: 'fcose', animate: false, fit: false, nodeDimensionsIncludeLabels: false } as cytoscape.LayoutOptions);
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
