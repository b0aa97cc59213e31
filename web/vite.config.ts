// Builds the Atlas web app from web/ into web/dist, which the Node server serves at `/`.
// In development the Vite server proxies `/graphql` to the API so the app always calls a same-origin path.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every graph view shares Cytoscape and its layouts: one named, long-cached chunk, fetched with the first graph view
 * opened (the shell itself stays small). It also holds lib/graph/graph-library*.ts, whose URL the layout worker
 * imports the same file by, so the worker carries no Cytoscape of its own. The chunk must stay free of imports of
 * the app's code (a worker has no DOM). Shared with bench/web/vite.config.ts.
 */
export const graphChunk = {
  name: 'graph',
  test: /node_modules[\\/](cytoscape|cytoscape-fcose|cytoscape-dagre|cose-base|layout-base|dagre|@dagrejs|graphlib|lodash)[\\/]|web[\\/]src[\\/]lib[\\/]graph[\\/]graph-library/,
};

export default defineConfig({
  root: webRoot,
  // Relative asset URLs keep the build working behind a path prefix (e.g. a reverse proxy at /atlas/).
  base: './',
  plugins: [svelte()],
  // The layout worker is started as a module worker and imports the graph chunk (see graphChunk).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape and its layouts are one large but necessary chunk; warn only well above it.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [graphChunk] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // changeOrigin: the API answers only the Host names it knows (ATLAS_ALLOWED_HOSTS), not the dev server's.
      '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: true },
    },
  },
});
