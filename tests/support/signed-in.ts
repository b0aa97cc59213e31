// The setup every signed-in browser test shares: an Atlas, a fresh Chromium, one page signed in through the real
// login page (the session cookie then goes with each request), and the teardown of both.
import type { Page } from 'playwright-core';
import { startTestAtlas, type TestAtlas } from './atlas.js';
import { signInThroughPage } from './auth.js';
import { launchBrowser, type TestBrowser } from './browser.js';

export interface SignedInPage {
  atlas: TestAtlas;
  browser: TestBrowser;
  page: Page;
}

/** Pass an Atlas the test already started (to query it first); otherwise one is started. */
export async function openSignedInPage(existing?: TestAtlas): Promise<SignedInPage> {
  const atlas = existing ?? (await startTestAtlas());
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await signInThroughPage(page, atlas.url, atlas.user);
  return { atlas, browser, page };
}

export async function closeSignedInPage(session: Partial<SignedInPage>): Promise<void> {
  await session.browser?.close();
  await session.atlas?.stop();
}
