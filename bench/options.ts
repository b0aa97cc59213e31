// The benchmark's command-line options, read once (by bench/run.ts, the only process that imports this).
import { fileURLToPath } from 'node:url';
import { commandLine } from '../server/src/command-line.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: npm run bench [-- --sizes 1000,10000,100000] [--seed 7] [--out docs/benchmarks.md] [--skip-web]
                      [--web-sizes 500,2000,5000] [--load-seconds 10] [--budget-min 28] [--report-only]

Measures loading, the dependency and scenario queries, the explorer under load and the web graph against baselines
run alongside, and writes the report (docs/benchmarks.md unless --out). Starts its own throwaway Neo4j.`;

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
  },
});
const arg = (name: 'sizes' | 'seed' | 'out' | 'web-sizes' | 'load-seconds' | 'budget-min'): string | undefined => values[name];
export const SIZES = (arg('sizes') ?? '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
export const SEED = Number(arg('seed') ?? 7);
export const OUT = arg('out') ?? `${repoRoot}docs/benchmarks.md`;
/** The raw results beside the report: bench/results/latest.json for the real report, else next to --out. */
export const RESULTS_JSON = arg('out') === undefined ? `${repoRoot}bench/results/latest.json` : OUT.replace(/\.md$/, '') + '.json';
export const SKIP_WEB = values['skip-web'] === true;
export const WEB_SIZES = (arg('web-sizes') ?? '500,2000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
export const LOAD_SECONDS = Number(arg('load-seconds') ?? 10);
export const CONNECTIONS = 50;
export const LARGEST = Math.max(...SIZES);
export const REPORT_ONLY = values['report-only'] === true;
/** The whole run must stay under this; a size whose rough estimate would overrun it is skipped (and reported). */
export const BUDGET_MIN = Number(arg('budget-min') ?? 28);
