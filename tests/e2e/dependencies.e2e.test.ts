// The dependency view in a real browser against a real Atlas (seeded Neo4j + API + built web app): pick a capability,
// see its dependency graph with the single point of failure badged, open the explanation, share it by link, export CSV
// and PNG. Seed fact used: maritime domain awareness rests (through radar) on gallium, whose only mapped supplier is
// the Chinese producers (98 % of world production) — a sole-source material, so gallium is a single point of failure.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';
import { postGraphQL } from '../support/graphql.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAPABILITY = 'cap:maritime-domain-awareness';
const GALLIUM = 'mat:gallium';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

async function graphShows(id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const graph = window.__atlasGraph;
      return !!graph && graph.hasNode(wanted) && graph.nodeCount() > 3 && !graph.isLayoutRunning();
    },
    id,
    { timeout: 30_000 },
  );
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const galliumRow = () => page.locator(`tr[data-id="${GALLIUM}"]`);
const explanation = () => page.locator('section[aria-labelledby="explanation-title"]');

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Dependency view', () => {
  it('relies on a seed fact: gallium is a single point of failure of maritime domain awareness', async () => {
    const { data, errors } = await postGraphQL(atlas.url, `{ singlePointsOfFailure(capabilityId: "${CAPABILITY}") { points { node { id } } } }`, {}, authHeaders(atlas.user.token));
    expect(errors).toBeUndefined();
    expect(data.singlePointsOfFailure.points.map((p: any) => p.node.id)).toContain(GALLIUM);
  });

  it('starts empty and finds the capability as you type', async () => {
    await page.goto(`${atlas.url}/?view=dependencies`);
    await page.getByRole('heading', { name: 'What does a capability really depend on?' }).waitFor();
    await page.getByRole('combobox', { name: 'Capability or technology' }).fill('maritime');
    const option = page.getByRole('option').filter({ hasText: 'Maritime domain awareness' }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    // A tree this large is summarised: the first levels drawn, deeper ones folded into counts.
    await graphShows(CAPABILITY);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(CAPABILITY);
  });

  it('shows the single-point-of-failure badge on gallium, in the table and the graph', async () => {
    await galliumRow().waitFor();
    expect(await galliumRow().locator('.spof-badge').count()).toBe(1);
    // Choosing gallium in the table opens the way to it in the summarised graph, badged there too.
    await galliumRow().getByRole('button', { name: 'Gallium' }).click();
    await graphShows(GALLIUM);
    const summary = await page.locator('.summary[role="status"]').textContent();
    expect(summary).toMatch(/\d+ single points? of failure/);
  });

  it('opens the explanation: score breakdown, reason, suppliers, paths and sources; the link keeps it', async () => {
    await galliumRow().getByRole('button', { name: 'Gallium' }).click();
    await explanation().getByRole('heading', { name: 'Gallium' }).waitFor();
    const text = (await explanation().textContent()) ?? '';
    expect(text).toContain('Single point of failure');
    expect(text).toContain('Supplier concentration (HHI)');
    expect(text).toContain('98 %');
    expect(text).toContain('Paths leading to it');
    await explanation().locator('ul.sources li a[href^="http"]').first().waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('select')).toBe(GALLIUM);
    expect(await page.evaluate(() => window.__atlasGraph!.selectedId())).toBe(GALLIUM);

    await page.reload();
    await graphShows(GALLIUM);
    await explanation().getByRole('heading', { name: 'Gallium' }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}dependencies.png` });
  });

  it('exports the ranked table to CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('dependencies-cap-maritime-domain-awareness.csv');
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(header!.slice(0, 7)).toEqual(['rank', 'id', 'name', 'kind', 'level', 'score', 'single point of failure']);
    expect(rows.length).toBe(await page.locator('tbody tr[data-id]').count());
    const gallium = rows.find((r) => r[1] === GALLIUM)!;
    expect(gallium.slice(2, 4)).toEqual(['Gallium', 'Material']);
    expect(gallium[6]).toBe('true'); // single point of failure
    expect(Number(gallium[5])).toBeGreaterThan(0.5);
    // The rows are in the table's order (score, highest first).
    const scores = rows.map((r) => Number(r[5]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('exports the graph to PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the map as a PNG image' }).click()]);
    expect(download.suggestedFilename()).toBe('dependencies-cap-maritime-domain-awareness.png');
  });

  it('keeps only critical dependencies when asked, and sorts by a column', async () => {
    const all = await page.locator('tbody tr[data-id]').count();
    await page.getByRole('checkbox', { name: 'Show only critical' }).check();
    await galliumRow().waitFor();
    expect(await page.locator('tbody tr[data-id]').count()).toBeLessThanOrEqual(all);
    await page.getByRole('button', { name: 'Dependency', exact: true }).click();
    const names = await page.locator('tbody tr[data-id] .name').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(browser.errors).toEqual([]);
  });
});
