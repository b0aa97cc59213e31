// Loading the app (issue 17, "Bundle"): what the first page load fetches stays under 250 KB gzipped, every view of
// registry.ts is its own chunk fetched when first opened, the layout worker carries no Cytoscape of its own, and all
// the JavaScript stays under 500 KB gzipped — read from web/dist, which `npm test` builds just before this suite.
// In the browser: a view shows a loading state while its chunk arrives, and an error with Retry when it fails.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAtlas } from '../support/atlas.js';
import type { TestBrowser } from '../support/browser.js';
import { closeSignedInPage, openSignedInPage } from '../support/signed-in.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const REGISTRY = fileURLToPath(new URL('../../web/src/views/registry.ts', import.meta.url));
const KB = 1000;

const gzipped = (file: string) => gzipSync(readFileSync(`${DIST}assets/${file}`), { level: 9 }).length;

/** The scripts index.html loads, with every chunk they import statically (dynamic import() is left for later). */
function initialChunks(): Set<string> {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(`${DIST}assets/${file}`, 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
  };
  for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/assets\/([^"]+\.js)"/g)) visit(m[1]!);
  return found;
}

describe('the built app (web/dist)', () => {
  it('exists: run `npm run build:web` before this suite', () => {
    expect(existsSync(`${DIST}index.html`)).toBe(true);
  });

  it('loads under 250 KB gzipped at first, and every view only when it is opened', () => {
    const initial = initialChunks();
    const initialBytes = [...initial].reduce((n, f) => n + gzipped(f), 0);
    expect(initialBytes, `initial chunks ${[...initial].join(', ')}`).toBeLessThan(250 * KB);
    const assets = readdirSync(`${DIST}assets`);
    // Every entry of registry.ts, including views added later: `import('./<Dir>/<View>.svelte')`.
    const views = [...readFileSync(REGISTRY, 'utf8').matchAll(/import\('\.\/[^']+\/([^/']+)\.svelte'\)/g)].map((m) => m[1]!);
    expect(views.length).toBeGreaterThan(5);
    for (const view of views) {
      const chunk = assets.find((f) => f.startsWith(`${view}-`) && f.endsWith('.js'));
      expect(chunk, `a chunk of its own for the ${view} view`).toBeDefined();
      expect(initial.has(chunk!), `${chunk} is loaded at first`).toBe(false);
    }
  });

  it('shares Cytoscape between the page and the layout worker, and stays under 500 KB gzipped in all', () => {
    const assets = readdirSync(`${DIST}assets`).filter((f) => f.endsWith('.js'));
    const worker = assets.find((f) => f.startsWith('layout.worker'));
    expect(worker).toBeDefined();
    // Cytoscape alone is over 100 KB gzipped; the worker imports the page's graph chunk instead.
    expect(gzipped(worker!)).toBeLessThan(10 * KB);
    const graph = assets.filter((f) => readFileSync(`${DIST}assets/${f}`, 'utf8').includes('foresight-atlas/graph-library'));
    expect(graph.filter((f) => f !== worker)).toHaveLength(1);
    expect(assets.reduce((n, f) => n + gzipped(f), 0)).toBeLessThan(500 * KB);
  });
});

describe('opening a view in the browser', () => {
  let atlas: TestAtlas;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ atlas, browser, page } = await openSignedInPage());
  });
  afterAll(() => closeSignedInPage({ atlas, browser }));

  it("lays out a force-directed map in the worker, with Cytoscape from the page's own graph chunk", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const started = page.waitForEvent('worker');
    await page.goto(`${atlas.url}/?view=explorer&focus=tech:facial-recognition&depth=1&layout=force`);
    const worker = await started;
    await page.waitForFunction(
      () => {
        const graph = window.__atlasGraph;
        return !!graph && graph.nodeCount() > 0 && !graph.isLayoutRunning();
      },
      null,
      { timeout: 60_000 },
    );
    // What the worker fetched: its own small script, then the graph chunk the page loaded (by the same URL).
    const fetched = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const pageFetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const graphChunk = fetched.filter((u) => /\/assets\/graph-[^/]+\.js$/.test(u));
    expect(graphChunk).toHaveLength(1);
    expect(pageFetched).toContain(graphChunk[0]);
    await page.screenshot({ path: `${ARTIFACTS}explorer-seed-force-1440.png` });
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`shows a loading state while the view's chunk arrives, and an error with Retry when it fails (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let requests = 0;
      const chunk = /\/assets\/Sovereignty-[^/]+\.js$/;
      await page.route(chunk, async (route) => {
        requests++;
        await held;
        await route.abort('failed');
      });
      await page.goto(`${atlas.url}/?view=sovereignty`);
      const loading = page.getByTestId('view-loading');
      await loading.waitFor();
      expect(await loading.innerText()).toContain('Opening the Sovereignty');
      await page.screenshot({ path: `${ARTIFACTS}view-chunk-loading-${width}.png` });
      release();
      const failed = page.getByTestId('view-load-failed');
      await failed.waitFor();
      expect(await failed.innerText()).toContain('The Sovereignty could not be opened');
      await page.screenshot({ path: `${ARTIFACTS}view-chunk-failed-${width}.png` });
      await page.unroute(chunk);
      await failed.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'Technological sovereignty' }).waitFor();
      expect(requests).toBe(1);
    });

    it(`draws the Explorer with the seed (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${atlas.url}/?view=explorer&focus=tech:facial-recognition&depth=2`);
      await page.waitForFunction(
        () => {
          const graph = window.__atlasGraph;
          return !!graph && graph.nodeCount() > 0 && !graph.isLayoutRunning();
        },
        null,
        { timeout: 60_000 },
      );
      await page.screenshot({ path: `${ARTIFACTS}explorer-seed-${width}.png` });
    });
  }
});
