// How the layout worker finds Cytoscape in the page's graph chunk without importing graph-library.ts itself (a
// static import would bundle a second Cytoscape into the worker). Type-only imports here, on purpose.
import type { GraphLibrary } from './graph-library';

/** Marks the library object among the chunk's exports, whose names the build shortens. */
export const GRAPH_LIBRARY_MARK = 'foresight-atlas/graph-library';

/** The library among a module's exports (under any name), or undefined. */
export function findGraphLibrary(module: Record<string, unknown>): GraphLibrary | undefined {
  return Object.values(module).find((v): v is GraphLibrary => !!v && typeof v === 'object' && (v as { mark?: unknown }).mark === GRAPH_LIBRARY_MARK);
}
