// The seed loader's public surface, used by `npm run seed`, by `npm start` on an empty database, by tests and benchmarks.
import { fileURLToPath } from 'node:url';
import type { Database } from '../server/src/db/database.js';
import { readSeedDir } from './seed-data.js';
import { totals, writeSeed, type SeedSummary, type WriteOptions } from './write.js';

export const SEED_DIR = fileURLToPath(new URL('./data', import.meta.url));

export async function loadSeedDir(db: Database, dir = SEED_DIR, options: WriteOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  log(`Loading the seed graph from ${dir}…`);
  const summary = await writeSeed(db, readSeedDir(dir), options);
  const t = totals(summary);
  log(`Seed loaded in ${(summary.millis / 1000).toFixed(1)} s: ${t.nodes} entities and ${t.links} links (${t.created} created, ${t.changed} changed).`);
  return summary;
}

export { readSeedDir, SeedError, formatProblem, type SeedData, type SeedProblem } from './seed-data.js';
export { validateSeed } from './validate.js';
export { writeSeed, type SeedSummary } from './write.js';
