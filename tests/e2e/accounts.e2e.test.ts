// Accounts in a real browser against a real Atlas: an admin disables a user on the Users screen and that user's API
// token stops working (checked over HTTP); a user creates a token on the "API tokens" page (secret shown once, works,
// then revoked); and a session revoked server-side, while the browser keeps its cookie, signs the user out with a message.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders, loginCookie, signInThroughPage } from '../support/auth.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { shoot } from '../support/screenshots.js';

let atlas: TestAtlas;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  atlas = await startTestAtlas();
  browser = await launchBrowser();
  page = await browser.newPage();
  // Disable, delete and revoke ask for confirmation first.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await atlas?.stop();
});

/** A new user made by the admin over the API, signed in over HTTP once to create a token of their own. */
async function newUserWithToken(name: string, role = 'ANALYST') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@atlas.test`;
  const password = `pw-${randomUUID()}`;
  const made = await postGraphQL(
    atlas.url,
    'mutation($i: UserInput!) { createUser(input: $i) { user { id } } }',
    { i: { email, name, role, password } },
    authHeaders(atlas.admin.token),
  );
  expect(made.errors).toBeUndefined();
  const cookie = await loginCookie(atlas.url, email, password);
  const token = await postGraphQL(atlas.url, 'mutation { createApiToken(name: "script") { secret } }', {}, { cookie });
  return { id: made.data.createUser.user.id as string, name, email, password, token: token.data.createApiToken.secret as string };
}

const meWithToken = async (token: string) => (await postGraphQL(atlas.url, '{ me { name } }', {}, authHeaders(token))).data?.me ?? null;
const userRow = (name: string) => page.getByTestId('user-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Opens a view listed under "More" in the nav (tokens, users…). */
async function openFromMore(label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'More' }).click();
  await nav.getByRole('link', { name: new RegExp(`^${label}`) }).click();
}

/** Signs out and waits until the server has ended the session (the sign-in page is back). */
async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Foresight Atlas' }).waitFor();
}

describe('the Users screen (admin)', () => {
  it('disables a user, whose API token stops working at once', async () => {
    const dana = await newUserWithToken('Dana Departing');
    expect(await meWithToken(dana.token)).toEqual({ name: 'Dana Departing' });

    await signInThroughPage(page, atlas.url, atlas.admin);
    await openFromMore('Users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const row = userRow('Dana Departing');
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Disable Dana Departing' }).click();
    await row.getByText('Disabled').waitFor();

    expect(await meWithToken(dana.token)).toBeNull();
    const write = await postGraphQL(atlas.url, 'mutation { createTechnology(input: { name: "Written after disable" }) { id } }', {}, authHeaders(dana.token));
    expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await row.getByRole('button', { name: 'Enable Dana Departing' }).isVisible()).toBe(true);
  });

  it('issues a one-time reset code, shown once, and lists and revokes a user’s token', async () => {
    const rui = await newUserWithToken('Rui Reset', 'VIEWER');
    await page.reload();
    const row = userRow('Rui Reset');
    await row.waitFor();
    await row.getByRole('button', { name: 'Reset code for Rui Reset' }).click();
    const code = await page.getByTestId('once-secret').inputValue();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await page.getByText('Shown only this once.').waitFor();

    await row.getByRole('button', { name: 'API tokens of Rui Reset' }).click();
    await page.getByRole('heading', { name: 'API tokens of Rui Reset' }).waitFor();
    await page.getByRole('button', { name: 'Revoke token script' }).waitFor();
    await shoot(page, 'users', { restore: { width: 1400, height: 900 } });
    await page.getByRole('button', { name: 'Revoke token script' }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect(await meWithToken(rui.token)).toBeNull();

    // The code works once, for Rui, from the sign-in page's "Have a reset code?".
    const reset = await postGraphQL(atlas.url, 'mutation($e: String!, $c: String!) { resetPassword(email: $e, code: $c, newPassword: "a-fresh-password-1") }', {
      e: rui.email,
      c: code,
    });
    expect(reset.data).toEqual({ resetPassword: true });
  });

  it('is not offered to analysts, and explains itself if opened', async () => {
    await signOut();
    await signInThroughPage(page, atlas.url, atlas.user);
    const nav = page.getByRole('navigation', { name: 'Views' });
    await nav.getByRole('button', { name: 'More' }).click();
    await nav.getByRole('link', { name: /^API tokens/ }).waitFor();
    expect(await nav.getByRole('link', { name: /^Users/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${atlas.url}/?view=users`);
    await page.getByText('Only administrators manage users.').waitFor();
  });
});

describe('the API tokens page (every user)', () => {
  it('creates a token whose secret is shown once and works, then revokes it', async () => {
    await openFromMore('API tokens');
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByLabel('New token’s name').fill('Nightly feed import');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('once-secret').inputValue();
    expect(secret).toMatch(/^atlas_/);
    expect(await meWithToken(secret)).toEqual({ name: atlas.user.name });
    await shoot(page, 'tokens', { restore: { width: 1400, height: 900 } });

    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('once-secret').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke token Nightly feed import' }).click();
    // This token's own row: other files (the Atom feed test) leave revoked tokens of the same user in the list.
    await page
      .getByRole('row')
      .filter({ hasText: 'Nightly feed import' })
      .getByText(/^Revoked /)
      .waitFor();
    expect(await meWithToken(secret)).toBeNull();
  });

  it('refuses a wrong current password, naming it', async () => {
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('a-long-new-password');
    await page.getByLabel('New password again').fill('a-long-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('is not right. Type the password you signed in with.').waitFor();
  });
});

describe('a session revoked on the server', () => {
  it('signs the user out with a message, although the browser still holds the cookie', async () => {
    const sam = await newUserWithToken('Sam Session');
    await signOut();
    await signInThroughPage(page, atlas.url, sam);
    await page.getByRole('link', { name: 'Signals' }).click();
    await page.getByRole('heading', { name: 'Signals', level: 1 }).waitFor();
    const cookieBefore = (await browser.context.cookies(atlas.url)).find((c) => c.name === 'atlas_session')!.value;

    // Sam changes the password from another session: every other session, the browser's included, ends server-side.
    const elsewhere = await loginCookie(atlas.url, sam.email, sam.password);
    const changed = await postGraphQL(
      atlas.url,
      'mutation($c: String!) { changeMyPassword(currentPassword: $c, newPassword: "sam-new-password-1") }',
      { c: sam.password },
      { cookie: elsewhere },
    );
    // Ended: the browser's session and the one newUserWithToken opened to make the token.
    expect(changed.data).toEqual({ changeMyPassword: 2 });
    expect((await browser.context.cookies(atlas.url)).find((c) => c.name === 'atlas_session')?.value).toBe(cookieBefore);

    await page.getByRole('link', { name: 'Scenarios' }).click();
    await page.getByRole('heading', { name: 'Sign in to Foresight Atlas' }).waitFor();
    await page.getByText('Your session has ended. Sign in again to continue where you were.').waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('scenarios');
    await shoot(page, 'session-ended', { restore: { width: 1400, height: 900 } });
  });
});
