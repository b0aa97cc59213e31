// Unit tests run in parallel; integration tests (*.int.test.ts) share one throwaway Neo4j started by the global setup
// and run one file at a time, each resetting the database it needs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One copy of graphql for type-graphql and the tests ("another module or realm" otherwise). Exact match only: deep
// imports (graphql/language/parser, used by graphql-armor) resolve as usual.
const graphql = fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    projects: [
      {
        resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
        test: {
          name: 'unit',
          setupFiles: ['reflect-metadata'],
          include: ['server/**/*.test.ts', 'graph-seed/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'tests/e2e/**', '**/node_modules/**'],
        },
      },
      {
        resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
        test: {
          name: 'integration',
          setupFiles: ['reflect-metadata'],
          include: ['server/**/*.int.test.ts', 'graph-seed/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          globalSetup: ['tests/support/neo4j-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
