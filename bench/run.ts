// `npm run bench [-- --sizes 1000,10000,100000] [--seed 7] [--out docs/benchmarks.md] [--skip-web] [--load-seconds 10]`
//
// Measures, in one run and against baselines measured in the same run, and writes docs/benchmarks.md:
//   1. load throughput of the seed loader (writeSeed) at each size;
//   2. dependencyTree / criticalDependencies over HTTP vs the raw Cypher they execute (neo4j-driver directly);
//   3. a nested read served by our API vs @neo4j/graphql over the same database;
//   4. scenario propagation with 10 events (GraphQL end to end, and split into fetch and compute);
//   5. requests/s and p95 of explorer reads under 50 concurrent clients (autocannon, loopback);
//   6. the web: data → interactive graph in headless Chromium at 500/2,000/5,000 elements, and the gzipped JS size;
//   7. growth exponents of 2 and 4 across the sizes;
//   8. after one mapping write: the first scenario, criticalDependencies and dependencyTree on the cached API.
// Sizes above 100k (`--sizes 1000000`) are scale sizes, measured by scale.ts instead: loading, a typical tree, the
// scenario cached and after writes, memory; a run of scale sizes only writes docs/benchmarks-scale.md.
// One throwaway Neo4j (temp folder) serves every size (wiped in between) and is stopped by pid at the end.
// The per-size measurements are in size.ts; the servers' process in servers.ts / server-process.ts.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { app, loadAppModules, removeSnapshot, useHead } from './app-under-test.js';
import { httpRetries } from './client.js';
import {
  API_HEAP_MB,
  BUDGET_MIN,
  NEO4J_HEAP_MB,
  NEO4J_PAGE_CACHE_MB,
  OUT,
  REPORT_ONLY,
  RESULTS_JSON,
  SCALE_ONLY,
  SEED,
  SIZES,
  SKIP_WEB,
  WEB_SIZES,
  isScaleSize,
} from './options.js';
import { report } from './report.js';
import { scaleReport } from './report-scale.js';
import { benchScale } from './scale.js';
import { pkgVersion, webBundle } from './web-bundle.js';
import type { ScaleResult, SizeResult } from './results.js';
import { startServers, stopServers, type Servers } from './server-process.js';
import { benchSize } from './size.js';
import { wipe, withBenchNeo4j } from './support.js';
import { runWebBench, type WebResult } from './web/web-bench.js';

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Minutes left of the run's budget; optional steps of the last size are skipped when it runs short. */
const timeLeftMin = () => BUDGET_MIN - (Date.now() - started) / 60_000;
const skipped: string[] = [];
const enough = (minutes: number, what: string) => {
  if (timeLeftMin() >= minutes) return true;
  skipped.push(`${what}: skipped, ${timeLeftMin().toFixed(1)} min of the ${BUDGET_MIN} min budget were left.`);
  log(`skipping ${what} (time budget)`);
  return false;
};
// The 1-minute load average, sampled every 15 s: a busy machine inflates absolute times, and the report says how busy.
const loadSamples: number[] = [];
const loadSampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 15_000);
loadSampler.unref();
const estimateMin = (size: number) => (size > 100_000 ? (size / 1_000_000) * 20 : size >= 100_000 ? 10 : size >= 10_000 ? 3 : 2);

// ---- environment -------------------------------------------------------------------------------------------------
function saveResults(json: string): void {
  mkdirSync(dirname(RESULTS_JSON), { recursive: true });
  writeFileSync(RESULTS_JSON, json);
}

