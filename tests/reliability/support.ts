// Shared by the reliability tests: one way to reset, seed and start the API, signed-in callers, and a fingerprint of
// the whole graph.
import type { SeedData } from '../../graph-seed/seed-data.js';
import { writeSeed } from '../../graph-seed/write.js';
import { startServer, type RunningServer, type ServerOptions } from '../../server/src/app.js';
import type { Role } from '../../server/src/auth/roles.js';
import type { Database } from '../../server/src/db/database.js';
import { authHeaders, createUserWithToken } from '../support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../support/db.js';
import { graphSnapshot } from '../support/fingerprint.js';

/** Headers of a freshly created, signed-in (API token) user with the role. */
export async function callerHeaders(db: Database, role: Role = 'analyst'): Promise<Record<string, string>> {
  return authHeaders((await createUserWithToken(db, role)).token);
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

/** Counts and the hash of tests/support/fingerprint.ts (every node's labels + properties, every relationship's type + ends + properties). */
export async function fingerprint(db: Database, options: { exclude?: string[] } = {}): Promise<Fingerprint> {
  const snapshot = await graphSnapshot(db, { ignoreLabels: options.exclude });
  return { nodes: snapshot.nodes.length, relationships: snapshot.relationships.length, hash: snapshot.hash };
}

export interface StartedApp {
  db: Database;
  server: RunningServer;
  /** Stops the API and closes the database connection (an afterAll). */
  stop: () => Promise<void>;
}

/**
 * The throwaway database emptied (schema applied), `seed` loaded, `prepare` run (e.g. creating callers), then the API
 * started on a free port with `options`: what each reliability file does before its tests.
 */
export async function resetSeedAndStart(
  seed: SeedData,
  options: Omit<ServerOptions, 'db' | 'port'> = {},
  prepare: (db: Database) => Promise<void> = async () => {},
): Promise<StartedApp> {
  const db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, seed);
  await prepare(db);
  const server = await startServer({ db, port: 0, ...options });
  return {
    db,
    server,
    stop: async () => {
      await server.close();
      await closeTestDatabase();
    },
  };
}
