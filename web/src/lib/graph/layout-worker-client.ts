// The main-thread side of layout.worker.ts: hands a drawn graph's nodes and links to the worker and gets their
// fcose positions back. One worker per page, started on first use and kept (starting it parses Cytoscape again,
// from the page's own graph chunk: graph-library.ts).
import type { Core } from 'cytoscape';
import { graphLibrary } from './graph-library';
import { approximateNodeSize } from './placement';

export interface WorkerRequest {
  id: number;
  nodes: { id: string; x: number; y: number; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
  /** fcose options; plain values only (functions cannot cross to a worker). */
  options: Record<string, unknown>;
  /** Where the worker imports Cytoscape and fcose from: the page's graph chunk, already in the browser's cache. */
  libraryUrl: string;
}

export type WorkerResponse = { id: number; positions: Float64Array; error?: undefined } | { id: number; error: string; positions?: undefined };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (response: WorkerResponse) => void>();

/** Whether layouts can run in a worker here (not in unit tests or very old browsers). */
export function layoutWorkerAvailable(): boolean {
  return typeof Worker !== 'undefined' && getWorker() !== null;
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      // A worker that fails to load fails every pending layout; later layouts fall back to the main thread.
      for (const [id, settle] of pending) settle({ id, error: event.message || 'the layout worker failed' });
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Computes fcose positions for what `cy` holds, starting from the current positions; resolves with them by id. */
export function layoutInWorker(cy: Core, options: Record<string, unknown>): Promise<Map<string, { x: number; y: number }>> {
  const w = getWorker();
  if (!w) return Promise.reject(new Error('no layout worker'));
  const nodes = cy.nodes().map((n) => {
    const p = n.position();
    // Boxed entities (layered.ts) carry their exact size; others get an estimate from their label.
    const w = n.data('w') as number | undefined;
    const size = w ? { w, h: n.data('h') as number } : approximateNodeSize(String(n.data('label') ?? ''));
    return { id: n.id(), x: p.x, y: p.y, ...size };
  });
  const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (response) => {
      if (response.error !== undefined) return reject(new Error(response.error));
      const at = new Map<string, { x: number; y: number }>();
      nodes.forEach((n, i) => at.set(n.id, { x: response.positions[2 * i]!, y: response.positions[2 * i + 1]! }));
      resolve(at);
    });
    w.postMessage({ id, nodes, edges, options, libraryUrl: graphLibrary.url } satisfies WorkerRequest);
  });
}
