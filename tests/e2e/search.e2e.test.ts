// Explorer search in a real browser on the seed: the alias that matched, the total, facet chips that narrow the
// list, "More results", and the keyboard (arrows, Enter opens).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

const box = () => page.getByRole('combobox');
const options = () => page.getByRole('option');
const count = () => page.locator('p.count');
/** The count line as read on screen: its markup's line breaks are spaces. */
const countText = async () => (await count().textContent())!.replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
});
afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Explorer search', () => {
  it('finds uncrewed aircraft systems first for "UAV", showing the alias that matched', async () => {
    await page.goto(atlas.url);
    await box().fill('UAV');
    await count().filter({ hasText: '“UAV”' }).waitFor();
    const first = options().first();
    expect(await first.textContent()).toContain('Uncrewed aircraft systems');
    expect(await first.textContent()).toContain('alias: UAV');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}search-uav.png` });
  });

  it('gives the total over all pages, loads more, and narrows by kind with a facet chip', async () => {
    await box().fill('drone');
    await count().filter({ hasText: '“drone”' }).waitFor();
    const total = Number((await countText()).match(/(\d+) results/)![1]);
    expect(total).toBeGreaterThan(20);
    expect(await countText()).toContain('showing 20');
    expect(await options().count()).toBe(20);

    await page.getByRole('button', { name: /^More results/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[role="option"]').length === n, Math.min(total, 40));

    const chip = page.getByRole('group', { name: 'Narrow the results to one kind' }).getByRole('button', { name: /^Technology \d+$/ });
    const technologies = Number((await chip.textContent())!.match(/\d+/)![0]);
    await chip.click();
    await count().filter({ hasText: 'in Technology' }).waitFor();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await countText()).toContain(`${technologies} results`);
    const kinds = await options().locator('.badge').allTextContents();
    expect(kinds.every((k) => k.trim() === 'Technology')).toBe(true);
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const second = (await options().nth(1).locator('.name').textContent())!;
    await box().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await options().nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') !== null);
    await page.locator('section[aria-labelledby="details-heading"]').getByRole('heading', { level: 2, name: second }).waitFor();
    expect(browser.errors).toEqual([]);
  });
});
