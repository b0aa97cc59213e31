// Section 6 of the benchmarks: the graph view in headless Chromium — data → interactive, data → final layout, and
// frames per second while panning and zooming. The app's CytoscapeGraph.svelte cannot be mounted from a plain page
// without the Svelte app around it, so bench/web/page.ts drives the same shared modules (instance options, styles,
// syncElements and the layout worker) and this driver feeds it elements taken from a generated graph.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { readBenchConsole, readChromiumPath } from '../../server/src/config.js';
import { generate } from '../synthetic-map.js';
import { stats, type Stats } from '../support.js';

const CHROMIUM_PATH = readChromiumPath();
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface WebRow {
  elements: number;
  nodes: number;
  edges: number;
  layout: string;
  renderer: string;
  /** Data handed to the view → drawn and a tap handled, ms. */
  interactive: Stats;
  /** Data handed to the view → the layout's final positions applied and drawn, ms. */
  final: Stats;
  /** Frames per second during 2 s of scripted cy.panBy/cy.zoom every frame (a full redraw each frame). */
  fpsScripted: Stats;
  /** Frames per second during 2 s of mouse drag-pan and wheel-zoom (Chromium input events, as an analyst). */
  fpsInput: Stats;
  /** The longest frame seen in either FPS run, ms. */
  longestFrame: number;
  note?: string;
}

export interface WebResult {
  description: string;
  rows: WebRow[];
}

interface El {
  group: 'nodes' | 'edges';
  data: Record<string, string>;
  classes?: string;
}

/** About `elements` elements (nodes + edges) around one capability, grown breadth-first over all links. */
export function sampleElements(elements: number, seed: number): El[] {
  const g = generate({ technologies: 4000, seed });
  const kindOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const group of g.data.nodes) {
    if (group.kind === 'Source') continue;
    for (const r of group.records) {
      kindOf.set(r.id as string, group.kind);
      nameOf.set(r.id as string, String(r.name ?? r.title));
    }
  }
  const adj = new Map<string, { id: string; type: string; from: string; to: string }[]>();
  for (const group of g.data.links) {
    for (const r of group.records) {
      const e = { id: `${r.from}|${group.type}|${r.to}`, type: group.type, from: r.from as string, to: r.to as string };
      for (const end of [e.from, e.to]) {
        let list = adj.get(end);
        if (!list) adj.set(end, (list = []));
        list.push(e);
      }
    }
  }
  const centre = g.ids.technologies[0]!;
  const nodes = new Set([centre]);
  const edges = new Map<string, { id: string; type: string; from: string; to: string }>();
  const queue = [centre];
  // Grow breadth-first, one entity at a time with its links to entities already taken, until the budget is reached.
  outer: for (let head = 0; head < queue.length; head++) {
    for (const e of adj.get(queue[head]!) ?? []) {
      const other = e.from === queue[head] ? e.to : e.from;
      if (nodes.has(other)) continue;
      nodes.add(other);
      queue.push(other);
      for (const l of adj.get(other) ?? []) {
        if (nodes.has(l.from) && nodes.has(l.to) && nodes.size + edges.size < elements) edges.set(l.id, l);
      }
      if (nodes.size + edges.size >= elements) break outer;
    }
  }
  const out: El[] = [...nodes].map((id) => ({
    group: 'nodes',
    data: { id, label: nameOf.get(id) ?? id, kind: kindOf.get(id) ?? 'Technology' },
    ...(id === centre ? { classes: 'centre' } : {}),
  }));
  for (const e of edges.values())
    out.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, label: e.type.toLowerCase().replace(/_/g, ' ') } });
  return out;
}

const TIMEOUT_MS = 90_000;
const FPS_MS = 2000;

