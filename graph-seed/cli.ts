// `npm run seed [-- --dir path]`: validates the seed and writes it (idempotent), using the running local Neo4j,
// NEO4J_URI, or a local Neo4j started just for this.
import 'reflect-metadata';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { applySchema } from '../server/src/db/indexes-and-constraints.repository.js';
import { loadSeedDir, SEED_DIR, SeedError } from './index.js';

const log = (line: string) => console.log(`[seed] ${line}`);
const { values } = commandLine({
  usage: `Usage: npm run seed [-- --dir <folder>]

Validates the seed (graph-seed/data, or --dir) and writes it; running it again changes nothing.`,
  options: { dir: { type: 'string' } },
});
const dir = values.dir ?? SEED_DIR;

const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  await applySchema(open.db, log);
  await loadSeedDir(open.db, dir, { log });
} catch (error) {
  exitCode = 1;
  console.error(error instanceof SeedError ? error.message : `[seed] failed: ${(error as Error).stack}`);
} finally {
  await open.close();
}
process.exit(exitCode);
