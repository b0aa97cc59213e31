// Issue 19: a technology's readiness in the Explorer says where each value comes from, and an estimate (a curator's
// judgement from a source) looks different from a value the source states.
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

const details = () => page.locator('section[aria-labelledby="details-heading"]');
/** The definition that follows the term `label` in the technology's facts. */
const fact = (label: string) => details().locator('dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

async function open(id: string, name: string): Promise<void> {
  await page.goto(`${atlas.url}/?view=explorer&focus=${id}`);
  await details().getByRole('heading', { level: 2, name }).waitFor({ timeout: 30_000 });
  await fact('Readiness (TRL)').waitFor();
}

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('readiness with provenance in the Explorer', () => {
  it('marks an estimate, says what it rests on and links its source', async () => {
    await open('tech:facial-recognition', 'Facial recognition');
    const trl = fact('Readiness (TRL)');
    await expect(trl.locator('.basis').textContent()).resolves.toBe('estimate');
    expect(await trl.textContent()).toContain('9 of 9 (2025)');
    expect(await trl.locator('.provenance').textContent()).toContain('Based on: The Entry/Exit System');
    await expect(trl.locator('.provenance a').getAttribute('href')).resolves.toBe('https://travel-europe.europa.eu/ees_en');
    await expect(fact('EU position').locator('.basis').textContent()).resolves.toBe('estimate');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}readiness-estimate-1440.png` });
    // At 1024 px the details sit below the search panel: bring the facts into view before the picture.
    await page.setViewportSize({ width: 1024, height: 768 });
    await trl.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}readiness-estimate-1024.png` });
  });

  it('shows a value its source states as stated, and an unknown value as unknown', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open('tech:darkweb-crawlers', 'Dark web crawlers and hidden-service monitoring');
    const trl = fact('Readiness (TRL)');
    await expect(trl.locator('.basis').textContent()).resolves.toBe('stated');
    expect(await trl.textContent()).toContain('7 of 9 (2021)');
    expect(await trl.locator('.provenance').textContent()).not.toContain('Based on');
    await expect(fact('EU position').textContent()).resolves.toBe('unknown');
    await page.screenshot({ path: `${ARTIFACTS}readiness-stated-1440.png` });
  });
});
