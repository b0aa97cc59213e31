// Spreadsheets in and out over HTTP on a real Neo4j (fixture: tests/fixtures/small-seed.ts): export, change 3 rows,
// dry run shows exactly those 3, apply changes exactly those 3 (with history), a re-import changes nothing, a
// malformed sheet writes nothing and says where.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { smallSeed } from './fixtures/small-seed.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { graphFingerprint } from './support/fingerprint.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let ana: TestUser;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
  server = await startServer({ db, port: 0, limits: { mutationBurst: 1000 } });
  ana = await createUserWithToken(db, 'analyst', { name: 'Ana Analyst' });
});
afterAll(async () => {
  await server?.close();
  await closeTestDatabase();
});

const IMPORT = `mutation($file: String!, $fileName: String!, $dryRun: Boolean!) { importMap(file: $file, fileName: $fileName, dryRun: $dryRun) {
  dryRun applied created changed unchanged rows { sheet row key status changes { field before after } } errors { sheet row column message } } }`;
const importFile = async (data: Buffer, fileName: string, dryRun: boolean) => {
  const { data: result, errors } = await postGraphQL(server.url, IMPORT, { file: data.toString('base64'), fileName, dryRun }, authHeaders(ana.token));
  expect(errors).toBeUndefined();
  return result.importMap;
};

/** Everything in the graph, the data version included, so a refused import is shown to have written nothing. */
const fingerprint = () => graphFingerprint(db, { keepDataVersion: true });

async function download(query = ''): Promise<Response> {
  return fetch(`${server.url}/export/map.xlsx${query}`, { headers: authHeaders(ana.token) });
}

/** The row of a sheet whose first cell is `key`, and the column number of `column`. */
function cellOf(sheet: ExcelJS.Worksheet, key: string, column: string): ExcelJS.Cell {
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no row ${key} in ${sheet.name}`);
  return found.getCell(headers.indexOf(column));
}

describe('map spreadsheets', () => {
  it('exports only to signed-in callers, one sheet per kind and link type, and a capability\u2019s part on request', async () => {
    expect((await fetch(`${server.url}/export/map.xlsx`)).status).toBe(401);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await download('?capabilityId=cap:x')).arrayBuffer());
    expect(workbook.worksheets).toHaveLength(12 + 15);
    const ids = (name: string) => {
      const out: unknown[] = [];
      workbook.getWorksheet(name)!.eachRow((row, n) => n > 1 && out.push(row.getCell(1).value));
      return out;
    };
    // cap:x ← tech:a → mat:m → sup:s → country:cn, all citing src:doc; tech:b has nothing to do with it.
    expect(ids('Technology')).toEqual(['tech:a']);
    expect(ids('Country')).toEqual(['country:cn']);
    expect(ids('Source')).toEqual(['src:doc']);
    expect(ids('SUPPLIED_BY')).toEqual(['mat:m']);
    expect((await download('?capabilityId=cap:nope')).status).toBe(404);
  });

  it('round trip: export, change 3 rows, the dry run shows exactly those 3, applying changes exactly those 3', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await download()).arrayBuffer());
    const original = Buffer.from(await workbook.xlsx.writeBuffer());
    // Unchanged, the export imports as a no-op.
    const noop = await importFile(original, 'map.xlsx', true);
    expect(noop).toMatchObject({ created: 0, changed: 0, errors: [], rows: [] });
    // 7 entities (src:doc, tech:a, tech:b, cap:x, mat:m, sup:s, country:cn) and 4 links.
    expect(noop.unchanged).toBe(11);

    cellOf(workbook.getWorksheet('Technology')!, 'tech:b', 'trl').value = 7;
    cellOf(workbook.getWorksheet('Country')!, 'country:cn', 'name').value = "People's Republic of China";
    cellOf(workbook.getWorksheet('SUPPLIED_BY')!, 'mat:m', 'share').value = 0.8;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    const before = await fingerprint();
    const dry = await importFile(edited, 'map.xlsx', true);
    expect(await fingerprint()).toBe(before);
    expect(dry).toMatchObject({ dryRun: true, applied: false, created: 0, changed: 3, unchanged: 8, errors: [] });
    expect(dry.rows).toEqual([
      { sheet: 'Technology', row: 3, key: 'tech:b', status: 'CHANGED', changes: [{ field: 'trl', before: null, after: 7 }] },
      { sheet: 'Country', row: 2, key: 'country:cn', status: 'CHANGED', changes: [{ field: 'name', before: 'China', after: "People's Republic of China" }] },
      { sheet: 'SUPPLIED_BY', row: 2, key: 'mat:m → sup:s', status: 'CHANGED', changes: [{ field: 'share', before: 0.9, after: 0.8 }] },
    ]);

    const applied = await importFile(edited, 'map.xlsx', false);
    expect(applied).toMatchObject({ applied: true, changed: 3 });
    const [row] = await db.read(
      `MATCH (t:Technology {id: 'tech:b'}), (c:Country {id: 'country:cn'}), (:Material {id: 'mat:m'})-[r:SUPPLIED_BY]->(:Supplier {id: 'sup:s'})
       RETURN t.trl AS trl, c.name AS name, r.share AS share, COUNT { (h:Change) } AS changes`,
    );
    expect(row).toEqual({ trl: 7, name: "People's Republic of China", share: 0.8, changes: 3 });
    const [change] = await db.read("MATCH (h:Change {entityId: 'tech:b'}) RETURN h.comment AS comment, h.byName AS by");
    expect(change).toEqual({ comment: 'spreadsheet import, Technology row 3', by: 'Ana Analyst' });
    // Idempotent: the same file again changes nothing and writes nothing.
    const again = await fingerprint();
    expect(await importFile(edited, 'map.xlsx', false)).toMatchObject({ applied: false, changed: 0, created: 0, rows: [] });
    expect(await fingerprint()).toBe(again);
  });

  it('refuses a malformed sheet, naming sheet, row and column, and writes nothing', async () => {
    const before = await fingerprint();
    const csv = 'from,to,share,year,basis,sources\nmat:m,sup:s,1.5,2024,,src:doc\nmat:nope,sup:s,0.1,,,\nmat:m,sup:s,0.1,,rumour,src:missing\n';
    const report = await importFile(Buffer.from(csv), 'SUPPLIED_BY.csv', false);
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([
      { sheet: 'SUPPLIED_BY', row: 2, column: 'share', message: 'must be a number from 0 to 1, got 1.5.' },
      { sheet: 'SUPPLIED_BY', row: 4, column: 'basis', message: 'must be one of global production, EU sourcing, global capacity; got "rumour".' },
      { sheet: 'SUPPLIED_BY', row: 3, column: 'from', message: 'no entity has id "mat:nope", in the map or in the workbook.' },
    ]);
    const newTech = await importFile(Buffer.from('id,name,trl,colour\ntech:c,Technology C,4,red\n'), 'Technology.csv', true);
    expect(newTech.errors).toEqual([{ sheet: 'Technology', row: 1, column: 'colour', message: expect.stringContaining('is not a column of Technology') }]);
    const wrongSheet = await importFile(Buffer.from('a,b\n1,2\n'), 'Things.csv', true);
    expect(wrongSheet.errors[0]).toMatchObject({ sheet: 'Things', row: 1, column: null });
    expect(await fingerprint()).toBe(before);
  });
});
