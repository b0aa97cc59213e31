// The benchmark's command-line options, read once (by bench/run.ts, the only process that imports this).
import { commandLine } from '../server/src/command-line.js';
import { DEFAULT_RESULTS_JSON, repoRoot, SCALE_RESULTS_JSON } from './paths.js';

const USAGE = `Usage: npm run bench [-- --sizes 1000,10000,100000] [--seed 7] [--out docs/benchmarks.md] [--skip-web]
                      [--web-sizes 500,2000,5000] [--load-seconds 10] [--budget-min 28] [--report-only] [--scale]

Measures loading, the dependency and scenario queries, the explorer under load and the web graph against baselines
run alongside, and writes the report (docs/benchmarks.md unless --out). Starts its own throwaway Neo4j.

Sizes above 100,000 (or every size, with --scale) are scale sizes: loading, a typical tree, the scenario cached and
after a write, and memory, with growth exponents from 100k (bench/scale.ts). A run of scale sizes only writes
docs/benchmarks-scale.md and bench/results/scale.json, leaving the default report alone.`;

const { values } = commandLine({
  usage: USAGE,
  options: {
    sizes: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'skip-web': { type: 'boolean' },
    'web-sizes': { type: 'string' },
    'load-seconds': { type: 'string' },
    'budget-min': { type: 'string' },
    'report-only': { type: 'boolean' },
    scale: { type: 'boolean' },
  },
});
const arg = (name: 'sizes' | 'seed' | 'out' | 'web-sizes' | 'load-seconds' | 'budget-min'): string | undefined => values[name];
export const SIZES = (arg('sizes') ?? '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
export const SEED = Number(arg('seed') ?? 7);
/** Above this many entities a size is a scale size (bench/scale.ts); --scale makes every size one. */
const SCALE_ABOVE = values.scale === true ? 0 : 100_000;
export const isScaleSize = (size: number) => size > SCALE_ABOVE;
/** A run of scale sizes only: its own report and results, so that the default report is not overwritten. */
export const SCALE_ONLY = SIZES.length > 0 && SIZES.every(isScaleSize);
export const OUT = arg('out') ?? `${repoRoot}docs/${SCALE_ONLY ? 'benchmarks-scale' : 'benchmarks'}.md`;
/** The raw results beside the report: bench/results/{latest,scale}.json for the real reports, else next to --out. */
export const RESULTS_JSON = arg('out') !== undefined ? OUT.replace(/\.md$/, '') + '.json' : SCALE_ONLY ? SCALE_RESULTS_JSON : DEFAULT_RESULTS_JSON;
export const SKIP_WEB = values['skip-web'] === true;
export const WEB_SIZES = (arg('web-sizes') ?? '500,2000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
export const LOAD_SECONDS = Number(arg('load-seconds') ?? 10);
export const CONNECTIONS = 50;
export const LARGEST = Math.max(...SIZES);
/**
 * Heap limits for the sizes of this run. Neo4j: the default run's 4 GiB heap holds 1M too; a larger page cache keeps
 * more of the 1M store in memory. The servers' process holds the whole supply graph and its indexes (several GiB at
 * 1M, over Node's default limit); the bench process itself is started with 8 GiB (package.json).
 */
export const NEO4J_HEAP_MB = LARGEST >= 50_000 ? 4096 : 1024;
export const NEO4J_PAGE_CACHE_MB = LARGEST > 100_000 ? 3072 : LARGEST >= 50_000 ? 2048 : 512;
export const API_HEAP_MB = LARGEST > 100_000 ? 12_288 : undefined;
export const REPORT_ONLY = values['report-only'] === true;
/** The whole run must stay under this; a size whose rough estimate would overrun it is skipped (and reported). */
export const BUDGET_MIN = Number(arg('budget-min') ?? (SCALE_ONLY ? 60 : 28));