async function main() {
  if (REPORT_ONLY) {
    const saved = JSON.parse(readFileSync(RESULTS_JSON, 'utf8'));
    writeFileSync(
      OUT,
      SCALE_ONLY
        ? scaleReport(saved.env, saved.scale, saved.missing, SEED)
        : report(saved.env, saved.results, saved.web, saved.bundle, saved.missing, saved.scale),
    );
    log(`re-rendered ${OUT} from ${RESULTS_JSON}`);
    return;
  }
  log(`sizes ${SIZES.join(', ')}, seed ${SEED}, output ${OUT}`);
  const cpus = os.cpus();
  const env: Record<string, string> = {
    Date: new Date().toISOString(),
    CPU: `${cpus[0]?.model ?? '?'} × ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os.type()} ${os.release()} ${os.arch()}`,
    Node: process.version,
    Packages: [
      '@apollo/server',
      'type-graphql',
      'graphql',
      'neo4j-driver',
      'dataloader',
      '@neo4j/graphql',
      'autocannon',
      'cytoscape',
      'cytoscape-fcose',
      'playwright-core',
      'vite',
    ]
      .map((p) => `${p} ${pkgVersion(p)}`)
      .join(', '),
  };
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  env.Java = `${java.stderr || java.stdout || '?'}`.split('\n')[0]!.trim();
  const missing: string[] = [];
  const results: SizeResult[] = [];
  const scale: ScaleResult[] = [];
  let web: WebResult | null = null;
  let bundle: ReturnType<typeof webBundle> | null = null;

  // The web first, while Neo4j is not running yet (nothing else competes for the two cores).
  if (!SKIP_WEB && !SCALE_ONLY) {
    log('web: vite build for the bundle size…');
    bundle = webBundle();
    log(`web: ${bundle.error ?? `${(bundle.files.reduce((n, x) => n + x.gzip, 0) / 1024).toFixed(1)} KiB gzipped JS`}`);
    try {
      web = await runWebBench({ log, seed: SEED, sizes: WEB_SIZES });
    } catch (error) {
      missing.push(`The web rendering benchmark failed: ${(error as Error).message.split('\n')[0]}`);
      log(`web: failed: ${(error as Error).stack}`);
    }
  } else if (!SCALE_ONLY) missing.push('The web (section 6): skipped with --skip-web.');

  const heapMb = NEO4J_HEAP_MB;
  const pageCacheMb = NEO4J_PAGE_CACHE_MB;
  if (API_HEAP_MB) env['Servers process'] = `node --max-old-space-size=${API_HEAP_MB}`;
  await withBenchNeo4j({ heapMb, pageCacheMb, log }, async (b) => {
    const info = await b.db.read<{ name: string; versions: string[]; edition: string }>(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
    );
    env.Neo4j =
      `${info.map((c) => `${c.name} ${c.versions.join('/')} ${c.edition}`).join(', ')} (embedded via ` +
      `server/src/neo4j/local-neo4j.ts; heap ${heapMb} MiB, page cache ${pageCacheMb} MiB)`;
    let servers: Servers;
    try {
      await loadAppModules();
      servers = await startServers(b, log);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0]!;
      log(`the working tree's server does not start (${reason}); measuring HEAD instead`);
      useHead(reason);
      await loadAppModules();
      servers = await startServers(b, log);
    }
    try {
      for (const [i, size] of SIZES.entries()) {
        const elapsedMin = (Date.now() - started) / 60_000;
        if (elapsedMin + estimateMin(size) > BUDGET_MIN) {
          missing.push(
            `Size ${size.toLocaleString('en')}: skipped — ${elapsedMin.toFixed(1)} min had passed and it needs ` +
              `about ${estimateMin(size)} min, over the ${BUDGET_MIN} min budget.`,
          );
          continue;
        }
        if (i > 0) {
          log('wiping the database for the next size…');
          await wipe(b.driver);
        }
        try {
          if (isScaleSize(size)) scale.push(await benchScale({ b, servers, log, enough }, size));
          else results.push(await benchSize({ b, servers, log, enough }, size));
          // Saved after every size, so that `--report-only` can render what was measured if the run is cut short.
          saveResults(
            JSON.stringify({ env, results, scale, web, bundle, missing: [...missing, ...skipped, 'The run was cut short after this size.'] }, null, 1),
          );
        } catch (error) {
          missing.push(`Size ${size}: failed — ${(error as Error).message.split('\n')[0]}`);
          log(`size ${size} failed: ${(error as Error).stack}`);
          break;
        }
      }
    } finally {
      await stopServers(servers);
    }
  });
  missing.push(...skipped);
  env['HTTP retries'] = String(httpRetries.count);
  env['Code measured'] = app.note;
  removeSnapshot();
  if (!SCALE_ONLY)
    for (const size of [1000, 10_000, 100_000]) if (!SIZES.includes(size)) missing.push(`Size ${size.toLocaleString('en')}: not in --sizes for this run.`);
  env['Total run time'] = `${((Date.now() - started) / 60_000).toFixed(1)} min`;
  clearInterval(loadSampler);
  if (loadSamples.length) {
    const sorted = [...loadSamples].sort((a, b) => a - b);
    env['Load average during the run (1 min, sampled every 15 s; 2 cores)'] =
      `min ${sorted[0]!.toFixed(1)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}, max ${sorted[sorted.length - 1]!.toFixed(1)}`;
  }
  writeFileSync(OUT, SCALE_ONLY ? scaleReport(env, scale, missing, SEED) : report(env, results, web, bundle, missing, scale));
  saveResults(JSON.stringify({ env, results, scale, web, bundle, missing }, null, 1));
  log(`wrote ${OUT} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

await main();
process.exit(0);
