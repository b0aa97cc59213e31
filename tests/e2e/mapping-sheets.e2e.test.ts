// Spreadsheets and duplicates through the web app: export the map as XLSX with the button (read back with exceljs),
// change 3 rows of a capability's workbook, upload it — the dry run lists exactly those 3 changes (and refuses a file
// with an error, naming sheet, row and column) — apply, and see the new value on the entity. Then merge two
// duplicates in the details panel. Entities are made here through the API ("SX" names, a per-run id suffix).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders, signInThroughPage } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { openInExplorer } from '../support/mapping-ui.js';
import { shoot } from '../support/screenshots.js';

const RUN = Date.now().toString(36);
const CAP = { id: `cap:sheets-probe-${RUN}`, name: `SX Sheets probe capability ${RUN}` };
const TECH_A = { id: `tech:sheets-probe-a-${RUN}`, name: `SX Sheets probe sensor ${RUN}` };
const TECH_B = { id: `tech:sheets-probe-b-${RUN}`, name: `SX Sheets probe relay ${RUN}` };
const KEEP = { id: `tech:merge-keep-${RUN}`, name: `SX Merge keeper ${RUN}` };
const DUPLICATE = { id: `tech:merge-dup-${RUN}`, name: `SX Merge duplicate ${RUN}` };

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${atlas.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(atlas.user.token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

const CREATE = 'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }';
const LINK = 'mutation($input: LinkInput!) { linkEntities(input: $input) { type } }';

beforeAll(async () => {
  atlas = await startTestAtlas();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInThroughPage(page, atlas.url, atlas.user);

  await api(CREATE, { input: { kind: 'Capability', ...CAP } });
  await api(CREATE, { input: { kind: 'Technology', ...TECH_A, attributes: { trl: 4 } } });
  await api(CREATE, { input: { kind: 'Technology', ...TECH_B, attributes: { trl: 3 }, description: 'Relays the probe readings.' } });
  await api(LINK, { input: { type: 'ENABLES', fromId: TECH_A.id, toId: CAP.id, properties: { strength: 0.5 } } });
  await api(LINK, { input: { type: 'ENABLES', fromId: TECH_B.id, toId: CAP.id, properties: { strength: 0.25 } } });
  await api(CREATE, { input: { kind: 'Technology', ...KEEP, aliases: ['SXK'] } });
  await api(CREATE, { input: { kind: 'Technology', ...DUPLICATE, aliases: ['SXD'] } });
  await api(LINK, { input: { type: 'ENABLES', fromId: DUPLICATE.id, toId: CAP.id, properties: { strength: 0.75 } } });
});

afterAll(async () => {
  await browser?.close();
  await atlas?.stop();
});

async function download(trigger: () => Promise<void>): Promise<ExcelJS.Workbook> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  return workbook;
}

/** The row of `sheet` whose `column` (by header) holds `value`. */
function rowWhere(workbook: ExcelJS.Workbook, sheet: string, match: Record<string, string>): ExcelJS.Row {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`No sheet ${sheet}`);
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row, n) => {
    if (n > 1 && Object.entries(match).every(([column, value]) => String(row.getCell(header.indexOf(column)).value) === value)) found = row;
  });
  if (!found) throw new Error(`No ${sheet} row with ${JSON.stringify(match)}`);
  return found;
}

