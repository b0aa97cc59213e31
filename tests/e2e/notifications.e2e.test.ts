// Watchlists and notifications with two analysts in two browsers (two contexts, two sessions) against a real Atlas:
// A follows a technology in the Explorer; B links a signal to it in the Signals view and comments "@A please assess" on it; A's bell shows both unread,
// the notification centre lists both (and opens their subject), and A's Atom feed, fetched over HTTP with A's API
// token, holds both; a revoked token's feed is 404. Screenshots of the bell and the centre at 1440×900 and
// 1024×768 go to tests/artifacts/. What it changes (the follow, the link) is undone at the end for the other files.
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders, loginCookie, signInThroughPage } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { shoot } from '../support/screenshots.js';

const TECHNOLOGY = 'tech:facial-recognition';
const WAIT = { timeout: 60_000 };
/** The first drawing of a neighbourhood on a busy machine. */
const FIRST_DRAW = { timeout: 120_000 };

let atlas: TestAtlas;
let browserA: TestBrowser;
let browserB: TestBrowser;
let pageA: Page;
let pageB: Page;
let technologyName: string;
/** A seeded signal that does not indicate the technology yet: B links it. */
let signal: { id: string; title: string };
const analystB = { email: `b.analyst.${Date.now()}@atlas.test`, password: 'b-analyst-password-2026', name: 'Bea Analyst' };

