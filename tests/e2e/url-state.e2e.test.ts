// Every view's state is in the URL (issue 13): change it in each view, reload, and the same state is on screen.
// Dependencies: levels shown, "only critical", the chosen node. Explorer: an expanded entity, a hidden link type,
// focus mode and the chosen entity. Scenarios: the open scenario's run and the capability whose paths are drawn.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

const param = (name: string) => new URL(page.url()).searchParams.get(name);

async function mapAtRest(): Promise<void> {
  await page.waitForFunction(
    () => {
      const graph = window.__atlasGraph;
      return !!graph && graph.nodeCount() > 0 && !graph.isLayoutRunning();
    },
    null,
    { timeout: 60_000 },
  );
}

const drawn = () =>
  page.evaluate(() =>
    window
      .__atlasGraph!.nodes()
      .map((n) => n.id)
      .sort(),
  );

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  await page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('view state survives a reload', () => {
  it('dependency view: levels shown, only critical, the chosen node', async () => {
    await page.goto(`${atlas.url}/?view=dependencies&focus=cap:border-surveillance`);
    await mapAtRest();
    await page.getByLabel('Levels shown').selectOption('3');
    await page.getByLabel('Show only critical').check();
    await mapAtRest();
    const row = page.locator('tbody tr').first();
    const id = await row.getAttribute('data-id');
    await row.locator('button.pick').click();
    await page.waitForFunction((wanted) => window.__atlasGraph!.selectedId() === wanted, id);
    expect([param('levels'), param('critical'), param('select')]).toEqual(['3', '1', id]);
    const before = await drawn();

    await page.reload();
    await mapAtRest();
    await expect(page.getByLabel('Levels shown').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('Show only critical').isChecked()).resolves.toBe(true);
    await page.waitForFunction((wanted) => window.__atlasGraph!.selectedId() === wanted, id);
    expect(await drawn()).toEqual(before);
  });

  it('Explorer: an expanded entity, a hidden link type, focus mode and the chosen entity', async () => {
    await page.goto(`${atlas.url}/?view=explorer&focus=tech:facial-recognition`);
    await mapAtRest();
    const before = (await drawn()).length;
    await page.getByRole('checkbox', { name: /^in KET area/ }).uncheck();
    await page.getByLabel('Focus mode').check();
    // Expand a neighbour: choose it, then "Expand neighbours".
    const neighbour = (await drawn()).find((id) => id !== 'tech:facial-recognition' && id.startsWith('tech:'))!;
    const at = await page.evaluate((id) => window.__atlasGraph!.pagePositionOf(id), neighbour);
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction((wanted) => window.__atlasGraph!.selectedId() === wanted, neighbour);
    await page.getByRole('button', { name: 'Expand neighbours' }).click();
    await page.waitForFunction((n) => window.__atlasGraph!.nodeCount() > n, before, { timeout: 30_000 });
    await mapAtRest();
    expect([param('centre'), param('open'), param('hide'), param('fm')]).toEqual(['tech:facial-recognition', neighbour, 'IN_KET_AREA', '1']);
    const expanded = await drawn();

    await page.reload();
    await mapAtRest();
    await page.waitForFunction((n) => window.__atlasGraph!.nodeCount() === n, expanded.length, { timeout: 30_000 });
    expect(await drawn()).toEqual(expanded);
    await page.waitForFunction((wanted) => window.__atlasGraph!.selectedId() === wanted, neighbour);
    await expect(page.getByRole('checkbox', { name: /^in KET area/ }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Focus mode').isChecked()).resolves.toBe(true);
  });

  it('Scenarios: the open scenario and the capability whose paths are drawn', async () => {
    await page.goto(`${atlas.url}/?view=scenarios`);
    const editor = page.locator('form[aria-labelledby="scenario-editor-heading"]');
    await editor.waitFor();
    await editor.getByLabel('Name', { exact: true }).fill('Taiwan cut off');
    await editor.getByLabel('Type of the new event').selectOption({ label: 'Disruption' });
    await editor.getByRole('button', { name: 'Add event' }).click();
    await editor.getByRole('combobox', { name: 'Affects' }).last().fill('Taiwan');
    await page
      .getByRole('option')
      .filter({ hasText: /^\s*Taiwan\s*Country\s*$/ })
      .first()
      .click();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus')?.startsWith('scn:'));
    await editor.getByRole('button', { name: 'Run', exact: true }).click();
    const impact = page.locator('section[aria-labelledby="impact-heading"]');
    const second = impact.locator('tbody tr').nth(1).locator('button');
    await second.waitFor({ timeout: 30_000 });
    const name = (await second.textContent())!.trim();
    await second.click();
    await page.waitForFunction(() => !!new URL(location.href).searchParams.get('open'));
    const capability = param('open')!;
    await page.waitForFunction((wanted) => window.__atlasGraph?.selectedId() === wanted, capability);
    const scenario = param('focus');

    await page.reload();
    await impact.waitFor({ timeout: 30_000 });
    expect(param('focus')).toBe(scenario);
    await page.waitForFunction((wanted) => window.__atlasGraph?.selectedId() === wanted && window.__atlasGraph.hasNode(wanted), capability, {
      timeout: 30_000,
    });
    await expect(impact.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
  });
});