function setCell(workbook: ExcelJS.Workbook, sheet: string, match: Record<string, string>, column: string, value: ExcelJS.CellValue): void {
  const header = (workbook.getWorksheet(sheet)!.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  rowWhere(workbook, sheet, match).getCell(header.indexOf(column)).value = value;
}

async function upload(workbook: ExcelJS.Workbook, name: string): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByLabel('Workbook or CSV file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
}

const tableRows = (sheet: string, table: string) =>
  page
    .locator(`[data-sheet="${sheet}"] table.${table} tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));

describe('Spreadsheets in the web app', () => {
  it('exports the whole map as XLSX through the button', async () => {
    await page.goto(`${atlas.url}/?view=sheets`);
    const workbook = await download(() => page.getByRole('link', { name: 'Export the whole map (XLSX)' }).click());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Technology', 'Capability', 'ENABLES', 'SUPPLIED_BY']));
    const header = (workbook.getWorksheet('Technology')!.getRow(1).values as unknown[]).map(String);
    const row = rowWhere(workbook, 'Technology', { id: TECH_A.id });
    expect(row.getCell(header.indexOf('name')).value).toBe(TECH_A.name);
    expect(row.getCell(header.indexOf('trl')).value).toBe(4);
  });

  it('round-trips a capability’s workbook: the dry run shows exactly the 3 changed rows, applying them changes the entity', async () => {
    await page.goto(`${atlas.url}/?view=sheets`);
    const picker = page.getByRole('combobox', { name: /one capability’s part/ });
    await picker.fill(CAP.name);
    await page.getByRole('listbox').getByRole('option').filter({ hasText: CAP.name }).first().waitFor({ timeout: 20_000 });
    await picker.press('Enter');
    const exported = await download(() => page.getByRole('link', { name: `Export ${CAP.name} (XLSX)` }).click());
    // The capability's part: its 3 enabling technologies (the merge probe's duplicate is one), nothing else.
    expect(exported.getWorksheet('Technology')!.rowCount).toBe(4);

    setCell(exported, 'Technology', { id: TECH_A.id }, 'trl', 7);
    setCell(exported, 'Technology', { id: TECH_B.id }, 'description', 'Relays the probe readings over LoRa.');
    setCell(exported, 'ENABLES', { from: TECH_A.id, to: CAP.id }, 'strength', 0.8);
    const good = Buffer.from(await exported.xlsx.writeBuffer());

    // First a file with a mistake in it: the error names sheet, row and column, and Apply stays off.
    setCell(exported, 'Technology', { id: TECH_B.id }, 'trl', 12);
    const errorRow = rowWhere(exported, 'Technology', { id: TECH_B.id }).number;
    await upload(exported, 'map-with-error.xlsx');
    expect(await tableRows('Technology', 'errors')).toEqual([[String(errorRow), 'trl', expect.stringMatching(/./)]]);
    expect(await page.getByRole('button', { name: /^Apply/ }).isDisabled()).toBe(true);
    await shoot(page, 'sheets-dry-run-error', { fullPage: true });

    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(good as unknown as ArrayBuffer);
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await upload(reread, 'map.xlsx');
    const report = page.getByTestId('import-report');
    await report.getByText('Dry run of map.xlsx: 0 new, 3 changed').waitFor();
    expect(await page.locator('[data-sheet] table.errors').count()).toBe(0);
    expect(await page.locator('[data-sheet] table.created').count()).toBe(0);
    const rowA = String(rowWhere(reread, 'Technology', { id: TECH_A.id }).number);
    const rowB = String(rowWhere(reread, 'Technology', { id: TECH_B.id }).number);
    expect((await tableRows('Technology', 'changed')).sort()).toEqual(
      [
        [rowA, TECH_A.id, 'trl', '4', '7'],
        [rowB, TECH_B.id, 'description', 'Relays the probe readings.', 'Relays the probe readings over LoRa.'],
      ].sort(),
    );
    const rowLink = String(rowWhere(reread, 'ENABLES', { from: TECH_A.id, to: CAP.id }).number);
    expect(await tableRows('ENABLES', 'changed')).toEqual([[rowLink, `${TECH_A.id} → ${CAP.id}`, 'strength', '0.5', '0.8']]);
    await shoot(page, 'sheets-dry-run', { fullPage: true });

    await page.getByRole('button', { name: 'Apply 3 changes' }).click();
    await report.getByText('Applied map.xlsx: 0 new, 3 changed').waitFor({ timeout: 30_000 });
    await page.getByTestId('change-toast').filter({ hasText: 'Imported map.xlsx' }).waitFor();

    await openInExplorer(page, atlas.url, TECH_A.id, TECH_A.name);
    await page.locator('.details dt', { hasText: 'Readiness (TRL)' }).locator('xpath=following-sibling::dd[1]').filter({ hasText: '7 of 9' }).waitFor();
    const data = await api<{ entity: { attributes: { key: string; value: string }[] } }>('query($id: ID!) { entity(id: $id) { attributes { key value } } }', {
      id: TECH_A.id,
    });
    expect(data.entity.attributes.find((a) => a.key === 'trl')?.value).toBe('7');
  });
});

describe('Merging duplicates in the web app', () => {
  it('merges one technology into another: links and aliases move, the duplicate is gone', async () => {
    await openInExplorer(page, atlas.url, KEEP.id, KEEP.name);
    await page.getByRole('tab', { name: 'Merge…' }).click();
    const picker = page.getByRole('combobox', { name: 'Its duplicate (another technology)' });
    await picker.fill(DUPLICATE.name);
    await page.getByRole('listbox').getByRole('option').filter({ hasText: DUPLICATE.name }).first().waitFor({ timeout: 20_000 });
    await picker.press('Enter');
    const impact = page.getByTestId('merge-impact');
    await impact.getByText(`Its 1 link moves to ${KEEP.name}:`).waitFor();
    expect(await impact.textContent()).toContain(CAP.name);
    expect(await impact.textContent()).toContain(`New aliases of ${KEEP.name}: ${DUPLICATE.name}, SXD.`);
    await page.getByLabel('Why (for the history, optional)').fill('Same sensor, entered twice');
    await shoot(page, 'sheets-merge', { fullPage: true });

    await page.getByRole('button', { name: `Merge ${DUPLICATE.name} into ${KEEP.name}` }).click();
    await page
      .getByTestId('change-toast')
      .filter({ hasText: `Merged ${DUPLICATE.name} into ${KEEP.name}` })
      .waitFor();
    await page.locator('#details-heading').filter({ hasText: KEEP.name }).waitFor();
    await page.locator('.details .aliases').filter({ hasText: 'SXD' }).waitFor();

    const data = await api<{ keep: { aliases: string[]; links: { type: string; to: { id: string } }[] }; gone: { id: string } | null }>(
      'query($keep: ID!, $gone: ID!) { keep: entity(id: $keep) { aliases links { type to { id } } } gone: entity(id: $gone) { id } }',
      { keep: KEEP.id, gone: DUPLICATE.id },
    );
    expect(data.gone).toBeNull();
    expect(data.keep.aliases).toEqual(expect.arrayContaining(['SXK', DUPLICATE.name, 'SXD']));
    expect(data.keep.links).toEqual(expect.arrayContaining([{ type: 'ENABLES', to: { id: CAP.id } }]));
    expect(browser.errors).toEqual([]);
  });
});