beforeAll(async () => {
  atlas = await startTestAtlas();
  const admin = authHeaders(atlas.admin.token);
  const created = await postGraphQL(
    atlas.url,
    'mutation($input: UserInput!) { createUser(input: $input) { user { id } } }',
    { input: { ...analystB, role: 'ANALYST' } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const { data } = await postGraphQL(
    atlas.url,
    `{ technology(id: "${TECHNOLOGY}") { name } signals(first: 50) { edges { node { id title indicates { target { id } } } } } }`,
    {},
    admin,
  );
  technologyName = data.technology.name;
  signal = data.signals.edges.map((e: any) => e.node).find((s: any) => !s.indicates.some((l: any) => l.target.id === TECHNOLOGY));
  browserA = await launchBrowser();
  browserB = await launchBrowser();
  pageA = await browserA.newPage();
  pageB = await browserB.newPage();
  await signInThroughPage(pageA, atlas.url, atlas.user);
  await signInThroughPage(pageB, atlas.url, analystB);
});

afterAll(async () => {
  const admin = authHeaders(atlas.admin.token);
  await postGraphQL(atlas.url, `mutation { unlinkSignal(signalId: "${signal.id}", targetId: "${TECHNOLOGY}") { removed } }`, {}, admin);
  await postGraphQL(atlas.url, `mutation { unfollow(targetId: "${TECHNOLOGY}") }`, {}, authHeaders(atlas.user.token));
  await browserA?.close();
  await browserB?.close();
  await atlas?.stop();
});

describe('watchlists and notifications, two analysts', { timeout: 240_000 }, () => {
  it('A follows a technology from the Explorer details panel', async () => {
    await pageA.goto(`${atlas.url}/?view=explorer&focus=${TECHNOLOGY}`);
    await pageA.locator('#details-heading').filter({ hasText: technologyName }).waitFor(FIRST_DRAW);
    const button = pageA.getByRole('button', { name: `Follow ${technologyName}` });
    await button.waitFor(WAIT);
    await button.click();
    await pageA
      .getByRole('button', { name: `Following ${technologyName}` })
      .and(pageA.locator('[aria-pressed="true"]'))
      .waitFor(WAIT);
    // Nothing unread yet: the bell says so, and shows no count.
    await pageA.getByRole('link', { name: 'Notifications: none unread' }).waitFor(WAIT);
    await shoot(pageA, 'notifications-bell-none');
  });

  it('A opens the empty notification centre from the bell', async () => {
    await pageA.getByTestId('notification-bell').click();
    await pageA.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor(WAIT);
    await pageA.getByText('No notifications yet.').waitFor(WAIT);
    expect(new URL(pageA.url()).searchParams.get('view')).toBe('notifications');
    await shoot(pageA, 'notifications-centre-empty');
  });

  it('B links a signal to the technology in the Signals view', async () => {
    await pageB.goto(`${atlas.url}/?view=signals&focus=${signal.id}`);
    const section = pageB.locator('section.signal-page');
    await section.getByRole('heading', { name: signal.title }).waitFor(WAIT);
    await section.getByRole('combobox', { name: /Link to a technology/ }).fill(technologyName);
    const option = section.getByRole('option').filter({ hasText: technologyName }).first();
    await option.waitFor(WAIT);
    await option.getByRole('button').click();
    await section.locator('section.links ul.linked').getByText(technologyName).waitFor(WAIT);
    await section.getByRole('button', { name: `Follow ${signal.title}` }).waitFor(WAIT);
    await shoot(pageB, 'notifications-signal-page-follow');
    // B acted: B's own bell stays quiet.
    await pageB.getByRole('link', { name: 'Notifications: none unread' }).waitFor(WAIT);
  });

  it('B comments “@A please assess” on the technology (the thread itself is tested in discussion.e2e)', async () => {
    const cookie = await loginCookie(atlas.url, analystB.email, analystB.password);
    const handle = atlas.user.email.split('@')[0];
    const posted = await postGraphQL(
      atlas.url,
      'mutation($s: ID!, $b: String!) { addComment(subjectId: $s, body: $b) { id } }',
      { s: TECHNOLOGY, b: `@${handle} please assess` },
      { cookie },
    );
    expect(posted.errors).toBeUndefined();
  });

  it('A sees the unread count on the bell after navigating, and the entry in the centre', async () => {
    // Any navigation re-reads the count (the bell also polls every minute).
    await pageA.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Explorer', exact: true }).click();
    // Both: the followed technology's new signal, and the mention.
    await pageA.getByRole('link', { name: 'Notifications: 2 unread' }).waitFor(WAIT);
    expect(await pageA.getByTestId('notification-unread-count').textContent()).toBe('2');
    await shoot(pageA, 'notifications-bell-unread');
    await pageA.getByTestId('notification-bell').focus();
    await pageA.keyboard.press('Enter');
    const list = pageA.getByTestId('notification-list');
    await list.waitFor(WAIT);
    const entry = list.getByTestId('notification').filter({ hasText: 'Signal linked' });
    await entry.getByText(`Bea Analyst linked signal “${signal.title}” to “${technologyName}”.`).waitFor(WAIT);
    await entry.getByText('Signal linked').waitFor(WAIT);
    await list.getByTestId('notification').filter({ hasText: 'please assess' }).waitFor(WAIT);
    await pageA.getByText('2 unread · 2 in all').waitFor(WAIT);
    await shoot(pageA, 'notifications-centre-unread');
  });

  it('the Atom feed at A’s token URL holds the entry; a revoked token’s feed is 404', async () => {
    const response = await fetch(`${atlas.url}/feeds/notifications/${atlas.user.token}.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await response.text();
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toContain(atlas.user.name);
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const entries = [feed.entry].flat().filter(Boolean);
    const entry = entries.find((e: any) => String(e.summary?.['#text'] ?? e.summary).includes(signal.title));
    expect(entry).toBeDefined();
    expect(entry.title['#text'] ?? entry.title).toBe(`Signal linked: ${technologyName}`);
    expect(entry.id).toMatch(/^urn:foresight-atlas:notification:/);
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry.link['@_href']).toBe(`${atlas.url}/?view=explorer&focus=${TECHNOLOGY}`);
    expect(entries.some((e: any) => String(e.summary?.['#text'] ?? e.summary).includes('please assess'))).toBe(true);

    const headers = authHeaders(atlas.user.token);
    const made = await postGraphQL(atlas.url, 'mutation { createApiToken(name: "Feed reader") { secret token { id } } }', {}, headers);
    const { secret, token } = made.data.createApiToken;
    expect((await fetch(`${atlas.url}/feeds/notifications/${secret}.atom`)).status).toBe(200);
    await postGraphQL(atlas.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, headers);
    expect((await fetch(`${atlas.url}/feeds/notifications/${secret}.atom`)).status).toBe(404);
    expect((await fetch(`${atlas.url}/feeds/notifications/atlas_not-a-token-at-all.atom`)).status).toBe(404);
  });

  it('A opens the subject from the centre (which marks it read) and marks all read', async () => {
    const entry = pageA.getByTestId('notification-list').getByTestId('notification').filter({ hasText: 'Signal linked' });
    await entry.getByRole('link', { name: technologyName }).click();
    // url.go is a pushState move (no page load): watch the address itself.
    await pageA.waitForFunction(
      (id) => {
        const params = new URL(location.href).searchParams;
        return params.get('view') === null && params.get('focus') === id;
      },
      TECHNOLOGY,
      WAIT,
    );
    await pageA.getByRole('link', { name: 'Notifications: 1 unread' }).waitFor(WAIT);
    await pageA.goBack();
    await pageA.getByTestId('notification-list').waitFor(WAIT);
    await pageA.getByText('1 unread · 2 in all').waitFor(WAIT);
    await pageA.getByTestId('mark-all-read').click();
    await pageA.getByText('Nothing unread. · 2 in all').waitFor(WAIT);
    await pageA.getByRole('link', { name: 'Notifications: none unread' }).waitFor(WAIT);
    expect(await pageA.getByTestId('mark-all-read').isDisabled()).toBe(true);
    expect(browserA.errors).toEqual([]);
    expect(browserB.errors).toEqual([]);
  });
});
