// The security headers against the real built app: every view draws under the Content-Security-Policy with no
// violation reported by Chromium, and a page served under a foreign Host name (DNS rebinding) is refused.
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

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

beforeAll(async () => {
  ({ atlas, browser, page } = await openSignedInPage());
  // Recorded from the first script on every page load, before the app's own code runs.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
});

afterAll(() => closeSignedInPage({ atlas, browser }));

async function drawn(minNodes: number): Promise<void> {
  await page.waitForFunction((min) => !!window.__atlasGraph && window.__atlasGraph.nodeCount() >= min && !window.__atlasGraph.isLayoutRunning(), minNodes, {
    timeout: 30_000,
  });
}

describe('Content-Security-Policy', () => {
  it('sends CSP with frame-ancestors none, nosniff and a referrer policy on the app shell', async () => {
    const response = await fetch(atlas.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('every view draws with no CSP violation and no console error', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(`${atlas.url}/?view=explorer&focus=tech:facial-recognition`);
    await drawn(2);
    await page.screenshot({ path: `${ARTIFACTS}csp-explorer.png` });
    await page.goto(`${atlas.url}/?view=dependencies&focus=cap:maritime-domain-awareness`);
    await drawn(4);
    await page.screenshot({ path: `${ARTIFACTS}csp-dependencies.png` });
    await page.goto(`${atlas.url}/?view=signals`);
    await page.getByRole('heading').first().waitFor();
    await page.goto(`${atlas.url}/?view=scenarios`);
    await page.getByRole('heading').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}csp-scenarios.png` });
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

describe('Host allowlist', () => {
  it('refuses a foreign Host with 421 and a message saying which names work; /health stays open', async () => {
    const { port } = new URL(atlas.url);
    const http = await import('node:http');
    const ask = (path: string, host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const refused = await ask('/', 'rebind.attacker.example');
    expect(refused.status).toBe(421);
    expect(JSON.parse(refused.body).errors[0].message).toMatch(/does not answer to the host "rebind\.attacker\.example".*ATLAS_ALLOWED_HOSTS/);
    expect((await ask('/health', 'rebind.attacker.example')).status).toBe(200);
    expect((await ask('/', `localhost:${port}`)).status).toBe(200);
  });
});
