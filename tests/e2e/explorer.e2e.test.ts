// The Explorer in a real browser against a real Atlas (seeded Neo4j + API + built web app): search, open a
// result, see the map and the details with sources, share the link (reload restores it), walk to a neighbour.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FACIAL = 'tech:facial-recognition';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

/** Waits until the map holds `id` and its layout has come to rest. */
async function mapShows(id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const graph = window.__atlasGraph;
      return !!graph && graph.hasNode(wanted) && graph.nodeCount() > 1 && !graph.isLayoutRunning();
    },
    id,
    { timeout: 20_000 },
  );
}

const details = () => page.locator('section[aria-labelledby="details-heading"]');
// The search box (the map's Layout choice is a combobox too).
const searchBox = () => page.getByRole('combobox', { name: 'Search technologies, capabilities and more' });
const focusOf = (url: string) => new URL(url).searchParams.get('focus');

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Explorer', () => {
  it('starts with a search box and suggestions', async () => {
    await page.goto(atlas.url);
    await expect(page.locator('header .name').textContent()).resolves.toBe('Foresight Atlas');
    await searchBox().waitFor();
    expect(await page.getByRole('button', { name: 'facial recognition' }).count()).toBe(1);
  });

  it('finds a technology as you type and draws its neighbourhood when chosen', async () => {
    await searchBox().fill('facial');
    const result = page.getByRole('option').filter({ hasText: 'Facial recognition' }).first();
    await result.waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toContain('Technology');

    await result.click();
    await mapShows(FACIAL);
    expect(await page.evaluate(() => window.__atlasGraph!.selectedId())).toBe(FACIAL);
  });

  it('shows the details: name, facts and sources with links', async () => {
    await expect(details().getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Facial recognition');
    await details().getByText('Readiness (TRL)').waitFor();
    const sources = details().locator('ol.sources > li');
    await sources.first().waitFor();
    expect(await sources.count()).toBeGreaterThan(0);
    expect((await sources.first().textContent())?.trim().length).toBeGreaterThan(5);
    expect(await details().locator('ol.sources a[href^="http"]').count()).toBeGreaterThan(0);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}explorer.png` });
  });

  it('exports the map as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the map as a PNG image' }).click()]);
    expect(download.suggestedFilename()).toBe('atlas-tech-facial-recognition.png');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('keeps the focus in the URL, so a reload (or a shared link) restores the map and details', async () => {
    expect(focusOf(page.url())).toBe(FACIAL);
    await page.reload();
    await mapShows(FACIAL);
    await expect(details().getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Facial recognition');
    await expect(searchBox().inputValue()).resolves.toBe('facial');
  });

  it('selects a neighbour clicked on the map, and the URL follows', async () => {
    const neighbour = await page.evaluate(
      (centre) =>
        window.__atlasGraph!.nodes().find((n) => n.id !== centre && n.kind === 'Capability') ?? window.__atlasGraph!.nodes().find((n) => n.id !== centre),
      FACIAL,
    );
    expect(neighbour).toBeTruthy();
    const at = await page.evaluate((id) => window.__atlasGraph!.pagePositionOf(id), neighbour!.id);
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction((id) => window.__atlasGraph!.selectedId() === id, neighbour!.id);
    expect(focusOf(page.url())).toBe(neighbour!.id);
    await expect(details().getByRole('heading', { level: 2 }).textContent()).resolves.not.toBe('Facial recognition');
    expect(browser.errors).toEqual([]);
  });
});
