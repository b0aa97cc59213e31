// Browser tests: one Atlas (Neo4j + seed + API + built web app) for all files, one file at a time (one Chromium).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const graphql = fileURLToPath(new URL('../../node_modules/graphql/index.js', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    name: 'e2e',
    setupFiles: ['reflect-metadata'],
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
