// `npm run import -- --in file.json [--force]`: restores a JSON export into an EMPTY database (refuses a non-empty one
// unless --force). Applies the schema first. See docs/operations.md "Backup and restore".
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { applySchema } from '../server/src/db/indexes-and-constraints.repository.js';
import { checkExport, importGraph, ImportRefused } from '../server/src/backup/backup.js';

const log = (line: string) => console.error(`[import] ${line}`);
const USAGE = `Usage: npm run import -- --in <file.json> [--force]

Restores a JSON export (npm run export) into an empty database; --force writes into a non-empty one.`;
const { values } = commandLine({ usage: USAGE, options: { in: { type: 'string' }, force: { type: 'boolean' } } });
const file = values.in;
if (!file) failUsage(USAGE, 'Give the export to restore with --in.');

let data;
try {
  data = checkExport(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  console.error(`[import] ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  await applySchema(open.db, log);
  await importGraph(open.db, data, { force: values.force === true, log });
} catch (error) {
  exitCode = error instanceof ImportRefused ? 3 : 1;
  console.error(`[import] ${error instanceof ImportRefused ? '' : 'failed: '}${(error as Error).message}`);
} finally {
  await open.close();
}
process.exit(exitCode);
