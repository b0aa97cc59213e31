// The report's scale parts (bench/scale.ts): docs/benchmarks-scale.md for a run of scale sizes only, the section and
// the Targets row of docs/benchmarks.md, and the growth exponents from the largest default size (100k) up to 1M.
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_RESULTS_JSON, SCALE_RESULTS_JSON } from './paths.js';
import type { ScaleResult, SizeResult } from './results.js';
import { ms } from './support.js';

const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n));
const mib = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : '–');
/** Growth exponent between two sizes: time ∝ size^k. */
const exponent = (x1: number, y1: number, x2: number, y2: number) => Math.log(y2 / y1) / Math.log(x2 / x1);

interface Reference {
  result: SizeResult;
  /** Where it comes from: this run, or the default run saved in bench/results/latest.json (with its date). */
  from: string;
}

/** The largest default size of this run, else of the last default run on record. */
function referenceFor(results: SizeResult[], savedDefault: string): Reference | null {
  const own = results[results.length - 1];
  if (own) return { result: own, from: 'this run' };
  if (!existsSync(savedDefault)) return null;
  const saved = JSON.parse(readFileSync(savedDefault, 'utf8')) as { env: Record<string, string>; results: SizeResult[] };
  const largest = saved.results[saved.results.length - 1];
  return largest ? { result: largest, from: `the default run of ${saved.env.Date?.slice(0, 10) ?? '?'}, bench/results/latest.json` } : null;
}

/** Whether the scale target holds for one size: every measurement the issue names was taken, none timed out. */
const complete = (s: ScaleResult) =>
  s.load.relsPerSecond > 0 &&
  s.tree.ours.n > 0 &&
  !s.scenario.timedOut &&
  s.scenario.cached.n > 0 &&
  !!s.afterWrite &&
  !s.afterWrite.scenario.timedOut &&
  !s.afterWrite.treeTypical.timedOut &&
  Number.isFinite(s.memory.api.peakMb) &&
  Number.isFinite(s.memory.neo4j.heapUsedMb);

/** The Targets row of docs/benchmarks.md: this run's scale sizes, else the last scale run on record. */
export function scaleTargetRow(scale: ScaleResult[] | undefined, savedScale = SCALE_RESULTS_JSON): string {
  const name = '`npm run bench -- --sizes 1000000` works on this machine: load, typical tree, scenario cached and after a write, memory, exponents';
  let runs = scale ?? [];
  let from = '';
  if (!runs.length && existsSync(savedScale)) {
    const saved = JSON.parse(readFileSync(savedScale, 'utf8')) as { env: Record<string, string>; scale?: ScaleResult[] };
    runs = saved.scale ?? [];
    from = ` (scale run of ${saved.env.Date?.slice(0, 10) ?? '?'}, docs/benchmarks-scale.md)`;
  }
  const s = runs.find((r) => r.size >= 1_000_000) ?? runs[runs.length - 1];
  if (!s) return `| ${name} | not measured (no scale run on record) | – |`;
  const a = s.afterWrite;
  const measured =
    `${k(s.size)}${from}: load ${s.load.relsPerSecond.toFixed(0)} rel/s; typical tree ${s.tree.ratio.toFixed(2)}× raw; scenario cached ` +
    `${ms(s.scenario.cached.median)} ms; after a write: scenario ${a ? `${a.scenario.ratio.toFixed(2)}× cached` : 'not measured'}, tree typical ` +
    `${a ? `${a.treeTypical.rawRatio.toFixed(2)}× raw` : 'not measured'}; API peak RSS ${mib(s.memory.api.peakMb)}, Neo4j heap used ${mib(s.memory.neo4j.heapUsedMb)}`;
  return `| ${name} | ${measured} | ${complete(s) && s.size >= 1_000_000 ? '**met**' : '**missed**'} |`;
}

