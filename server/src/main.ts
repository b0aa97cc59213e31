// `npm start`: a Neo4j (local or NEO4J_URI), the schema, the seed on an empty database, the web build, then the API and web on one port.
import 'reflect-metadata';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadSeedDir } from '../../graph-seed/index.js';
import { startServer } from './app.js';
import { openDatabase, type OpenDatabase } from './bootstrap.js';
import { readConfig } from './config.js';
import { applySchema } from './db/indexes-and-constraints.repository.js';
import { countEntities } from './entity/entity.repository.js';
import { ensureFirstAdmin } from './user/first-admin.js';

const log = (line: string) => console.log(`[atlas] ${line}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources, so a fresh clone needs no extra step. */
function ensureWebBuilt(repoRoot: string): string {
  const webDir = `${repoRoot}web/dist`;
  const index = `${webDir}/index.html`;
  const sources = `${repoRoot}web/src`;
  if (existsSync(sources) && (!existsSync(index) || statSync(index).mtimeMs < newestMtime(sources))) {
    log('Building the web app (vite build)…');
    const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('The web build failed; see the output above.');
  }
  return webDir;
}

async function main(): Promise<void> {
  const config = readConfig();
  const webDir = ensureWebBuilt(config.repoRoot);
  let open: OpenDatabase | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping…`);
    await server?.close().catch(() => {});
    await open?.close().catch((e) => log(`While stopping Neo4j: ${(e as Error).message}`));
    log('Stopped.');
    process.exit(0);
  };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  open = await openDatabase(config, log);
  await applySchema(open.db, log);
  const existing = await countEntities(open.db);
  if (existing === 0) await loadSeedDir(open.db, undefined, { log });
  else log(`The database holds ${existing} entities; the seed is not reloaded (run \`npm run seed\` to update it).`);
  // Printed straight to the console (not through the logger): the generated password appears once, in this output only.
  await ensureFirstAdmin(open.db, (line) => console.log(`[atlas] ${line}`));
  server = await startServer({
    db: open.db,
    port: config.port,
    host: config.host,
    webDir,
    log,
    maskErrors: config.production,
    introspection: config.introspection,
    allowedHosts: config.allowedHosts,
    chromiumPath: config.chromiumPath,
    neo4jStatus: open.local?.status,
    dbWaitMs: config.dbWaitMs,
    auth: { readOnly: config.readOnly, publicRead: config.publicRead, sessionTtlMs: config.sessionHours * 3_600_000 },
  });
  if (config.readOnly) log('Read-only demo mode (ATLAS_READ_ONLY=true): every change is refused.');
  if (config.publicRead) log(`Anonymous reads are open (${config.publicReadBecause}); writes need a signed-in analyst.`);
  log(`Foresight Atlas is ready: ${server.url}/  (Ctrl-C stops it and its Neo4j)`);
}

main().catch((error) => {
  console.error(`[atlas] Could not start: ${(error as Error).message}`);
  process.exit(1);
});
