// `npm run export -- --out file.json [--format json|graphml] [--include-password-hashes]`: writes the whole graph
// (docs/operations.md "Backup and restore"). Uses the running local Neo4j, NEO4J_URI, or starts one (like `npm run seed`).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../server/src/bootstrap.js';
import { readConfig } from '../server/src/config.js';
import { exportGraph, toGraphML } from '../server/src/backup/backup.js';

const log = (line: string) => console.error(`[export] ${line}`);
const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = flag('--out');
const format = flag('--format') ?? (out?.endsWith('.graphml') ? 'graphml' : 'json');
if (!out || !['json', 'graphml'].includes(format)) {
  console.error('Usage: npm run export -- --out <file> [--format json|graphml] [--include-password-hashes]');
  process.exit(2);
}

const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  const data = await exportGraph(open.db, { includePasswordHashes: process.argv.includes('--include-password-hashes') });
  writeFileSync(out, format === 'graphml' ? toGraphML(data) : `${JSON.stringify(data)}\n`);
  log(`Wrote ${data.nodes.length} nodes and ${data.relationships.length} relationships to ${out} (${format}).`);
} catch (error) {
  exitCode = 1;
  console.error(`[export] failed: ${(error as Error).message}`);
} finally {
  await open.close();
}
process.exit(exitCode);
