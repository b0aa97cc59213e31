// The Signals view in a real browser against a real Atlas (seeded Neo4j + API + built web app): import an RSS file,
// triage a signal with the keyboard, link it to a technology, annotate it, and find it from the technology.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';
import { postGraphQL } from '../support/graphql.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const RSS = fileURLToPath(new URL('../fixtures/feeds/security-tech-watch.rss.xml', import.meta.url));
// The newest item of the feed, and the one after it (newest first in the inbox).
const COUNTER_DRONE = 'sig:2026-10-27-counter-drone-trials-at-three-eu-airports-report-mixed';
const VOICE = 'sig:2026-09-16-open-weight-speech-models-make-voice-cloning-of-officials';
const TECHNOLOGY = 'tech:counter-uas-systems';
const TECHNOLOGY_NAME = 'Integrated counter-drone systems';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;
/** What the seed holds before this file changes anything (the seed grows; the test must not depend on its size). */
let seedNew = 0;
let seedSignalsOfTechnology = 0;

const inboxRows = () => page.locator('ol[role="listbox"] > li');
const cursorRow = () => page.locator('ol[role="listbox"] > li[aria-selected="true"]');
const signalPage = () => page.locator('section.signal-page');
const focusOf = (url: string) => new URL(url).searchParams.get('focus');
const statusOf = async (id: string) =>
  (await postGraphQL(atlas.url, 'query($id: ID!) { signal(id: $id) { status } }', { id }, authHeaders(atlas.user.token))).data.signal.status as string;

beforeAll(async () => {
  atlas = await startTestAtlas();
  const { data } = await postGraphQL(
    atlas.url,
    `query($id: ID!) { signalCounts(filter: { status: NEW }) { total } technology(id: $id) { signalCount } }`,
    { id: TECHNOLOGY },
    authHeaders(atlas.user.token),
  );
  seedNew = data.signalCounts.total;
  seedSignalsOfTechnology = data.technology.signalCount;
  ({ browser, page } = await openSignedInPage(atlas));
});

afterAll(() => closeSignedInPage({ atlas, browser }));