/** Serves the built page (and its worker chunk) over loopback: a module worker cannot start from about:blank. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    if (path.includes('..')) return void res.writeHead(400).end();
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const withTimeout = <T>(p: Promise<T>, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS))]);

export async function runWebBench(opts: { log: (l: string) => void; seed: number; sizes?: number[]; runs?: number }): Promise<WebResult> {
  const { log, seed } = opts;
  const sizes = opts.sizes ?? [500, 2000, 5000];
  const runs = opts.runs ?? 3;
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-web-'));
  const profile = mkdtempSync(join(tmpdir(), 'atlas-bench-chromium-'));
  try {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/web/vite.config.ts', '--outDir', out], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 120_000,
    });
    const server = await serve(out);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    try {
      const errors: string[] = [];
      const openPage = async () => {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(e.message));
        // BENCH_CONSOLE=1 echoes the page's console, for debugging the page.
        if (readBenchConsole()) p.on('console', (m) => log(`web page: ${m.text()}`));
        await p.goto(server.url);
        await p.waitForFunction(() => !!(window as any).__bench);
        return p;
      };
      let page = await openPage();
      const webgl = await page.evaluate(() => (window as any).__bench.webglSupported() as boolean);
      const threshold = await page.evaluate(() => (window as any).__bench.WEBGL_THRESHOLD as number);
      const large = await page.evaluate(() => (window as any).__bench.LARGE_THRESHOLD as number);
      const rows: WebRow[] = [];
      for (const size of sizes) {
        const elements = sampleElements(size, seed);
        const nodes = elements.filter((e) => e.group === 'nodes').length;
        const interactive: number[] = [];
        const final: number[] = [];
        const fpsScripted: number[] = [];
        const fpsInput: number[] = [];
        let longestFrame = 0;
        let renderer = '?';
        let note: string | undefined;
        // The first run is a discarded warm-up (it also starts the layout worker).
        for (let i = 0; i < runs + 1; i++) {
          try {
            const r = await withTimeout(
              page.evaluate((els) => (window as any).__bench.render(els, 'fcose'), elements),
              'rendering',
            );
            const scripted = await withTimeout(
              page.evaluate((ms) => (window as any).__bench.scriptedPanZoom(ms), FPS_MS),
              'scripted pan/zoom',
            );
            const input = await inputPanZoom(page);
            renderer = r.renderer;
            if (i > 0) {
              interactive.push(r.interactive);
              final.push(r.final);
              fpsScripted.push(scripted.fps);
              fpsInput.push(input.fps);
              longestFrame = Math.max(longestFrame, scripted.longest, input.longest);
            }
            log(
              `web: ${elements.length} elements${i === 0 ? ' (warm-up)' : ''}: interactive ${r.interactive.toFixed(0)} ms, final ` +
                `layout ${r.final.toFixed(0)} ms, ${scripted.fps.toFixed(1)} fps scripted, ${input.fps.toFixed(1)} fps input ` +
                `(${r.renderer})`,
            );
          } catch (error) {
            note = (error as Error).message.split('\n')[0];
            log(`web: ${elements.length} elements: ${note}`);
            // The page may still be busy: drop it (its renderer goes with it) and carry on with a fresh one.
            await page.close({ runBeforeUnload: false }).catch(() => {});
            page = await openPage();
            break;
          }
        }
        rows.push({
          elements: elements.length,
          nodes,
          edges: elements.length - nodes,
          layout: 'fcose',
          renderer,
          interactive: stats(interactive),
          final: stats(final),
          fpsScripted: stats(fpsScripted),
          fpsInput: stats(fpsInput),
          longestFrame,
          note,
        });
      }
      if (errors.length) log(`web: page errors: ${errors.slice(0, 3).join(' | ')}`);
      const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
      const description = [
        `Headless Chromium (${version}, ${CHROMIUM_PATH}, flags ${CHROMIUM_ARGS.join(' ')}), viewport 1400×900, driven by playwright-core.`,
        'The shared wrapper (web/src/lib/graph/CytoscapeGraph.svelte) needs the Svelte app around it, so bench/web/page.ts runs its drawing',
        "path from the shared modules: `instanceOptions()` and `syncElements()` (cy-sync.ts) with the Explorer's layout, fcose, and the app's",
        'defaults (layouts.ts). fcose runs in the layout worker (layout.worker.ts): the map is drawn at once on rings around the centre and',
        `moved to the worker's positions when they arrive (animated up to 600 entities; fcose 'draft' quality above 2,000 elements).`,
        `Above ${large} elements the map is drawn for speed (pixel ratio 1, edges hidden and a cached image during pan/zoom, haystack edges,`,
        `no label ellipsis). Renderer: WebGL above ${threshold} elements when the browser has a hardware WebGL 2 ` +
          `— ${webgl ? 'it has here' : 'not here (software WebGL only, which is far slower than the canvas), so the canvas renderer is used at every size'}.`,
        'Elements are neighbourhoods grown breadth-first in a generated graph (each entity with its links to those already taken).',
        'Timed inside the page from handing the element JSON to the view: **interactive** = drawn (two animation frames) and a tap on an',
        "entity handled; **final layout** = the layout's final positions applied and drawn. **FPS** over 2 s each: *scripted* = `cy.panBy` +",
        "`cy.zoom` on every animation frame (a full redraw each frame); *input* = mouse drag-pan then wheel-zoom through Chromium's input",
        `events, as an analyst pans (where the large-map options apply). ${runs} runs per size after one discarded warm-up.`,
      ].join('\n');
      return { description, rows };
    } finally {
      await context.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** 2 s of panning by mouse drag on the background, then wheel-zooming, while the page counts frames. */
async function inputPanZoom(page: Page): Promise<{ fps: number; longest: number }> {
  await page.evaluate(() => (window as any).__bench.startFrameCount());
  const start = Date.now();
  // The top-left corner lies inside the fit padding, so the drag starts on the background and pans.
  await page.mouse.move(20, 20);
  await page.mouse.down();
  for (let i = 0; Date.now() - start < FPS_MS / 2; i++) await page.mouse.move(20 + 200 * Math.abs(Math.sin(i / 10)), 20 + 100 * Math.abs(Math.sin(i / 13)));
  await page.mouse.up();
  await page.mouse.move(700, 450);
  for (let i = 0; Date.now() - start < FPS_MS; i++) await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60);
  return page.evaluate(() => (window as any).__bench.stopFrameCount());
}

// Stand-alone: node --import tsx bench/web/web-bench.ts [500,2000]
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv[2] ?? '500').split(',').map(Number);
  const r = await runWebBench({ log: console.log, seed: 7, sizes });
  console.log(r.description);
  for (const row of r.rows) console.log(JSON.stringify(row));
}
