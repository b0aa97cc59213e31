// Scenarios in a real browser against a real Atlas (the seed graph): build "China's supply is cut" by searching for
// the country, run it, see the capabilities it hits (table and map) and why, save it, reload from the URL, then build a
// maturation scenario and compare the two side by side — the comparison too survives a reload.
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

const param = (name: string) => new URL(page.url()).searchParams.get(name);
const editor = () => page.locator('form[aria-labelledby="scenario-editor-heading"]');
const impact = () => page.locator('section[aria-labelledby="impact-heading"]');
const comparison = () => page.locator('section[aria-labelledby="compare-heading"]');

/** Waits until the map holds `id` and its layout has come to rest. */
async function mapShows(id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const graph = window.__atlasGraph;
      return !!graph && graph.hasNode(wanted) && !graph.isLayoutRunning();
    },
    id,
    { timeout: 20_000 },
  );
}

/** Adds an event of `type` and picks its target by typing `search` and choosing the option whose text has `option`. */
async function addEvent(type: string, search: string, option: RegExp): Promise<void> {
  const form = editor();
  await form.getByLabel('Type of the new event').selectOption({ label: type });
  await form.getByRole('button', { name: 'Add event' }).click();
  // The newest event's target picker (a <select> is a combobox too, so go by the picker's label).
  const picker = form.getByRole('combobox', { name: 'Affects' }).last();
  await picker.fill(search);
  const choice = page.getByRole('option').filter({ hasText: option }).first();
  await choice.waitFor({ timeout: 10_000 });
  await choice.click();
}

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Scenarios', () => {
  it('opens on an empty draft with its empty states', async () => {
    await page.goto(`${atlas.url}/?view=scenarios`);
    await editor().waitFor();
    await expect(page.getByRole('heading', { name: 'New scenario' }).count()).resolves.toBe(1);
    await page.getByText('No events yet').waitFor();
    await page.getByText('Run the scenario to see which capabilities gain or lose').waitFor();
  });

  it('builds "China\'s supply is cut" by searching for the country, and runs it', async () => {
    await editor().getByLabel('Name', { exact: true }).fill('China cut-off');
    await editor().getByRole('checkbox', { name: 'political' }).check();
    await addEvent('Disruption', 'China', /^\s*China\s*Country\s*$/);
    await expect(editor().getByText('China', { exact: true }).count()).resolves.toBe(1);
    await expect(editor().getByLabel('Share lost (%)').inputValue()).resolves.toBe('100');

    // Run from the keyboard: Ctrl+Enter anywhere in the form.
    await editor().getByLabel('Name', { exact: true }).press('Control+Enter');
    await impact().waitFor({ timeout: 30_000 });
    const rows = impact().locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    // The seed maps gallium, tungsten and rare earths mostly to Chinese producers: counter-drone and parcel
    // screening depend on them, so both must lose.
    const text = await impact().locator('tbody').textContent();
    expect(text).toContain('Counter-drone');
    expect(text).toContain('Postal and parcel screening');
    expect(text).toMatch(/−\d+(\.\d)? pts/);
    // The map draws the paths to one capability at a time (the one that loses most, at first); the event's target
    // is on every path.
    await mapShows('country:cn');
  });

  it('shows the paths that carry the impact to a chosen capability', async () => {
    await impact().getByRole('button', { name: 'Counter-drone', exact: true }).click();
    const why = page.locator('section[aria-labelledby="why-heading"]');
    await why.getByRole('heading', { name: 'Why Counter-drone moves' }).waitFor();
    const first = why.locator('ol.paths > li').first();
    expect(await first.getAttribute('aria-label')).toMatch(/^China \(100% → 0%\) hosts .* enables Counter-drone/);
    await mapShows('cap:counter-drone');
    await page.waitForFunction(() => window.__atlasGraph!.selectedId() === 'cap:counter-drone');
    // The chosen capability is in the URL, so a reload draws the same paths.
    expect(param('open')).toBe('cap:counter-drone');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}scenarios-run.png` });
  });

  it('saves it, and the open scenario is in the URL', async () => {
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus')?.startsWith('scn:'));
    expect(param('focus')).toBe('scn:china-cut-off');
    await page
      .locator('section[aria-labelledby="scenario-list-heading"]')
      .getByRole('button', { name: /^China cut-off/ })
      .waitFor();
  });

  it('reloads from the URL with the scenario and its result', async () => {
    await page.reload();
    await impact().locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => editor().getByLabel('Name', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('China cut-off');
    expect(await impact().locator('tbody').textContent()).toContain('Counter-drone');
    await expect(editor().getByRole('checkbox', { name: 'political' }).isChecked()).resolves.toBe(true);
  });

  it('builds and saves a maturation scenario, then compares the two side by side', async () => {
    await page.locator('section[aria-labelledby="scenario-list-heading"]').getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => editor().getByLabel('Name', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('');
    expect(param('focus')).toBeNull();
    await editor().getByLabel('Name', { exact: true }).fill('Drones mature early');
    await addEvent('Maturation', 'uncrewed aircraft', /Uncrewed aircraft systems/);
    await editor().getByLabel('Reaches TRL').selectOption('8');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'scn:drones-mature-early');

    const list = page.locator('section[aria-labelledby="scenario-list-heading"]');
    await list.getByRole('button', { name: /^China cut-off/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'scn:china-cut-off');
    await expect.poll(() => editor().getByLabel('Name', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('China cut-off');
    await list.getByRole('button', { name: 'Compare with Drones mature early' }).click();

    await comparison().locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(param('select')).toBe('scn:drones-mature-early');
    const headers = await comparison().locator('thead th').allTextContents();
    expect(headers).toEqual(['Capability', 'Baseline', 'China cut-off', 'Drones mature early', 'Difference']);
    // Only the cut moves these capabilities, so each row differs by the cut's loss.
    expect(await comparison().locator('tbody').textContent()).toContain('Counter-drone');
  });

  it('restores the comparison from the URL, and closes it', async () => {
    await page.reload();
    await comparison().locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await comparison().locator('thead th').allTextContents()).toEqual(['Capability', 'Baseline', 'China cut-off', 'Drones mature early', 'Difference']);
    await page.screenshot({ path: `${ARTIFACTS}scenarios-compare.png` });
    await comparison().getByRole('button', { name: 'Close comparison' }).click();
    await impact().waitFor();
    expect(param('select')).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});

// A comparison whose every figure is worked out by hand (docs/scenarios.md), on a small graph of its own that nothing
// links to the seed:  E2E scenario capability ◀─ENABLES(1)─ E2E scenario sensor (TRL 9, deployable now)
//                        └─DEPENDS_ON(criticality 1, substitutability 0)─▶ E2E scenario core (TRL 2, no horizon).
// Baseline 2030: the core is never deployable (known TRL below 7, no horizon) → a(core) = 0 → the sensor's requirement
// 1 − 1·(1 − 0)·(1 − 0) = 0 → sensor 0 → the capability 0 %.
// "E2E core matures": MATURATION of the core to TRL 8 in 2028 → deployable by 2030 → sensor 1 → 100 %, +100 pts.
// "E2E sensor halved": DISRUPTION 0.5 of the sensor → min(0.5, 0) = 0 → 0 %, ±0 pts. Difference: 100 pts.
describe('Scenario comparison on a hand-worked graph', () => {
  const CAPABILITY = 'cap:e2e-scenario-capability';
  it('is built through the API', async () => {
    const gql = (query: string) => postGraphQL(atlas.url, query, {}, authHeaders(atlas.user.token));
    for (const query of [
      `mutation { createCapability(input: { id: "${CAPABILITY}", name: "E2E scenario capability" }) { id } }`,
      'mutation { createTechnology(input: { id: "tech:e2e-scenario-sensor", name: "E2E scenario sensor", trl: 9 }) { id } }',
      'mutation { createTechnology(input: { id: "tech:e2e-scenario-core", name: "E2E scenario core", trl: 2 }) { id } }',
      `mutation { linkEnables(input: { technologyId: "tech:e2e-scenario-sensor", capabilityId: "${CAPABILITY}", strength: 1 }) { strength } }`,
      'mutation { linkDependsOn(input: { dependantId: "tech:e2e-scenario-sensor", dependencyId: "tech:e2e-scenario-core", ' +
        'criticality: 1, substitutability: 0 }) { criticality } }',
      'mutation { createScenario(input: { id: "scn:e2e-core-matures", name: "E2E core matures", horizon: 2030, events: [{ ' +
        'type: MATURATION, targetId: "tech:e2e-scenario-core", trl: 8, year: 2028 }] }) { id } }',
      'mutation { createScenario(input: { id: "scn:e2e-sensor-halved", name: "E2E sensor halved", horizon: 2030, events: [{ ' +
        'type: DISRUPTION, targetId: "tech:e2e-scenario-sensor", fraction: 0.5 }] }) { id } }',
    ]) {
      const { errors } = await gql(query);
      expect(errors, query).toBeUndefined();
    }
  });

  it('shows the hand-worked before, after and difference in the comparison row', async () => {
    await page.goto(`${atlas.url}/?view=scenarios&focus=scn:e2e-core-matures&select=scn:e2e-sensor-halved`);
    await comparison().locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await comparison().locator('thead th').allTextContents()).toEqual(['Capability', 'Baseline', 'E2E core matures', 'E2E sensor halved', 'Difference']);
    const rows = await comparison()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
    // Only the new capability moves in either scenario, so it is the only row.
    expect(rows).toEqual([['E2E scenario capability', '0%', '100% +100 pts', '0% ±0 pts', '100 pts']]);
    expect(browser.errors).toEqual([]);
  });
});
