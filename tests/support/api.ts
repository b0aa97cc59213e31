// The setup most API integration files share: the throwaway Neo4j emptied and loaded with the file's fixture through
// the real loader, our API on a free port, and a signed-in caller (an API token) of the given role.
import { afterAll, beforeAll } from 'vitest';
import type { SeedData } from '../../graph-seed/seed-data.js';
import { writeSeed } from '../../graph-seed/write.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import type { Role } from '../../server/src/auth/roles.js';
import type { Database } from '../../server/src/db/database.js';
import { createUserWithToken, type TestUser } from './auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './db.js';

export interface SeededApi {
  db: Database;
  server: RunningServer;
  caller: TestUser;
}

/** Registers the file's beforeAll/afterAll; `ready` hands the handles to the file before its first test. */
export function useSeededApi(seed: () => SeedData, role: Role, ready: (api: SeededApi) => void): void {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const db = await testDatabase();
    await resetDatabase(db);
    await writeSeed(db, seed());
    server = await startServer({ db, port: 0 });
    ready({ db, server, caller: await createUserWithToken(db, role) });
  });
  afterAll(async () => {
    await server?.close();
    await closeTestDatabase();
  });
}
