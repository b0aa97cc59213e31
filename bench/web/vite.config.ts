// Builds the benchmark page (bench/web/index.html + page.ts: cytoscape and the Atlas graph modules, with the layout
// worker as its own chunk, as in the app) into bench/web/dist, or the --outDir web-bench.ts gives; web-bench.ts serves
// it over loopback HTTP.
// Cytoscape goes into the app's own "graph" chunk, which the layout worker imports by URL (graph-library.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { graphChunk } from '../../web/vite.config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    rolldownOptions: { output: { codeSplitting: { groups: [graphChunk] } } },
  },
});
