// A whole Foresight Atlas for end-to-end tests: a throwaway Neo4j, the real seed graph, the API and the built web app
// on a free port, and an analyst to sign in as. The e2e global setup starts one and shares its URL and the analyst's
// credentials (inject('atlasUrl'), inject('atlasUser')); a test file run alone starts its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadSeedDir } from '../../graph-seed/index.js';
import { startServer } from '../../server/src/app.js';
import { repoRoot } from '../../server/src/config.js';
import { connect } from '../../server/src/db/connect.js';
import { Database } from '../../server/src/db/database.js';
import { applySchema } from '../../server/src/db/indexes-and-constraints.repository.js';
import { startLocalNeo4j } from '../../server/src/neo4j/local-neo4j.js';
import { createUserWithToken } from './auth.js';

declare module 'vitest' {
  export interface ProvidedContext {
    atlasUrl: string;
    atlasUser: AtlasUser;
    atlasAdmin: AtlasUser;
  }
}

/** The analyst every browser test signs in as (through the login page), and the API token for direct calls. */
export interface AtlasUser {
  email: string;
  password: string;
  name: string;
  token: string;
}

export interface TestAtlas {
  url: string;
  user: AtlasUser;
  /** An administrator: restores deleted entities, edits the EU's official lists, manages users. */
  admin: AtlasUser;
  stop(): Promise<void>;
}

export async function launchAtlas(log: (line: string) => void = () => {}): Promise<TestAtlas> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const neo4j = await startLocalNeo4j({ dataDir: dir, password: randomBytes(12).toString('hex'), log });
  const driver = await connect(neo4j, { timeoutMs: 30_000 });
  const db = new Database(driver, 'neo4j');
  await applySchema(db, log);
  await loadSeedDir(db, undefined, { log });
  const analyst = await createUserWithToken(db, 'analyst', { name: 'E2E Analyst', email: 'e2e.analyst@atlas.test' });
  const admin = await createUserWithToken(db, 'admin', { name: 'E2E Admin', email: 'e2e.admin@atlas.test' });
  const server = await startServer({ db, port: 0, webDir: `${repoRoot}web/dist`, log });
  return {
    url: server.url,
    user: { email: analyst.email, password: analyst.password, name: analyst.user.name, token: analyst.token },
    admin: { email: admin.email, password: admin.password, name: admin.user.name, token: admin.token },
    stop: async () => {
      await server.close();
      await driver.close();
      await neo4j.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestAtlas(): Promise<TestAtlas> {
  let shared: string | undefined;
  let user: AtlasUser | undefined;
  let admin: AtlasUser | undefined;
  try {
    shared = inject('atlasUrl');
    user = inject('atlasUser');
    admin = inject('atlasAdmin');
  } catch {
    shared = undefined;
  }
  if (shared && user && admin) return { url: shared, user, admin, stop: async () => {} };
  return launchAtlas();
}
