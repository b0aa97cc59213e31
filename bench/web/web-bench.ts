// Section 6 of the benchmarks: time from data to a laid-out, drawn, interactive graph in headless Chromium.
// The app's CytoscapeGraph.svelte cannot be mounted from a plain page without the Svelte app around it, so
// bench/web/page.ts rebuilds the same Cytoscape instance from the shared modules (styles, layouts, renderer choice)
// and this driver feeds it elements taken from a generated graph (neighbourhoods grown breadth-first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generate } from '../generate.js';
import { stats, type Stats } from '../support.js';

const CHROMIUM_PATH = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface WebRow {
  elements: number;
  nodes: number;
  edges: number;
  layout: string;
  renderer: string;
  total: Stats;
  layoutOnly: Stats;
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
  const out: El[] = [...nodes].map((id) => ({ group: 'nodes', data: { id, label: nameOf.get(id) ?? id, kind: kindOf.get(id) ?? 'Technology' }, ...(id === centre ? { classes: 'centre' } : {}) }));
  for (const e of edges.values()) out.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, label: e.type.toLowerCase().replace(/_/g, ' ') } });
  return out;
}

export async function runWebBench(opts: { log: (l: string) => void; seed: number; sizes?: number[]; layouts?: string[] }): Promise<WebResult> {
  const { log, seed } = opts;
  const sizes = opts.sizes ?? [500, 2000, 5000];
  const layouts = opts.layouts ?? ['fcose', 'grid'];
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-web-'));
  const profile = mkdtempSync(join(tmpdir(), 'atlas-bench-chromium-'));
  try {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/web/vite.config.ts'], { cwd: repoRoot, env: { ...process.env, BENCH_WEB_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
    const script = readFileSync(join(out, 'page.js'), 'utf8');
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
    try {
      const errors: string[] = [];
      const openPage = async () => {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(e.message));
        await p.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1400px;height:900px"></div></body></html>');
        await p.addScriptTag({ content: script });
        return p;
      };
      let page = await openPage();
      const webgl = await page.evaluate(() => (window as any).__bench.webglSupported() as boolean);
      const threshold = await page.evaluate(() => (window as any).__bench.WEBGL_THRESHOLD as number);
      const rows: WebRow[] = [];
      for (const size of sizes) {
        const elements = sampleElements(size, seed);
        const nodes = elements.filter((e) => e.group === 'nodes').length;
        for (const layout of layouts) {
          // Slow layouts get fewer repetitions; each run is bounded.
          const runs = layout === 'fcose' && size >= 5000 ? 2 : 3;
          const warmup = layout === 'fcose' && size >= 5000 ? 0 : 1;
          const totals: number[] = [];
          const layoutTimes: number[] = [];
          let renderer = '?';
          let note: string | undefined;
          for (let i = 0; i < runs + warmup; i++) {
            try {
              const r = await Promise.race([
                page.evaluate(([els, name]) => (window as any).__bench.render(els, name), [elements, layout] as const),
                new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 90 s')), 90_000)),
              ]);
              renderer = r.renderer;
              if (i >= warmup) {
                totals.push(r.total);
                layoutTimes.push(r.layout);
              }
              log(`web: ${elements.length} elements, ${layout}${i < warmup ? ' (warm-up)' : ''}: ${r.total.toFixed(0)} ms (layout ${r.layout.toFixed(0)} ms, ${r.renderer})`);
            } catch (error) {
              note = (error as Error).message.split('\n')[0];
              log(`web: ${elements.length} elements, ${layout}: ${note}`);
              // The page may still be busy: drop it (its renderer goes with it) and carry on with a fresh one.
              await page.close({ runBeforeUnload: false }).catch(() => {});
              page = await openPage();
              break;
            }
          }
          rows.push({ elements: elements.length, nodes, edges: elements.length - nodes, layout, renderer, total: stats(totals), layoutOnly: stats(layoutTimes), note });
        }
      }
      if (errors.length) log(`web: page errors: ${errors.slice(0, 3).join(' | ')}`);
      const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
      const description = [
        `Headless Chromium (${version}, ${CHROMIUM_PATH}, flags ${CHROMIUM_ARGS.join(' ')}), viewport 1400×900, driven by playwright-core.`,
        'The shared wrapper (web/src/lib/graph/CytoscapeGraph.svelte) needs the Svelte app around it, so bench/web/page.ts builds the',
        'same Cytoscape instance from the shared modules — `buildStylesheet()` (styles.ts), the same instance options, `layoutOptions()`',
        `with the app's defaults (layouts.ts) and the renderer choice of cy-sync.ts (WebGL above ${threshold} elements when WebGL 2 is`,
        `available: ${webgl ? 'available here' : 'not available in this headless Chromium, so the canvas renderer is used at every size'}).`,
        'Elements are neighbourhoods grown breadth-first in a generated graph (each entity with its links to those already taken).',
        'Timed inside the page: from handing the element JSON to Cytoscape to `layoutstop`, two painted frames and a handled tap.',
        '**fcose** is the Explorer\'s layout (app defaults: quality "default", animate with a 450 ms animation, numIter 2500);',
        '**grid** is the app\'s fallback for very large sets. The first run of each row is a discarded warm-up (none for fcose at 5,000).',
      ].join('\n');
      return { description, rows };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

// Stand-alone: node --import tsx bench/web/web-bench.ts [500,2000]
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv[2] ?? '500').split(',').map(Number);
  const r = await runWebBench({ log: console.log, seed: 7, sizes });
  console.log(r.description);
  for (const row of r.rows) console.log(JSON.stringify(row));
}
