// The report's Targets table: each target of the issues with what this run measured and the verdict.
import { afterWriteTargets } from './report-after-write.js';
import { scaleTargetRow } from './report-scale.js';
import type { ScaleResult, SizeResult } from './results.js';
import { ms } from './support.js';
import type { WebResult } from './web/web-bench.js';
import type { WebBundle } from './web-bundle.js';

export function targetsSection(results: SizeResult[], web: WebResult | null, bundle: WebBundle | null, scale: ScaleResult[] = []): string[] {
  const L: string[] = [];
  const f = (x: number) => ms(x);
  const k = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n));
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  L.push('## Targets', '');
  const largest = results[results.length - 1];
  const r100 = results.find((r) => r.size >= 100_000);
  const r10 = results.find((r) => r.size >= 10_000 && r.size < 100_000);
  if (largest) {
    const worstTreeRatio = Math.max(...results.map((r) => r.tree.hub.ratio));
    const critRatios = results.filter((r) => Number.isFinite(r.critical.hub.ratio) || r.critical.hub.timedOut);
    const critCell = (r: (typeof critRatios)[number]) => `${r.critical.hub.timedOut ? 'timed out' : `${r.critical.hub.ratio.toFixed(2)}×`} @${k(r.size)}`;
    const worstCritRatio = Math.max(...critRatios.map((r) => (r.critical.hub.timedOut ? Infinity : r.critical.hub.ratio)));
    L.push(
      '"Uncached" is the API with its result cache off (ATLAS_RESULT_CACHE=false): a request with nothing cached. ' +
        '"Cached" is the API as `npm start` runs it, on a repeated read; "after one write" is its first request after a mapping write (section 4b).',
      '',
    );
    L.push('| Target | Measured | Verdict |', '|---|---|---|');
    L.push(
      `| dependencyTree over GraphQL (uncached) ≤ 1.3× raw Cypher ` +
        `| ${results.map((r) => `hub ${r.tree.hub.ratio.toFixed(2)}×, typical ${r.tree.typical.ratio.toFixed(2)}× @${k(r.size)}`).join('; ')} ` +
        `| ${verdict(worstTreeRatio <= 1.3)} |`,
    );
    L.push(
      `| criticalDependencies over GraphQL (uncached) ≤ 1.3× raw Cypher ` +
        `| ${critRatios.map(critCell).join(', ') || 'not measured'} ` +
        `| ${critRatios.length ? verdict(worstCritRatio <= 1.3) : '–'} |`,
    );
    const p100 = r100?.critical.portfolio;
    L.push(
      p100 && (p100.timedOut || p100.ours.n)
        ? `| criticalDependencies portfolio-wide, first page of 50, at 100k (uncached) ≤ 1.3× the raw Cypher it needs | ` +
            `${p100.timedOut ? 'timed out' : `${f(p100.ours.median)} vs raw ${r100!.critical.baseline} ${f(p100.base.median)} ms → ${p100.ratio.toFixed(2)}×`} ` +
            `| ${verdict(!p100.timedOut && p100.ratio <= 1.3)} |`
        : '| criticalDependencies portfolio-wide, first page of 50, at 100k (uncached) ≤ 1.3× the raw Cypher it needs | not measured | – |',
    );
    if (r100)
      L.push(
        `| p95 < 200 ms for a capability's full tree at 100k | uncached: typical ${f(r100.tree.typical.ours.p95)} ms, hub ` +
          `(${r100.tree.shape.nodes} nodes) ${f(r100.tree.hub.ours.p95)} ms; cached: typical ${f(r100.tree.typicalCached.p95)} ms, ` +
          `hub ${f(r100.tree.hubCached.p95)} ms | uncached typical ${verdict(r100.tree.typical.ours.p95 < 200)}, ` +
          `hub ${verdict(r100.tree.hub.ours.p95 < 200)}; cached typical ${verdict(r100.tree.typicalCached.p95 < 200)}, ` +
          `hub ${verdict(r100.tree.hubCached.p95 < 200)} |`,
      );
    else
      L.push(`| p95 < 200 ms for a capability's full tree at 100k | not measured (largest size ${k(largest.size)}: ${f(largest.tree.hub.ours.p95)} ms) | – |`);
    L.push(
      `| nested read: ours (uncached) ≤ @neo4j/graphql ` +
        `| ${results.map((r) => `${r.peer.ratio.toFixed(2)}× @${k(r.size)}`).join(', ')} ` +
        `| ${verdict(results.every((r) => r.peer.ratio <= 1))} |`,
    );
    if (r100) {
      const s = r100.scenario;
      const cached = s.graphqlCached.n
        ? `cached ${f(s.graphqlCached.median)} ms median, ${f(s.graphqlCached.p95)} ms p95 (n ${s.graphqlCached.n})`
        : 'cached: not measured';
      const uncached = s.timedOut ? 'uncached > 120 s (timed out)' : `uncached ${f(s.graphql.median)} ms median (n ${s.graphql.n})`;
      L.push(
        `| scenario with 10 events < 1 s at 100k | ${cached}; ${uncached} | ` +
          `cached ${verdict(s.graphqlCached.n > 0 && s.graphqlCached.p95 < 1000)}, ` +
          `uncached ${verdict(!s.timedOut && s.graphql.n > 0 && s.graphql.p95 < 1000)} |`,
      );
    } else
      L.push(
        `| scenario with 10 events < 1 s at 100k | not ` +
          `measured${r10 ? ` (10k: ${f(r10.scenario.graphql.median)} ms uncached, ${f(r10.scenario.graphqlCached.median)} ms cached)` : ''} | – |`,
      );
    const s100 = r100?.search;
    if (s100)
      L.push(
        `| search as you type: p95 < 100 ms at 100k | ${s100.keystrokes.n} keystrokes: median ${f(s100.keystrokes.median)} ms, ` +
          `p95 ${f(s100.keystrokes.p95)} ms; slowest "${s100.slowest.text}" ${f(s100.slowest.median)} ms ` +
          `| ${verdict(s100.keystrokes.p95 < 100)} |`,
      );
    else
      L.push(
        `| search as you type: p95 < 100 ms at 100k | not ` +
          `measured${largest.search ? ` (${k(largest.size)}: p95 ${f(largest.search.keystrokes.p95)} ms)` : ''} | – |`,
      );
    const tp = largest.throughput.filter((x) => x.what.endsWith('cached') && !x.what.endsWith('uncached'));
    if (tp.length)
      L.push(
        `| ≥ 1,000 req/s for a cached explorer read, 50 clients ` +
          `| ${tp.map((x) => `${x.what} ${x.rps.toFixed(0)} req/s (p95 ${f(x.p95)} ms)`).join('; ')} at ${k(largest.size)} ` +
          `| ${verdict(tp.every((x) => x.rps >= 1000))} |`,
      );
    const big = web?.rows.find((r) => r.elements >= 5000 && r.fpsScripted.n > 0);
    if (big)
      L.push(
        `| 5,000 elements pan/zoom ≥ 30 FPS (canvas, no GPU) | scripted ${big.fpsScripted.median.toFixed(1)} FPS, mouse ${big.fpsInput.median.toFixed(1)} FPS (medians) | ${verdict(big.fpsScripted.median >= 30)} |`,
      );
    if (bundle && !bundle.error && bundle.initial) {
      const gz = (names: string[]) => bundle.files.filter((x) => names.includes(x.name)).reduce((n, x) => n + x.gzip, 0);
      const initial = gz(bundle.initial);
      const total = gz(bundle.files.map((x) => x.name));
      L.push(
        `| Bundle: initial load < 250 KB, total < 500 KB gzipped | initial ${(initial / 1000).toFixed(1)} KB, total ${(total / 1000).toFixed(1)} KB | ${verdict(initial < 250_000 && total < 500_000)} |`,
      );
    }
    const load = r100?.load;
    L.push(
      load
        ? `| Loading: ≥ 20,000 relationships/s over the whole 100k load, validation included | ${load.relsPerSecond.toFixed(0)} relationships/s ` +
            `(${load.relationships} in ${(load.millis / 1000).toFixed(1)} s) | ${verdict(load.relsPerSecond >= 20_000)} |`
        : '| Loading: ≥ 20,000 relationships/s over the whole 100k load, validation included | not measured | – |',
    );
    L.push(...afterWriteTargets(results), scaleTargetRow(scale), '');
  }
  return L;
}