describe('Signals', () => {
  it('opens with the inbox and counts per status', async () => {
    await page.goto(`${atlas.url}/?view=signals`);
    await page.getByRole('heading', { name: 'Signals', level: 1 }).waitFor();
    await inboxRows().first().waitFor();
    expect(await page.getByRole('tab', { name: /^All/ }).textContent()).toMatch(/All \d+/);
    expect(await page.getByRole('tab', { name: /^new/ }).textContent()).toContain(`new ${seedNew}`);
  });

  it('/ goes to the search and Escape back to the list; a status tab narrows the list and All widens it again', async () => {
    await page.locator('ol[role="listbox"]').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search signals');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await page.getByRole('tab', { name: /^new/ }).click();
    // Before the import below the seed may hold no NEW signal: then the list says so.
    if (seedNew > 0) await expect.poll(async () => (await page.locator('p.summary').textContent())?.trim()).toBe(`${seedNew} signals`);
    else await page.getByText('No signals match.').waitFor();
    expect(await page.getByRole('tab', { name: /^new/ }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: /^All/ }).click();
    expect(await page.getByRole('tab', { name: /^All/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('imports an RSS file and shows the report', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.locator('input[type="file"]').setInputFiles(RSS);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('status', { name: 'Import report' });
    await report.waitFor({ timeout: 20_000 });
    expect(await report.locator('[data-count="created"]').textContent()).toBe('4 created');
    expect(await report.locator('[data-count="duplicates"]').textContent()).toBe('0 duplicates');
    expect(await report.locator('tr[data-outcome="created"]').count()).toBe(4);
    await page
      .getByRole('tab', { name: /^new/ })
      .filter({ hasText: `new ${seedNew + 4}` })
      .waitFor();
  });

  it('triages with the keyboard: j/k move, Enter opens (in the URL), 2 marks assessed', async () => {
    await page.getByRole('button', { name: 'Close the import panel' }).click();
    await page.getByRole('tab', { name: /^new/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${seedNew + 4} signals$`) })
      .waitFor();
    expect(await inboxRows().count()).toBe(seedNew + 4);
    expect(await inboxRows().first().getAttribute('data-id')).toBe(COUNTER_DRONE);

    // Tab into the list, as an analyst would (or click a row).
    await page.locator('ol[role="listbox"]').focus();
    await page.keyboard.press('j');
    expect(await cursorRow().getAttribute('data-id')).toBe(VOICE);
    await page.keyboard.press('k');
    expect(await cursorRow().getAttribute('data-id')).toBe(COUNTER_DRONE);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('focus') === id, COUNTER_DRONE);
    await signalPage()
      .getByRole('heading', { name: /Counter-drone trials/ })
      .waitFor();

    await page.keyboard.press('2');
    // It leaves the "new" tab, and the open page shows the new status.
    await page.locator(`ol[role="listbox"] > li[data-id="${COUNTER_DRONE}"]`).waitFor({ state: 'detached' });
    await signalPage().locator('button[data-status="assessed"][aria-pressed="true"]').waitFor();
    expect(await statusOf(COUNTER_DRONE)).toBe('ASSESSED');
    expect(focusOf(page.url())).toBe(COUNTER_DRONE);
  });

  it('links it to a technology with search-as-you-type', async () => {
    await signalPage()
      .getByRole('combobox', { name: /Link to a technology/ })
      .fill('counter-drone systems');
    // The link editor's options (the suggested links below it are options too, and may name the same technology).
    const option = signalPage().locator('section.links').getByRole('option').filter({ hasText: TECHNOLOGY_NAME });
    await option.waitFor({ timeout: 30_000 });
    await option.getByRole('button').click();
    const linked = signalPage().locator('section.links ul.linked');
    await linked.getByText(TECHNOLOGY_NAME).waitFor();
    // A linked assessed signal becomes "linked".
    await signalPage().locator('button[data-status="linked"][aria-pressed="true"]').waitFor();
    expect(await statusOf(COUNTER_DRONE)).toBe('LINKED');
  });

  it('annotates it with ratings, edits the note, and shows history and the spread', async () => {
    const form = signalPage().getByRole('form', { name: 'Annotate this signal' });
    await form.locator('[name="text"]').fill('Swarm tactics will outpace RF-only detection at airports.');
    await form.locator('[name="impact"]').selectOption('4');
    await form.locator('[name="likelihood"]').selectOption('3');
    await form.locator('[name="horizonYear"]').fill('2035');
    await form.locator('[name="reliability"]').selectOption('B');
    await form.locator('[name="credibility"]').selectOption('2');
    // No author field: the server records the signed-in analyst ("E2E Analyst", see tests/support/atlas.ts).
    expect(await form.getByTestId('annotation-author').textContent()).toContain('E2E Analyst');
    await form.getByRole('button', { name: 'Add annotation' }).click();

    const annotation = signalPage().locator('li.annotation').first();
    await annotation.locator('p.text').getByText('Swarm tactics will outpace RF-only detection at airports.').waitFor();
    expect(await annotation.locator('.ratings').textContent()).toBe('impact 4/5 · likelihood 3/5 · by 2035 · confidence B2');
    await signalPage().getByRole('heading', { name: 'Ratings (1 analyst)' }).waitFor();

    await annotation.getByRole('button', { name: 'Edit' }).click();
    const edit = signalPage().getByRole('form', { name: 'Edit the annotation' });
    await edit.locator('[name="impact"]').selectOption('5');
    await edit.getByRole('button', { name: 'Save new version' }).click();
    await annotation.locator('p.ratings').getByText('impact 5/5', { exact: false }).waitFor();
    await annotation.getByText('History (2 versions)').click();
    expect(await annotation.locator('.history li').count()).toBe(2);
    expect(await annotation.locator('.history li').first().textContent()).toContain('v1 created by E2E Analyst');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}signals.png` });
  });

  it('shows the signal on the technology, one click from the Explorer', async () => {
    await page.goto(`${atlas.url}/?view=explorer&focus=${TECHNOLOGY}`);
    const summary = page.locator('[data-testid="target-signals"]');
    const link = summary.getByRole('link', { name: /open in Signals/ });
    await link.waitFor({ timeout: 20_000 });
    // The seeded signals plus ours.
    expect(await link.getAttribute('data-count')).toBe(String(seedSignalsOfTechnology + 1));
    await link.click();
    await page.locator('.target-filter').getByText(TECHNOLOGY_NAME, { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${seedSignalsOfTechnology + 1} signals$`) })
      .waitFor();
    expect(await inboxRows().count()).toBe(seedSignalsOfTechnology + 1);
    expect(await inboxRows().first().getAttribute('data-id')).toBe(COUNTER_DRONE);
    expect(new URL(page.url()).hash).toBe(`#target=${TECHNOLOGY}`);
    expect(browser.errors).toEqual([]);
  });

  it('says so when "Load more" fails, keeps the list, and loads on "Try again"', async () => {
    let failing = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      // Only the next page (a request with a cursor) fails, as a dropped connection would.
      if (failing && body.includes('SignalsInbox') && /"after":"[^"]+"/.test(body)) await route.fulfill({ status: 503, body: 'down for maintenance' });
      else await route.fallback();
    });
    await page.goto(`${atlas.url}/?view=signals`);
    await inboxRows().first().waitFor({ timeout: 30_000 });
    const shown = await inboxRows().count();
    await page.getByRole('button', { name: 'Load more' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'More signals could not be loaded' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await inboxRows().count()).toBe(shown);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}signals-load-more-error-1440.png` });
    failing = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => inboxRows().count(), { timeout: 30_000 }).toBeGreaterThan(shown);
    expect(await alert.count()).toBe(0);
    await page.unroute('**/graphql');
  });
});
