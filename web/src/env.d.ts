// Ambient types for the web app under the root tsconfig (which only loads Node's types by default):
// Svelte's runes and `*.svelte` modules, and the Cytoscape layout extension that ships no typings (fcose).
/// <reference types="svelte" />

declare module 'cytoscape-fcose' {
  const extension: import('cytoscape').Ext;
  export default extension;
}

declare module '*.css';

interface Window {
  /** Read-only probe of the drawn graph, for end-to-end tests (see lib/graph/test-probe.ts). */
  __atlasGraph?: import('./lib/graph/test-probe').AtlasGraphProbe;
}
