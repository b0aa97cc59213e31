// The "New signal" form in a real browser against a real Atlas: empty save names the missing fields, a signal already
// recorded is refused with a link to it, and a signal recorded with a technology link appears in the inbox and opens.
// Screenshots of each state at 1440×900 and 1024×768 go to tests/artifacts/. The signal made here is deleted (soft,
// by the admin) at the end, so the shared seed keeps its counts for other files.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import type { TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';
import { shoot } from '../support/screenshots.js';

const NEW_ID = 'sig:2026-11-20-hand-recorded-drone-jamming-trial-at-a-land-border';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;
/** A seeded signal, whose URL the duplicate test reuses. */
let existing: { id: string; url: string; title: string };

const form = () => page.locator('section.new-signal');
const focusOf = () => new URL(page.url()).searchParams.get('focus');

beforeAll(async () => {
  atlas = await startTestAtlas();
  const { data } = await postGraphQL(atlas.url, '{ signals(first: 1) { edges { node { id url title } } } }', {}, authHeaders(atlas.user.token));
  existing = data.signals.edges[0].node;
  ({ browser, page } = await openSignedInPage(atlas));
  await page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await postGraphQL(atlas.url, 'mutation($id: ID!) { deleteSignal(id: $id) { id } }', { id: NEW_ID }, authHeaders(atlas.admin.token));
  await closeSignedInPage({ atlas, browser });
});

describe('New signal form', () => {
  it('opens from the Signals view with the title focused', async () => {
    await page.goto(`${atlas.url}/?view=signals`);
    await page.getByRole('heading', { name: 'Signals', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New signal' }).click();
    await form().getByRole('heading', { name: 'New signal' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'new-signal-title');
    await shoot(page, 'signal-form-empty');
  });

  it('names every missing field on an empty save', async () => {
    await page.keyboard.press('Enter');
    await form().getByRole('alert').filter({ hasText: 'Fix the marked fields' }).waitFor();
    const errors = await form().locator('p.error').allTextContents();
    expect(errors).toEqual([
      'Title is required (at least 2 characters).',
      'URL is required: the address of the article, such as https://example.org/article.',
      'STEEP category is required: choose the STEEP category.',
      'Published on is required: the day it was published.',
    ]);
    expect(await page.locator('#new-signal-title').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'signal-form-errors');
  });

  it('refuses a signal already recorded, with a link that opens it', async () => {
    await page.locator('#new-signal-title').fill('The same story under another headline');
    await page.locator('#new-signal-url').fill(existing.url);
    await page.locator('#new-signal-steep').selectOption('TECHNOLOGICAL');
    await page.locator('#new-signal-published').fill('2026-11-19');
    await page.getByRole('button', { name: 'Save signal' }).click();
    const duplicate = form().getByRole('alert').filter({ hasText: 'Already recorded.' });
    await duplicate.waitFor();
    expect(await duplicate.getByRole('button').textContent()).toBe(existing.id);
    expect(await form().locator('#new-signal-url-error').textContent()).toContain(existing.id);
    await shoot(page, 'signal-form-duplicate');
    await duplicate.getByRole('button').click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('focus') === id, existing.id);
    await page.locator('section.signal-page').getByRole('heading', { name: existing.title }).waitFor();
  });

  it('records a signal (fields typed and tabbed through, the link picked with the keyboard); it opens and shows in the inbox', async () => {
    await page.getByRole('button', { name: 'New signal' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'new-signal-title');
    await page.keyboard.type('Hand-recorded: drone jamming trial at a land border');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://hand.example.org/jamming-trial');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Border Tech Weekly');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // STEEP: the first category after "Choose…"
    await page.locator('#new-signal-steep').selectOption('TECHNOLOGICAL');
    await page.locator('#new-signal-published').fill('2026-11-20');
    await page.locator('#new-signal-summary').fill('A border agency tested jamming against smuggling drones.');
    await page.locator('#new-signal-link-input').focus();
    await page.keyboard.type('counter-drone');
    await page.locator('#new-signal-link-options [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await form().getByRole('list', { name: 'Linked' }).getByRole('listitem').first().waitFor();
    await page.locator('#new-signal-summary').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Remove|Save signal/);
    await page.getByRole('button', { name: 'Save signal' }).focus();
    await page.keyboard.press('Enter');

    await page.waitForFunction((id) => new URL(location.href).searchParams.get('focus') === id, NEW_ID);
    expect(focusOf()).toBe(NEW_ID);
    const signal = page.locator('section.signal-page');
    await signal.getByRole('heading', { name: 'Hand-recorded: drone jamming trial at a land border' }).waitFor();
    await signal.locator('.signal-history li[data-kind="CREATE"]').waitFor();
    await page.locator(`ol[role="listbox"] > li[data-id="${NEW_ID}"]`).waitFor();
    const stored = await postGraphQL(
      atlas.url,
      'query($id: ID!) { signal(id: $id) { publisher steep status indicates { target { kind } } } }',
      { id: NEW_ID },
      authHeaders(atlas.user.token),
    );
    expect(stored.data.signal).toMatchObject({ publisher: 'Border Tech Weekly', steep: 'TECHNOLOGICAL', status: 'NEW' });
    expect(stored.data.signal.indicates).toHaveLength(1);
    await shoot(page, 'signal-form-created');
  });

  it('shows a status change in the signal history, with who made it', async () => {
    const signal = page.locator('section.signal-page');
    await signal
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: /^assessed/i })
      .click();
    const change = signal.locator('.signal-history li[data-kind="UPDATE"]').filter({ hasText: 'Status new → assessed' });
    await change.waitFor();
    expect(await change.textContent()).toContain(`by ${atlas.user.name}`);
    await change.scrollIntoViewIfNeeded();
    await shoot(page, 'signal-history');
  });
});
