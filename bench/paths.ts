// Where the benchmark's reports and saved results live (no command-line parsing here: the report tests import it).
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The default run's results (docs/benchmarks.md); a scale run reads its largest size to grow from. */
export const DEFAULT_RESULTS_JSON = `${repoRoot}bench/results/latest.json`;
/** A scale run's results (docs/benchmarks-scale.md); the default report reads them for its scale target. */
export const SCALE_RESULTS_JSON = `${repoRoot}bench/results/scale.json`;
