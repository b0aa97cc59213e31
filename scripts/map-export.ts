// `npm run map:export -- --out map.xlsx [--capability cap:…]`: the map (or a capability's part) as a workbook in the
// layout of docs/mapping-spreadsheets.md. Uses the running local Neo4j, NEO4J_URI, or starts one (like `npm run seed`).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { exportMap } from '../server/src/mapping/map-sheets.service.js';

const USAGE = `Usage: npm run map:export -- --out <file.xlsx> [--capability <cap:id>]

Writes the whole map, or one capability's part of it (its technologies, what they depend on down to supplier
countries, substitutes and the sources cited), one sheet per kind and per link type. Edit it and bring it back
with npm run map:import.`;

const { values } = commandLine({ usage: USAGE, options: { out: { type: 'string' }, capability: { type: 'string' } } });
if (!values.out || !values.out.toLowerCase().endsWith('.xlsx')) failUsage(USAGE, 'Give the workbook to write with --out <file.xlsx>.');

const log = (line: string) => console.error(`[map:export] ${line}`);
const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  writeFileSync(values.out, await exportMap(open.db, values.capability ?? null));
  log(`Wrote ${values.out}${values.capability ? ` (${values.capability})` : ''}.`);
} catch (error) {
  exitCode = 1;
  log(`failed: ${(error as Error).message}`);
} finally {
  await open.close();
}
process.exit(exitCode);
