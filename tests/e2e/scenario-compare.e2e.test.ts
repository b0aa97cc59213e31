// Comparing up to six saved scenarios and exporting results as CSV, in a real browser against the seeded Atlas; and the
// unknown-TRL note on a maturation event. Scenarios are made through the API; expected rows come from the API.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SCENARIOS = [
  { id: 'scn:e2e-cmp-china', name: 'E2E China cut', events: '{ type: DISRUPTION, targetId: "country:cn", fraction: 1 }' },
  { id: 'scn:e2e-cmp-taiwan', name: 'E2E Taiwan cut off', events: '{ type: DISRUPTION, targetId: "country:tw", fraction: 1 }' },
  { id: 'scn:e2e-cmp-half-china', name: 'E2E China halved', events: '{ type: DISRUPTION, targetId: "country:cn", fraction: 0.5 }' },
  // Edge AI processors have no TRL and no horizon in the seed: the unknown-TRL rule applies.
  { id: 'scn:e2e-cmp-edge-ai', name: 'E2E edge AI matures', events: '{ type: MATURATION, targetId: "tech:edge-ai-processors", trl: 8, year: 2032 }' },
];

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;
let expectedRows: { capabilityId: string }[];
let expectedRun: { impacts: unknown[]; nodes: unknown[] };

const param = (name: string) => new URL(page.url()).searchParams.get(name);
const list = () => page.locator('section[aria-labelledby="scenario-list-heading"]');
const comparison = () => page.locator('section[aria-labelledby="compare-heading"]');
const impact = () => page.locator('section[aria-labelledby="impact-heading"]');

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks), read by the csv-parse the server uses. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  const headers = authHeaders(atlas.user.token);
  for (const s of SCENARIOS) {
    const r = await postGraphQL(
      atlas.url,
      `mutation { createScenario(input: { id: "${s.id}", name: "${s.name}", horizon: 2030, events: [${s.events}] }) { id } }`,
      {},
      headers,
    );
    expect(r.errors).toBeUndefined();
  }
  const ids = SCENARIOS.map((s) => `"${s.id}"`).join(', ');
  const compared = await postGraphQL(atlas.url, `{ compareScenarios(ids: [${ids}]) { rows { capabilityId } } }`, {}, headers);
  expect(compared.errors).toBeUndefined();
  expectedRows = compared.data.compareScenarios.rows;
  const run = await postGraphQL(atlas.url, `{ runSavedScenario(id: "${SCENARIOS[0]!.id}") { impacts { capabilityId } nodes { id } } }`, {}, headers);
  expect(run.errors).toBeUndefined();
  expectedRun = run.data.runSavedScenario;
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Comparing saved scenarios', () => {
  it('compares four scenarios side by side, kept in the link', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${atlas.url}/?view=scenarios&focus=${SCENARIOS[0]!.id}`);
    await impact().waitFor({ timeout: 30_000 });
    for (const s of SCENARIOS.slice(1)) {
      await list()
        .getByRole('button', { name: `Compare with ${s.name}` })
        .click();
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('select')?.split(',').includes(id), s.id);
    }
    expect(param('select')).toBe(
      SCENARIOS.slice(1)
        .map((s) => s.id)
        .join(','),
    );
    await comparison().getByRole('heading', { name: 'Comparison of 4 scenarios' }).waitFor({ timeout: 30_000 });
    expect(await comparison().locator('thead th').allTextContents()).toEqual(['Capability', 'Baseline', ...SCENARIOS.map((s) => s.name), 'Difference']);
    expect(expectedRows.length).toBeGreaterThan(0);
    expect(await comparison().locator('tbody tr').count()).toBe(expectedRows.length);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}scenarios-compare4-1440.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await comparison().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scenarios-compare4-1024.png` });
    // The table fits the page at 1024: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    expect(
      await comparison()
        .locator('.scroll')
        .evaluate((el) => el.scrollWidth <= el.clientWidth),
    ).toBe(true);
  });

  it('downloads the comparison as CSV, one row per capability the table shows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), comparison().getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('scenario-comparison-e2e-cmp-china-e2e-cmp-taiwan-e2e-cmp-half-china-e2e-cmp-edge-ai.csv');
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(header!.slice(0, 5)).toEqual(['capability_id', 'capability', 'E2E China cut 2030 baseline', 'E2E China cut 2030 score', 'E2E China cut change']);
    expect(header!.at(-1)).toBe('spread');
    expect(header).toHaveLength(2 + 3 * SCENARIOS.length + 1);
    expect(rows.map((r) => r[0])).toEqual(expectedRows.map((r) => r.capabilityId));
  });

  it('restores the comparison from the link, takes one out, and closes it', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await comparison().getByRole('heading', { name: 'Comparison of 4 scenarios' }).waitFor({ timeout: 30_000 });
    await list()
      .getByRole('button', { name: `Compare with ${SCENARIOS[2]!.name}` })
      .click();
    await comparison().getByRole('heading', { name: 'Comparison of 3 scenarios' }).waitFor({ timeout: 30_000 });
    expect(param('select')).toBe(`${SCENARIOS[1]!.id},${SCENARIOS[3]!.id}`);
    await comparison().getByRole('button', { name: 'Close comparison' }).click();
    await impact().waitFor();
    expect(param('select')).toBeNull();
  });

  it('downloads a scenario’s result as CSV: the capabilities that change, then the nodes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), impact().getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('scenario-e2e-cmp-china-2030.csv');
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(header!.slice(0, 8)).toEqual(['scenario', 'horizon', 'row', 'id', 'name', 'before', 'after', 'delta']);
    expect(rows.filter((r) => r[2] === 'capability')).toHaveLength(expectedRun.impacts.length);
    expect(rows).toHaveLength(expectedRun.impacts.length + expectedRun.nodes.length);
    expect(rows.every((r) => r[0] === 'E2E China cut' && r[1] === '2030')).toBe(true);
  });

  it('says on a maturation event why it has little effect when the technology’s TRL is unknown, and links to the fix', async () => {
    await page.goto(`${atlas.url}/?view=scenarios&focus=${SCENARIOS[3]!.id}`);
    const note = page.getByTestId('event-readiness-note');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain('Edge AI processors has no TRL and no horizon on the map, so its readiness is unknown.');
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scenarios-unknown-trl-note.png` });
    // Once the run is drawn, the Scenarios view keeps its capability in the link (?open=cap:…): the Explorer must
    // not inherit it (it would expand that capability and move the focus onto it).
    await page.waitForURL(/[?&]open=cap/, { timeout: 30_000 });
    const fix = note.getByRole('link', { name: 'Set its current TRL →' });
    // The Explorer is the default view, so its links carry no view=.
    expect(await fix.getAttribute('href')).toBe('?focus=tech:edge-ai-processors');
    await fix.click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Explorer' }).and(page.locator('[aria-current="page"]')).waitFor();
    expect(param('focus')).toBe('tech:edge-ai-processors');
    expect(param('view')).toBeNull();
    expect(param('open')).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
