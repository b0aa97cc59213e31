// The capability roadmap in a real browser against the seeded Atlas: Border surveillance renders a lane per enabling
// technology (as the API lists them) with its legend; a saved scenario's events appear on the lanes they touch; the
// drawing exports as SVG and PNG with its title and legend; a bad link says what to do.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CAP = 'cap:border-surveillance';
const SCENARIO = 'scn:e2e-roadmap-taiwan-cut-off';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;
let api: { lanes: { id: string; name: string; risks: { type: string; nodeId: string }[] }[]; events: { index: number; laneIds: string[] }[] };

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  const headers = authHeaders(atlas.user.token);
  const created = await postGraphQL(
    atlas.url,
    `mutation { createScenario(input: { id: "${SCENARIO}", name: "Taiwan cut off (roadmap e2e)", horizon: 2035, events: [{ type: DISRUPTION, targetId: "country:tw", fraction: 1, year: 2028 }, { type: DISRUPTION, targetId: "country:cn", fraction: 0.5, year: 2032 }] }) { id } }`,
    {},
    headers,
  );
  expect(created.errors).toBeUndefined();
  const { data, errors } = await postGraphQL(
    atlas.url,
    `{ capabilityRoadmap(capabilityId: "${CAP}", scenarioId: "${SCENARIO}") { lanes { id name risks { type nodeId } } events { index laneIds } } }`,
    {},
    headers,
  );
  expect(errors).toBeUndefined();
  api = data.capabilityRoadmap;
});

afterAll(() => closeSignedInPage({ atlas, browser }));

const svg = () => page.getByTestId('roadmap-svg');

describe('Capability roadmap', () => {
  it('opens from the nav and renders Border surveillance with a lane per enabling technology and its legend', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${atlas.url}/?view=explorer`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Roadmap' }).click();
    await page.getByText('Choose a capability to see its roadmap').waitFor();
    await page.getByTestId('roadmap-capability').selectOption(CAP);
    await svg().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('focus')).toBe(CAP);

    expect(api.lanes.length).toBeGreaterThan(0);
    const lanes = await svg()
      .locator('g[data-lane]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-lane')));
    expect(lanes).toEqual(api.lanes.map((l) => l.id));
    expect(await svg().locator('title').first().textContent()).toBe('Capability roadmap: Border surveillance');
    const legend = await page.getByTestId('roadmap-legend').locator('text').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['Deployable (TRL ≥ 7)', 'Developing (known TRL < 7)', 'Readiness unknown', 'Horizon']));
    expect(
      await svg()
        .locator('text', { hasText: /^2030 horizon$/ })
        .count(),
    ).toBe(1);
    // The risks the API lists are in the table below, one row per dependency.
    const atRisk = new Set(api.lanes.flatMap((l) => l.risks.map((r) => r.nodeId)));
    expect(await page.locator('section[aria-labelledby="roadmap-risks"] tbody tr').count()).toBe(atRisk.size);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}roadmap-1440.png` });
  });

  it('overlays a saved scenario’s events on the lanes they touch, and keeps the choice in the link', async () => {
    await page.getByTestId('roadmap-scenario').selectOption(SCENARIO);
    await svg().locator('g[data-event]').first().waitFor();
    expect(new URL(page.url()).searchParams.get('select')).toBe(SCENARIO);
    const marks = api.events.reduce((n, e) => n + Math.max(1, e.laneIds.length), 0);
    expect(await svg().locator('g[data-event]').count()).toBe(marks);
    expect(await page.getByTestId('roadmap-legend').locator('text', { hasText: 'Scenario event: disruption' }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}roadmap-scenario-1440.png` });
    await page.locator('section[aria-labelledby="roadmap-risks"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}roadmap-risks-1440.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await svg().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}roadmap-scenario-1024.png` });
    await page.locator('section[aria-labelledby="roadmap-risks"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}roadmap-risks-1024.png` });
    // The nav still fits at 1024 with this view added.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    // A reload of the deep link shows the same.
    await page.reload();
    await svg().locator('g[data-event]').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('roadmap-scenario').inputValue()).toBe(SCENARIO);
  });

  it('exports the drawing as SVG and PNG with title, date and legend', async () => {
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toMatch(/^roadmap-border-surveillance-e2e-roadmap-taiwan-cut-off-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = readFileSync((await svgFile.path())!, 'utf8');
    expect(text).toContain('Capability roadmap: Border surveillance');
    expect(text).toMatch(/data as of \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Readiness unknown');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(2200);
  });

  it('says so when the link names no capability, and shows the API’s error with Retry for an unknown one', async () => {
    await page.goto(`${atlas.url}/?view=roadmap&focus=tech:radar`);
    await page.getByText('is not a capability id').waitFor();
    await page.goto(`${atlas.url}/?view=roadmap&focus=cap:no-such-capability`);
    await page.getByRole('alert').getByText('The roadmap could not be loaded').waitFor();
  });
});
