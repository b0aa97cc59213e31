// Discussion and assignments with two analysts in two browsers against a real Atlas: B (the e2e analyst) comments
// "@alice please assess" on a technology, picking Alice in the mention picker with the keyboard, and assigns her a
// signal; a mention of nobody is refused by name and the draft stays. A (Alice, in her own browser) finds the signal
// in My queue and follows the link to it. Screenshots of the thread and the queue at 1440×900 and 1024×768 go to
// tests/artifacts/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders, signInThroughPage } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';
import { shoot } from '../support/screenshots.js';

const WAIT = { timeout: 30_000 };
/** The Explorer shows the details (and so the thread) once the neighbourhood is drawn: slow on a busy machine. */
const MAP_WAIT = { timeout: 120_000 };
const ALICE = { email: 'alice@atlas.test', name: 'Alice Assessor', password: 'alice-assesses-signals-2026' };

let atlas: TestAtlas;
let browserB: TestBrowser;
let pageB: Page;
let browserA: TestBrowser | undefined;
let pageA: Page;
let technology: { id: string; name: string };
let signal: { id: string; title: string };

beforeAll(async () => {
  atlas = await startTestAtlas();
  const admin = authHeaders(atlas.admin.token);
  const created = await postGraphQL(
    atlas.url,
    'mutation($i: UserInput!) { createUser(input: $i) { user { id } } }',
    { i: { email: ALICE.email, name: ALICE.name, role: 'ANALYST', password: ALICE.password } },
    admin,
  );
  // A rerun against the same Atlas finds Alice already there.
  if (created.errors && created.errors[0]?.extensions?.field !== 'input.email') expect(created.errors).toBeUndefined();
  const { data } = await postGraphQL(
    atlas.url,
    '{ technologies(first: 1) { id name } signals(first: 1) { edges { node { id title } } } }',
    {},
    authHeaders(atlas.user.token),
  );
  technology = data.technologies[0];
  signal = data.signals.edges[0].node;
  ({ browser: browserB, page: pageB } = await openSignedInPage(atlas));
  await pageB.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await browserA?.close();
  await closeSignedInPage({ atlas, browser: browserB });
});

describe('discussion between two analysts', () => {
  const threadB = () => pageB.locator('section.thread');

  it('B mentions Alice on a technology, picking her with the keyboard', async () => {
    await pageB.goto(`${atlas.url}/?view=explorer&focus=${encodeURIComponent(technology.id)}`);
    await threadB()
      .getByRole('heading', { name: /Discussion/ })
      .waitFor(MAP_WAIT);
    const box = threadB().getByRole('combobox', { name: /Comment on/ });
    await box.click();
    await box.pressSequentially('@ali');
    const option = threadB().getByRole('option', { name: /Alice Assessor/ });
    await option.waitFor(WAIT);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await shoot(pageB, 'discussion-mention-picker', { show: threadB() });
    await box.focus();
    await box.press('Enter');
    await box.pressSequentially('please assess');
    expect(await box.inputValue()).toBe('@alice please assess');
    await threadB().getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = threadB().locator('li.comment').filter({ hasText: 'please assess' }).last();
    await comment.waitFor(WAIT);
    expect(await comment.locator('mark.mention').textContent()).toBe('@alice');
    expect(await comment.locator('.meta strong').textContent()).toBe(atlas.user.name);
  });

  it('refuses a mention of nobody by name and keeps the draft', async () => {
    const box = threadB().getByRole('combobox', { name: /Comment on/ });
    await box.fill('@nobodyhere have a look');
    await threadB().getByRole('button', { name: 'Comment', exact: true }).click();
    await threadB().getByRole('alert').filter({ hasText: 'No user called @nobodyhere' }).waitFor(WAIT);
    expect(await box.inputValue()).toBe('@nobodyhere have a look');
    await shoot(pageB, 'discussion-thread', { show: threadB() });
    await box.fill('');
  });

  it('B assigns a signal to Alice from the signal page', async () => {
    await pageB.goto(`${atlas.url}/?view=signals&focus=${encodeURIComponent(signal.id)}`);
    const panel = pageB.locator('section.assign');
    await panel.getByRole('heading', { name: 'Assigned to' }).waitFor(WAIT);
    await panel.getByRole('button', { name: 'Assign…' }).click();
    const form = panel.getByRole('form', { name: /Assign/ });
    await form.getByRole('option', { name: ALICE.name }).waitFor({ state: 'attached', ...WAIT });
    await form.getByLabel('Analyst').selectOption({ label: ALICE.name });
    await form.getByLabel('Note').fill('Check the source and rate it');
    await form.getByRole('button', { name: 'Assign', exact: true }).click();
    await panel.locator('li').filter({ hasText: ALICE.name }).getByText('open').waitFor(WAIT);
    await shoot(pageB, 'discussion-signal-assigned', { show: panel });
  });

  it('A finds it in My queue and follows the link to the signal', async () => {
    browserA = await launchBrowser();
    pageA = await browserA.newPage();
    await signInThroughPage(pageA, atlas.url, ALICE);
    await pageA.getByRole('link', { name: 'My queue' }).click();
    await pageA.getByRole('heading', { name: 'My queue', level: 1 }).waitFor(WAIT);
    const row = pageA.locator('tbody tr').filter({ hasText: signal.title });
    await row.waitFor(WAIT);
    expect(await row.locator('.state').textContent()).toBe('open');
    expect(await row.getByText('Check the source and rate it').count()).toBe(1);
    expect(await row.getByRole('cell', { name: atlas.user.name }).count()).toBe(1);
    await pageA.getByRole('status').filter({ hasText: '1 open.' }).waitFor(WAIT);
    await shoot(pageA, 'discussion-queue', { show: pageA.locator('section.queue') });

    await row.getByRole('link', { name: signal.title }).click();
    await pageA.getByRole('heading', { name: signal.title, level: 2 }).waitFor(WAIT);
    expect(new URL(pageA.url()).searchParams.get('view')).toBe('signals');
    expect(new URL(pageA.url()).searchParams.get('focus')).toBe(signal.id);
  });

  it('A sees the comment that mentions her on the technology', async () => {
    await pageA.goto(`${atlas.url}/?view=explorer&focus=${encodeURIComponent(technology.id)}`);
    await pageA.locator('section.thread li.comment').filter({ hasText: '@alice please assess' }).first().waitFor(MAP_WAIT);
    expect(browserB.errors).toEqual([]);
    expect(browserA?.errors).toEqual([]);
  });
});
