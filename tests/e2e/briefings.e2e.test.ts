// Briefings from the views, in a real browser against the seeded Atlas: the Dependencies view of Border surveillance
// links its briefing; the HTML briefing opens in the signed-in session and reads at 1440×900 and 1024×768; the PDF link
// downloads a PDF; the Explorer's details and the Scenarios view (a saved scenario, a comparison) link theirs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Briefings', () => {
  it('the Dependencies view links the capability briefing, which opens as a dated, sourced page', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${atlas.url}/?view=dependencies&focus=cap:border-surveillance`);
    const html = page.getByRole('link', { name: 'Briefing of Border surveillance (HTML, opens in a new tab)' });
    await html.waitFor({ timeout: 60_000 });
    expect(await html.getAttribute('href')).toBe('/briefs/capability/cap%3Aborder-surveillance.html');
    await page.screenshot({ path: `${ARTIFACTS}briefing-link-dependencies-1440.png` });

    const briefing = await browser.context.newPage();
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await briefing.setViewportSize({ width, height });
      await briefing.goto(`${atlas.url}/briefs/capability/cap:border-surveillance.html`);
      await briefing.getByRole('heading', { level: 1, name: 'Border surveillance' }).waitFor();
      await briefing.screenshot({ path: `${ARTIFACTS}briefing-html-${width}.png` });
    }
    expect(await briefing.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Summary',
      'Dependencies',
      'Single points of failure',
      'Sovereignty',
      'Signals',
      'Analysts’ notes',
      'Sources',
    ]);
    expect(await briefing.locator('ol.sources li').count()).toBeGreaterThan(0);
    await briefing.locator('#single-points').screenshot({ path: `${ARTIFACTS}briefing-html-single-points.png` });
    await briefing.close();
  });

  it('the PDF link downloads a PDF', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('link', { name: 'Briefing of Border surveillance as PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('atlas-briefing-capability-cap-border-surveillance.pdf');
  });

  it('a technology briefing marks estimated readiness with ≈ and its basis, and explains the mark', async () => {
    // Thermal imaging (graph-seed/data/nodes/technologies.json): TRL 9 (2023), horizon now, EU position competitive, all estimates.
    const briefing = await browser.context.newPage();
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await briefing.setViewportSize({ width, height });
      await briefing.goto(`${atlas.url}/briefs/technology/tech:thermal-imaging.html`);
      await briefing.getByRole('heading', { level: 1, name: 'Thermal infrared imaging' }).waitFor({ timeout: 30_000 });
      await briefing.locator('#summary').screenshot({ path: `${ARTIFACTS}briefing-readiness-estimates-${width}.png` });
    }
    const trl = briefing.locator('#summary dl.facts dt', { hasText: 'Technology readiness level (TRL)' }).locator('xpath=following-sibling::dd[1]');
    expect(await trl.textContent()).toMatch(/^≈ TRL 9 \(as of 2023\) \(estimate: .+\)\[\d+\]$/);
    await expect(briefing.locator('#summary p', { hasText: '≈ marks an estimate' }).isVisible()).resolves.toBe(true);
    await briefing.close();
  });

  it('the Explorer details link a technology briefing', async () => {
    await page.goto(`${atlas.url}/?view=explorer&focus=tech:thermal-imaging`);
    const link = page.getByRole('link', { name: /^Briefing of .+ \(HTML, opens in a new tab\)$/ });
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toBe('/briefs/technology/tech%3Athermal-imaging.html');
    await page.screenshot({ path: `${ARTIFACTS}briefing-link-explorer-1440.png` });
  });

  it('the Scenarios view links the saved scenario’s briefing', async () => {
    const input = { name: 'Taiwan cut off (briefing e2e)', horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'country:tw', fraction: 1 }] };
    const { data, errors } = await postGraphQL(
      atlas.url,
      'mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }',
      { input },
      authHeaders(atlas.user.token),
    );
    expect(errors).toBeUndefined();
    const id: string = data.createScenario.id;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${atlas.url}/?view=scenarios&focus=${encodeURIComponent(id)}`);
    const link = page.getByRole('link', { name: `Briefing of ${input.name} (HTML, opens in a new tab)` });
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toBe(`/briefs/scenario/${encodeURIComponent(id)}.html`);
    await page.screenshot({ path: `${ARTIFACTS}briefing-link-scenarios-1024.png` });
  });

  it('a comparison of Taiwan cut off with a second scenario downloads its PDF briefing from the comparison panel', async () => {
    const ids: string[] = [];
    for (const input of [
      { name: 'Taiwan cut off (compare e2e)', horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'country:tw', fraction: 1 }] },
      { name: 'China cut off (compare e2e)', horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 }] },
    ]) {
      const { data, errors } = await postGraphQL(
        atlas.url,
        'mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }',
        { input },
        authHeaders(atlas.user.token),
      );
      expect(errors).toBeUndefined();
      ids.push(data.createScenario.id);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${atlas.url}/?view=scenarios&focus=${encodeURIComponent(ids[0]!)}&select=${encodeURIComponent(ids[1]!)}`);
    const pdf = page.getByRole('link', { name: 'Briefing of Taiwan cut off (compare e2e) vs China cut off (compare e2e) as PDF' });
    await pdf.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${ARTIFACTS}briefing-link-comparison-1440.png` });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), pdf.click()]);
    expect(download.suggestedFilename()).toBe(`atlas-briefing-comparison-${ids.join('-').replace(/[^a-z0-9]+/gi, '-')}.pdf`);
    await download.saveAs(`${ARTIFACTS}briefing-comparison-from-ui.pdf`);
  });
});
