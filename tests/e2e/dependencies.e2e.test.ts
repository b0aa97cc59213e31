// The dependency view in a real browser against a real Atlas (seeded Neo4j + API + built web app): pick a capability,
// see its dependency graph with the single point of failure badged, open the explanation, share it by link, export CSV
// and PNG. Seed fact used: maritime domain awareness rests (through radar) on gallium, whose only mapped supplier is
// the Chinese producers (98 % of world production) — a sole-source material, so gallium is a single point of failure.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
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

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks), read by the csv-parse the server uses. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

/** The exported PNG, decoded: how many pixels are not the white background, and how many are near each colour. */
function decodePng(file: string, colours: readonly string[]): { width: number; height: number; inked: number; near: Map<string, number> } {
  const png = PNG.sync.read(readFileSync(file));
  const targets = colours.map((hex) => [hex, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
  const near = new Map(colours.map((c) => [c, 0]));
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r < 245 || g < 245 || b < 245) inked++;
    for (const [hex, tr, tg, tb] of targets) if (Math.abs(r - tr) <= 3 && Math.abs(g - tg) <= 3 && Math.abs(b - tb) <= 3) near.set(hex, near.get(hex)! + 1);
  }
  return { width: png.width, height: png.height, inked, near };
}

const galliumRow = () => page.locator(`tr[data-id="${GALLIUM}"]`);
const explanation = () => page.locator('section[aria-labelledby="explanation-title"]');

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Dependency view', () => {
  it('relies on a seed fact: gallium is a single point of failure of maritime domain awareness', async () => {
    const { data, errors } = await postGraphQL(
      atlas.url,
      `{ singlePointsOfFailure(capabilityId: "${CAPABILITY}") { points { node { id } } } }`,
      {},
      authHeaders(atlas.user.token),
    );
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
    // A drawing, not a blank canvas: a real size and a good part of it inked.
    const png = decodePng((await download.path())!, []);
    expect(png.width).toBeGreaterThan(200);
    expect(png.height).toBeGreaterThan(200);
    expect(png.inked / (png.width * png.height)).toBeGreaterThan(0.01);
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

// A small graph of its own, where every score is worked out by hand (weights: reach 0.25, substitutability 0.2,
// maturity 0.1 for technologies; reach = 1 capability / saturation 5 = 0.2):
//   E2E filter capability ◀─ENABLES─ E2E sensor (TRL 9)
//     ├─DEPENDS_ON(criticality 1, substitutability 0)─▶ E2E core (TRL 2): the sole requirement of the sole enabler, so a
//     │    single point of failure; score (0.25·0.2 + 0.2·1 + 0.1·7/8) / 0.55 = 0.614 → High (#e34a33)
//     └─DEPENDS_ON(criticality 0, substitutability 1)─▶ E2E accessory (TRL 9): no requirement, not a single point of
//          failure; score (0.25·0.2 + 0 + 0) / 0.55 = 0.091 → Low (#fdcc8a)
//   E2E sensor itself: nothing declares its substitutability → (0.25·0.2 + 0.2·1 + 0) / 0.55 = 0.455 → Medium (#fc8d59).
// Nothing links it to the seed, so no seed score moves. "Show only critical" keeps the core (a single point of failure)
// and the sensor (on its path) and drops the accessory.
describe('Dependency view on a hand-worked graph', () => {
  const FIXTURE_CAPABILITY = 'cap:e2e-filter-capability';
  const ids = ['tech:e2e-sensor', 'tech:e2e-core', 'tech:e2e-accessory'];
  const rowIds = () => page.locator('tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')).sort());

  it('is built through the API', async () => {
    const gql = (query: string) => postGraphQL(atlas.url, query, {}, authHeaders(atlas.user.token));
    for (const query of [
      `mutation { createCapability(input: { id: "${FIXTURE_CAPABILITY}", name: "E2E filter capability" }) { id } }`,
      'mutation { createTechnology(input: { id: "tech:e2e-sensor", name: "E2E sensor", trl: 9 }) { id } }',
      'mutation { createTechnology(input: { id: "tech:e2e-core", name: "E2E core", trl: 2 }) { id } }',
      'mutation { createTechnology(input: { id: "tech:e2e-accessory", name: "E2E accessory", trl: 9 }) { id } }',
      `mutation { linkEnables(input: { technologyId: "tech:e2e-sensor", capabilityId: "${FIXTURE_CAPABILITY}", strength: 1 }) { strength } }`,
      'mutation { linkDependsOn(input: { dependantId: "tech:e2e-sensor", dependencyId: "tech:e2e-core", criticality: 1, ' +
        'substitutability: 0 }) { criticality } }',
      'mutation { linkDependsOn(input: { dependantId: "tech:e2e-sensor", dependencyId: "tech:e2e-accessory", criticality: 0, ' +
        'substitutability: 1 }) { criticality } }',
    ]) {
      const { errors } = await gql(query);
      expect(errors, query).toBeUndefined();
    }
  });

  it('exports a PNG holding the colours of the three bands drawn (high, medium, low) and no critical one', async () => {
    await page.goto(`${atlas.url}/?view=dependencies&focus=${encodeURIComponent(FIXTURE_CAPABILITY)}`);
    await graphShows('tech:e2e-accessory');
    await expect.poll(rowIds, { timeout: 15_000 }).toEqual([...ids].sort());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the map as a PNG image' }).click()]);
    const colours = ['#e34a33', '#fc8d59', '#fdcc8a', '#b30000'] as const;
    const png = decodePng((await download.path())!, colours);
    expect(png.inked / (png.width * png.height)).toBeGreaterThan(0.01);
    // The legend below the map shows every band as one 12 px swatch: 24 × 24 = 576 pixels at the export's scale of 2.
    const SWATCH = 24 * 24;
    // Each drawn band fills a node besides its swatch: hundreds of pixels more, not a stray anti-aliased edge.
    for (const colour of ['#e34a33', '#fc8d59', '#fdcc8a']) expect(png.near.get(colour), colour).toBeGreaterThan(SWATCH + 100);
    // Critical is in the legend (its swatch) and nowhere on the map.
    expect(png.near.get('#b30000')).toBeGreaterThanOrEqual(SWATCH - 20);
    expect(png.near.get('#b30000')).toBeLessThan(SWATCH + 20);
  });

  it('"Show only critical" drops exactly the accessory', async () => {
    const only = page.getByRole('checkbox', { name: 'Show only critical' });
    if (await only.isChecked()) await only.uncheck();
    await expect.poll(rowIds, { timeout: 15_000 }).toEqual([...ids].sort());
    await only.check();
    await expect.poll(rowIds, { timeout: 15_000 }).toEqual(['tech:e2e-core', 'tech:e2e-sensor']);
    await only.uncheck();
    await expect.poll(rowIds, { timeout: 15_000 }).toEqual([...ids].sort());
    expect(browser.errors).toEqual([]);
  });
});
