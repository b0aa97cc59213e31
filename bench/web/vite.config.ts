// Bundles bench/web/page.ts (cytoscape, its layouts and the Atlas graph modules) into one IIFE for the web benchmark.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_WEB_OUT ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    lib: { entry: fileURLToPath(new URL('./page.ts', import.meta.url)), formats: ['iife'], name: 'AtlasBench', fileName: () => 'page.js' },
  },
});
