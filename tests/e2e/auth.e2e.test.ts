// Signing in and out in a real browser against a real Atlas: the login page, the signed-in user in the header,
// sign-out, a wrong password, and an expired session sending the user to sign in and back to the same view.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  atlas = await startTestAtlas();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await atlas?.stop();
});

const loginHeading = () => page.getByRole('heading', { name: 'Sign in to Foresight Atlas' });
const signedIn = () => page.getByTestId('signed-in-user');

async function fillLogin(email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in', () => {
  it('shows the login page to a visitor without a session, and refuses a wrong password with a generic message', async () => {
    await page.goto(`${atlas.url}/?view=signals`);
    await loginHeading().waitFor();
    expect(await signedIn().count()).toBe(0);
    await fillLogin(atlas.user.email, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not right.');
  });

  it('signs in through the page, shows the name and role in the header, and opens the view asked for', async () => {
    await fillLogin(atlas.user.email, atlas.user.password);
    await signedIn().getByText(atlas.user.name).waitFor();
    expect(await signedIn().textContent()).toContain('(analyst)');
    // The view in the URL (?view=signals) opens once signed in; an analyst may import.
    await page.getByRole('heading', { name: 'Signals', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    const cookies = await browser.context.cookies(atlas.url);
    const session = cookies.find((c) => c.name === 'atlas_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('sends the user to sign in when the session ends, then back to the same view', async () => {
    await page.goto(`${atlas.url}/?view=scenarios`);
    await signedIn().waitFor();
    // The session is revoked server-side (as after a logout elsewhere or an expiry): the next request is refused.
    await browser.context.clearCookies();
    await page.getByRole('link', { name: 'Signals' }).click();
    await loginHeading().waitFor();
    await page.getByText('Your session has ended').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('signals');
    await fillLogin(atlas.user.email, atlas.user.password);
    await signedIn().getByText(atlas.user.name).waitFor();
    await page.getByRole('heading', { name: 'Signals', level: 1 }).waitFor();
  });

  it('signs out: the header clears, the login page returns, and the old session no longer works', async () => {
    const before = (await browser.context.cookies(atlas.url)).find((c) => c.name === 'atlas_session')!.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loginHeading().waitFor();
    expect(await signedIn().count()).toBe(0);
    const replay = await postGraphQL(atlas.url, '{ me { name } }', {}, { cookie: `atlas_session=${before}` });
    expect(replay.data.me).toBeNull();
    // The analyst's API token is unaffected by signing out.
    expect((await postGraphQL(atlas.url, '{ me { name } }', {}, authHeaders(atlas.user.token))).data.me.name).toBe(atlas.user.name);
  });
});
