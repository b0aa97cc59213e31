// The benchmark's command-line options, read once.
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
export const SIZES = (arg('sizes') ?? '1000,10000,100000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
export const SEED = Number(arg('seed') ?? 7);
export const OUT = arg('out') ?? `${repoRoot}docs/benchmarks.md`;
/** The raw results beside the report: bench/results/latest.json for the real report, else next to --out. */
export const RESULTS_JSON = arg('out') === undefined ? `${repoRoot}bench/results/latest.json` : OUT.replace(/\.md$/, '') + '.json';
export const SKIP_WEB = process.argv.includes('--skip-web');
export const WEB_SIZES = (arg('web-sizes') ?? '500,2000,5000').split(',').map(Number).filter((n) => n > 0);
export const LOAD_SECONDS = Number(arg('load-seconds') ?? 10);
export const CONNECTIONS = 50;
export const LARGEST = Math.max(...SIZES);
export const REPORT_ONLY = process.argv.includes('--report-only');
/** The whole run must stay under this; a size whose rough estimate would overrun it is skipped (and reported). */
export const BUDGET_MIN = Number(arg('budget-min') ?? 28);
