// `npm run map:import -- --in map.xlsx [--apply]`: shows what a map workbook would change (dry run, the default) or
// applies it. Layout: docs/mapping-spreadsheets.md. History records the changes as made on the command line.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { importMap } from '../server/src/mapping/map-sheets.service.js';

const USAGE = `Usage: npm run map:import -- --in <file.xlsx|SHEET.csv> [--apply]

Without --apply: a dry run listing new and changed rows (fields before and after) and every error (sheet, row,
column). With --apply: writes it in one transaction, unless there is any error (then nothing is written).
A CSV file holds one sheet and is named after it (Technology.csv, SUPPLIED_BY.csv).`;

const { values } = commandLine({ usage: USAGE, options: { in: { type: 'string' }, apply: { type: 'boolean' } } });
if (!values.in) failUsage(USAGE, 'Give the workbook or sheet to read with --in.');

const log = (line: string) => console.error(`[map:import] ${line}`);
const open = await openDatabase(readConfig(), log, { reuseRunning: true });
let exitCode = 0;
try {
  const actor = { id: 'cli', name: `${userInfo().username} (command line)` };
  const report = await importMap(open.db, readFileSync(values.in), values.in, !values.apply, actor, true);
  for (const row of report.rows) {
    console.log(`${row.status.padEnd(8)} ${row.sheet} row ${row.row}: ${row.key}`);
    for (const c of row.changes) console.log(`           ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  }
  for (const e of report.errors) console.log(`ERROR    ${e.sheet} row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
  log(
    `${report.created} new, ${report.changed} changed, ${report.unchanged} unchanged, ${report.errors.length} ` +
      `errors; ${report.applied ? 'applied' : 'nothing written'}.`,
  );
  if (report.errors.length) exitCode = 1;
} catch (error) {
  exitCode = 1;
  log(`failed: ${(error as Error).message}`);
} finally {
  await open.close();
}
process.exit(exitCode);
