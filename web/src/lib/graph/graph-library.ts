// Cytoscape and the force-directed layout, in the one built file that both the page and the layout worker run.
// The build puts this module in the shared "graph" chunk (web/vite.config.ts); the worker imports that same file by
// its URL (graphLibrary.url), so the browser fetches, caches and compiles one copy of Cytoscape instead of two.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { GRAPH_LIBRARY_MARK } from './graph-library-mark';

export interface GraphLibrary {
  mark: typeof GRAPH_LIBRARY_MARK;
  /** The URL of the built file holding this module (in development, of this source module). */
  url: string;
  cytoscape: typeof cytoscape;
  fcose: cytoscape.Ext;
}

export const graphLibrary: GraphLibrary = { mark: GRAPH_LIBRARY_MARK, url: import.meta.url, cytoscape, fcose };
