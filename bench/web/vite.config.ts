// Builds the benchmark page (bench/web/index.html + page.ts: cytoscape and the Atlas graph modules, with the layout
// worker as its own chunk, as in the app) into BENCH_WEB_OUT; web-bench.ts serves it over loopback HTTP.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_WEB_OUT ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    minify: true,
  },
});
