// `npm run export -- --out file.json [--format json|graphml] [--include-password-hashes]`: writes the whole graph
// (docs/operations.md "Backup and restore"). Uses the running local Neo4j, NEO4J_URI, or starts one (like `npm run seed`).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { exportGraph, toGraphML } from '../server/src/backup/backup.js';

const USAGE = `Usage: npm run export -- --out <file> [--format json|graphml] [--include-password-hashes]

Writes the whole graph as JSON (restorable with npm run import) or GraphML; the format follows the file's ending
unless --format says. Password hashes are left out unless --include-password-hashes.`;

const log = (line: string) => console.error(`[export] ${line}`);
const { values } = commandLine({
  usage: USAGE,
  options: { out: { type: 'string' }, format: { type: 'string' }, 'include-password-hashes': { type: 'boolean' } },
});
const out = values.out;
const format = values.format ?? (out?.endsWith('.graphml') ? 'graphml' : 'json');
if (!out) failUsage(USAGE, 'Give the file to write with --out.');
if (!['json', 'graphml'].includes(format)) failUsage(USAGE, `--format must be json or graphml, got "${format}".`);

const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  const data = await exportGraph(open.db, { includePasswordHashes: values['include-password-hashes'] === true });
  writeFileSync(out, format === 'graphml' ? toGraphML(data) : `${JSON.stringify(data)}\n`);
  log(`Wrote ${data.nodes.length} nodes and ${data.relationships.length} relationships to ${out} (${format}).`);
} catch (error) {
  exitCode = 1;
  console.error(`[export] failed: ${(error as Error).message}`);
} finally {
  await open.close();
}
process.exit(exitCode);