/** The scale section: one table of what each scale size measured, memory, and the exponents from the reference. */
export function scaleSection(scale: ScaleResult[], results: SizeResult[], savedDefault = DEFAULT_RESULTS_JSON): string[] {
  const L: string[] = ['## Scale: sizes above 100k (bench/scale.ts)', ''];
  if (!scale.length) return [...L, 'No scale size in this run: `npm run bench -- --sizes 1000000` (docs/benchmarks-scale.md).', ''];
  L.push('Above 100k only what the issue asks at scale is measured: loading, a typical capability’s tree (uncached API against its');
  L.push('raw `SUBGRAPH_QUERY`, and cached), the scenario (10 events) on the API as it runs — its first run fetches, builds and compiles');
  L.push('the whole supply graph — then six mapping writes, each followed by the first scenario and the first typical tree, and memory.', '');
  L.push(
    '| Entities | Load | Rel/s | Tree typical: uncached vs raw | Tree cached | Scenario: first (whole graph built) | Scenario cached | After a write: scenario first vs cached | After a write: tree typical first vs raw | Write |',
    '|---:|---:|---:|---|---:|---:|---:|---|---|---:|',
  );
  for (const s of scale) {
    const a = s.afterWrite;
    L.push(
      `| ${k(s.size)} (${s.load.nodes} entities, ${s.load.relationships} relationships) | ${(s.load.millis / 1000).toFixed(1)} s | ${s.load.relsPerSecond.toFixed(0)} ` +
        `| ${s.treeShape.nodes} nodes: ${ms(s.tree.ours.median)} vs ${ms(s.tree.base.median)} ms → ${s.tree.ratio.toFixed(2)}× (n ${s.tree.ours.n}) ` +
        `| ${ms(s.treeCached.median)} ms | ${s.scenario.timedOut ? 'timed out (900 s)' : `${ms(s.scenario.first)} ms`} ` +
        `| ${ms(s.scenario.cached.median)} ms (p95 ${ms(s.scenario.cached.p95)}, n ${s.scenario.cached.n}) ` +
        `| ${a ? `${ms(a.scenario.first.median)} vs ${ms(a.scenario.repeat.median)} ms → ${a.scenario.ratio.toFixed(2)}× (n ${a.scenario.first.n})` : 'not measured'} ` +
        `| ${a ? `${ms(a.treeTypical.first.median)} vs ${ms(a.treeTypical.raw)} ms → ${a.treeTypical.rawRatio.toFixed(2)}×` : 'not measured'} ` +
        `| ${a ? `${ms(a.writes.median)} ms` : '–'} |`,
    );
  }
  L.push('', '### Memory at the end of the size', '');
  L.push('API = the servers’ process (our API with its cache on and off, and the peer harness), from /proc: resident now and its peak');
  L.push('(VmHWM). Neo4j heap from JMX (`java.lang:type=Memory`; "used" includes garbage not yet collected); its process peak includes the page cache.', '');
  L.push(
    '| Entities | API resident | API peak | API heap limit | Neo4j heap used | Neo4j heap committed | Neo4j heap max | Neo4j page cache | Neo4j process peak |',
  );
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of scale) {
    const m = s.memory;
    L.push(
      `| ${k(s.size)} | ${mib(m.api.rssMb)} | ${mib(m.api.peakMb)} | ${mib(m.api.heapLimitMb)} | ${mib(m.neo4j.heapUsedMb)} | ${mib(m.neo4j.heapCommittedMb)} ` +
        `| ${mib(m.neo4j.heapMaxMb)} | ${mib(m.neo4j.pageCacheMb)} | ${mib(m.neo4j.peakRssMb)} |`,
    );
  }
  L.push('', ...exponentsTable(scale, referenceFor(results, savedDefault)));
  return L;
}

function exponentsTable(scale: ScaleResult[], ref: Reference | null): string[] {
  const L = ['### Growth exponents up to the scale sizes', ''];
  if (!ref) return [...L, 'No default run on record to grow from (run `npm run bench` first).', ''];
  const r = ref.result;
  L.push(`time ∝ size^k from ${k(r.size)} (${ref.from}) to each scale size; 1 = linear. The typical capability is the middle one by id at each size.`, '');
  const series: [string, (x: SizeResult) => number, (s: ScaleResult) => number][] = [
    ['load, whole time', (x) => x.load.millis, (s) => s.load.millis],
    ['dependencyTree typical, GraphQL uncached', (x) => x.tree.typical.ours.median, (s) => s.tree.ours.median],
    ['dependencyTree typical, raw Cypher', (x) => x.tree.typical.base.median, (s) => s.tree.base.median],
    ['dependencyTree typical, cached', (x) => x.tree.typicalCached.median, (s) => s.treeCached.median],
    ['scenario with the whole graph built (100k: uncached API)', (x) => x.scenario.graphql.median, (s) => s.scenario.first],
    ['scenario, cached', (x) => x.scenario.graphqlCached.median, (s) => s.scenario.cached.median],
    ['scenario, first after a write', (x) => x.afterWrite?.scenario.first.median ?? NaN, (s) => s.afterWrite?.scenario.first.median ?? NaN],
    ['dependencyTree typical, first after a write', (x) => x.afterWrite?.treeTypical.first.median ?? NaN, (s) => s.afterWrite?.treeTypical.first.median ?? NaN],
    ['API resident peak (memory)', (x) => x.memory?.api.peakMb ?? NaN, (s) => s.memory.api.peakMb],
  ];
  L.push(`| Series | ${k(r.size)} | ${scale.map((s) => k(s.size)).join(' | ')} | ${scale.map((s) => `k ${k(r.size)}→${k(s.size)}`).join(' | ')} |`);
  L.push(`|---|---:|${scale.map(() => '---:|').join('')}${scale.map(() => '---:|').join('')}`);
  for (const [name, before, after] of series) {
    const unit = name.includes('memory') ? (x: number) => mib(x) : (x: number) => `${ms(x)} ms`;
    const e = scale.map((s) => exponent(r.size, before(r), s.size, after(s)));
    L.push(
      `| ${name} | ${unit(before(r))} | ${scale.map((s) => unit(after(s))).join(' | ')} | ${e.map((x) => (Number.isFinite(x) ? x.toFixed(2) : '–')).join(' | ')} |`,
    );
  }
  L.push('');
  return L;
}

/** docs/benchmarks-scale.md: a run of scale sizes only. */
export function scaleReport(env: Record<string, string>, scale: ScaleResult[], missing: string[], seed: number): string {
  const L: string[] = ['# Benchmarks at scale', ''];
  L.push('Generated by `npm run bench -- --sizes 1000000` (bench/run.ts, bench/scale.ts); do not edit by hand. The default run (1k, 10k,');
  L.push(`100k, the web and the bundle) is docs/benchmarks.md. Synthetic graph of bench/synthetic-map.ts (seed ${seed}), loaded through the real loader.`, '');
  L.push('## Machine and versions', '');
  for (const [key, value] of Object.entries(env)) L.push(`- ${key}: ${value}`);
  L.push('');
  if (missing.length) L.push('## Not measured in this run', '', ...missing.map((m) => `- ${m}`), '');
  L.push('## Target', '', '| Target | Measured | Verdict |', '|---|---|---|', scaleTargetRow(scale), '');
  L.push(...scaleSection(scale, []));
  return L.join('\n') + '\n';
}
