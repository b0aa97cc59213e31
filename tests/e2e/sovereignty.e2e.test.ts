// The sovereignty dashboard in a real browser against the seeded Atlas: its three sections list the report's rows,
// and a click on a country opens the dependency view on it. The seed maps Chinese suppliers; China's row lists the
// capabilities the API says a cut would lose.
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
const CHINA = 'country:cn';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;
let report: {
  countries: { country: { id: string }; capabilities: { capability: { name: string }; lostIfCut: boolean }[] }[];
  ketAreas: { id: string }[];
  technologies: { unknownSupplyItems: { id: string }[] }[];
};

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  const { data, errors } = await postGraphQL(
    atlas.url,
    '{ sovereigntyReport { countries { country { id } capabilities { capability { name } lostIfCut } } ketAreas { id } ' +
      'technologies { unknownSupplyItems { id } } } }',
    {},
    authHeaders(atlas.user.token),
  );
  expect(errors).toBeUndefined();
  report = data.sovereigntyReport;
});

afterAll(() => closeSignedInPage({ atlas, browser }));

const section = (id: string) => page.locator(`section[data-section="${id}"]`);

describe('Sovereignty dashboard', () => {
  it('is in the nav and renders its sections with the report’s rows', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${atlas.url}/?view=explorer`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sovereignty' }).click();
    await section('countries').locator('tbody tr').first().waitFor({ timeout: 30_000 });

    const countryIds = await section('countries')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(countryIds).toEqual(report.countries.map((c) => c.country.id));
    const china = section('countries').locator(`tr[data-id="${CHINA}"]`);
    const lost = report.countries
      .find((c) => c.country.id === CHINA)!
      .capabilities.filter((c) => c.lostIfCut)
      .map((c) => c.capability.name);
    expect(await china.locator('td').nth(2).getByRole('link').allTextContents()).toEqual(lost);
    expect(await china.locator('td').nth(0).textContent()).toBe(String(lost.length));

    const ketIds = await section('ket')
      .locator('a[data-id]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    expect(ketIds.sort()).toEqual(report.ketAreas.map((k) => k.id).sort());
    expect(await section('ket').locator('.pct').first().textContent()).toMatch(/^\d{1,3}%$/);
    expect(await section('critical').locator('a[data-id]').count()).toBeGreaterThan(0);

    const unknownIds = new Set(report.technologies.flatMap((t) => t.unknownSupplyItems.map((i) => i.id)));
    expect(unknownIds.size).toBeGreaterThan(0);
    expect(await section('unknown').locator('a[data-id]').count()).toBe(unknownIds.size);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-1440.png` });
    await section('unknown').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-1440-lower.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-1024.png` });
    await section('unknown').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-1024-lower.png` });
    // The nav keeps its one line at 1024 with this view added.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  });

  it('opens the dependency view on a country when its row is clicked', async () => {
    await section('countries').locator(`tr[data-id="${CHINA}"] th a`).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'dependencies');
    const params = new URL(page.url()).searchParams;
    expect(params.get('focus')).toBe(CHINA);
    await page.getByRole('link', { name: 'Dependencies' }).and(page.locator('[aria-current="page"]')).waitFor();
  });

  it('says so when the report cannot be loaded, and loads it on retry', async () => {
    let failing = true;
    await page.route('**/graphql', async (route) => {
      if (failing && route.request().postData()?.includes('SovereigntyDashboard')) await route.fulfill({ status: 503, body: 'down for maintenance' });
      else await route.fallback();
    });
    await page.goto(`${atlas.url}/?view=sovereignty`);
    const alert = page.getByRole('alert').filter({ hasText: 'The sovereignty report could not be loaded' });
    await alert.waitFor();
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-error-1024.png` });
    failing = false;
    await alert.getByRole('button').first().click();
    await section('countries').locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await page.unroute('**/graphql');
  });

  it('leaves an admin’s nav on one line at 1024, the workspace views under More', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Public reads may be on: the view stays, and Sign in asks for the admin.
    const signIn = page.getByRole('button', { name: 'Sign in' });
    if (await signIn.isVisible()) await signIn.click();
    await page.getByLabel('Email').fill(atlas.admin.email);
    await page.getByLabel('Password').fill(atlas.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').getByText(atlas.admin.name).waitFor();
    await page.goto(`${atlas.url}/?view=sovereignty`);
    const nav = page.getByRole('navigation', { name: 'Views' });
    const more = nav.getByRole('button', { name: 'More' });
    await more.click();
    await page.screenshot({ path: `${ARTIFACTS}nav-more-admin-1440.png` });
    await more.click();
    await page.setViewportSize({ width: 1024, height: 768 });
    await more.click();
    await nav.getByRole('link', { name: /^Users/ }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}sovereignty-admin-1024.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    // Escape closes the list and gives the focus back to its button; choosing a view names it on the button.
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    await more.click();
    await nav.getByRole('link', { name: /^Users/ }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await nav.getByRole('button', { name: 'Users' }).count()).toBe(1);
  });

  it('keeps the whole masthead on screen at every common width, Sign out included', async () => {
    // The admin is still signed in (the test before): their nav is the longest.
    const overflows: string[] = [];
    for (const width of [1024, 1152, 1280, 1281, 1366, 1400, 1440, 1536, 1680]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const box = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
      const nav = await page.getByRole('navigation', { name: 'Views' }).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      if (!box || box.x + box.width > width || nav.scroll > nav.client)
        overflows.push(`${width}: Sign out ends at ${box && Math.round(box.x + box.width)}, nav ${nav.scroll}/${nav.client}`);
      if (width === 1366) await page.screenshot({ path: `${ARTIFACTS}masthead-admin-1366.png` });
    }
    expect(overflows).toEqual([]);
  });
});
