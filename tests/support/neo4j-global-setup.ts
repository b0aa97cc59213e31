// Starts one throwaway Neo4j (real, in a temp folder, on a free port) for the integration tests, and stops it after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../server/src/neo4j/local-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-it-'));
  const password = randomBytes(12).toString('hex');
  const started = Date.now();
  // A generous start-up bound: the machine running the suite may be shared with other suites (2 cores, heavy load).
  const neo4j = await startLocalNeo4j({ dataDir: dir, password, timeoutMs: 300_000, log: (line: string) => console.log(`[neo4j] ${line}`) });
  console.log(`[neo4j] test database ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  return async () => {
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
