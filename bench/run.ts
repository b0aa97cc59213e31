// `npm run bench [-- --sizes 1000,10000,100000] [--seed 7] [--out docs/benchmarks.md] [--skip-web] [--load-seconds 10]`
//
// Measures, in one run and against baselines measured in the same run, and writes docs/benchmarks.md:
//   1. load throughput of the seed loader (writeSeed) at each size;
//   2. dependencyTree / criticalDependencies over HTTP vs the raw Cypher they execute (neo4j-driver directly);
//   3. a nested read served by our API vs @neo4j/graphql over the same database;
//   4. scenario propagation with 10 events (GraphQL end to end, and split into fetch and compute);
//   5. requests/s and p95 of explorer reads under 50 concurrent clients (autocannon, loopback);
//   6. the web: data → laid-out graph in headless Chromium at 500/2,000/5,000 elements, and the gzipped JS size;
//   7. growth exponents of 2 and 4 across the sizes.
// One throwaway Neo4j (temp folder) serves every size (wiped in between) and is stopped by pid at the end.
import 'reflect-metadata';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, symlinkSync, copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import type { ScenarioEventSpec } from '../server/src/scenario/scenario.model.js';
import { generate, technologiesForNodes, prng, type GeneratedGraph } from './generate.js';
import { loadGenerated, measure, ms, stats, wipe, withBenchNeo4j, type BenchNeo4j, type LoadResult, type Stats } from './support.js';
import { runWebBench, type WebResult } from './web/web-bench.js';
import { BUDGET_MIN, CONNECTIONS, LARGEST, LOAD_SECONDS, OUT, REPORT_ONLY, SEED, SIZES, SKIP_WEB, WEB_SIZES } from './options.js';
import { pkgVersion, report, webBundle } from './report.js';
import { compare, type Compare, type LoadRun, type SizeResult } from './results.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
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
const estimateMin = (size: number) => (size >= 100_000 ? 13 : size >= 10_000 ? 3 : 2);

// ---- queries -----------------------------------------------------------------------------------------------------
// The dependency view's own selection (web/src/views/Dependencies/dependencies.operations.ts), split per query and
// without the per-edge `sources` (a DataLoader round trip that is not part of the Cypher compared against).
const DEP_NODE = 'id kind name level trl eu iso2 criticalRawMaterial';
const TREE_QUERY = `query Tree($rootId: ID!) { dependencyTree(rootId: $rootId) {
  root { ${DEP_NODE} } nodes { ${DEP_NODE} }
  edges { id type from to strength criticality substitutability share year basis rationale sourceIds }
  paths { nodeIds cycle } cycles { nodeIds cycle } truncated } }`;
// The same without paths/cycles: shows what the path enumeration and its serialisation cost.
const TREE_NO_PATHS_QUERY = `query TreeNoPaths($rootId: ID!) { dependencyTree(rootId: $rootId) {
  root { ${DEP_NODE} } nodes { ${DEP_NODE} }
  edges { id type from to strength criticality substitutability share year basis rationale sourceIds } } }`;
const CRITICAL_QUERY = `query Critical($rootId: ID!) { criticalDependencies(rootId: $rootId) { items {
  node { id } score capabilityCount hhi euShare nonEuShare unknownOriginShare substitutability hasSubstitute trl unknownSupply
  capabilities { id name } components { key label value factor weight contribution note }
  suppliers { supplier { id name } country { id name eu } share estimated } } } }`;
// The nested read compared with the peer library: technologies (by name) → the capabilities they enable (strongest
// first) and what they depend on (most critical first).
const OURS_NESTED = `query Nested($first: Int!) { technologies(first: $first) { id name trl
  enables { strength capability { id name } } dependsOn { criticality dependency { id name } } } }`;
const PEER_NESTED = `query Nested($limit: Int!) { technologies(limit: $limit, sort: [{ name: ASC }]) { id name trl
  enablesConnection(sort: [{ edge: { strength: DESC } }]) { edges { properties { strength } node { id name } } }
  dependsOnConnection(sort: [{ edge: { criticality: DESC } }]) { edges { properties { criticality } node {
    ... on Technology { id name } ... on Component { id name } ... on Material { id name } } } } } }`;
const TECHNOLOGY_QUERY = `query Tech($id: ID!) { technology(id: $id) { id name kind description trl trlYear horizon euPosition dualUse
  enables { strength capability { id name } } dependsOn { criticality dependency { id name kind } } } }`;
const NEIGHBOURS_QUERY = `query Near($id: ID!) { neighbours(id: $id, depth: 1, limit: 300) {
  centre { id name kind } entities { id name kind } links { id type from to attributes { key value } } truncated } }`;
const SCENARIO_QUERY = `query Run($input: ScenarioRunInput!) { runScenario(input: $input) { capabilityCount horizon
  impacts { capabilityId name before after delta } nodes { id kind delta } timeline { year } warnings } }`;

// ---- HTTP client -------------------------------------------------------------------------------------------------
async function gql<T = any>(url: string, query: string, variables: Record<string, unknown>, timeoutMs?: number): Promise<{ data: T; bytes: number }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') throw new Timeout(timeoutMs!);
    // A kept-alive socket the server closed at the same moment: retry once on a fresh one (counted).
    retries++;
    if (retries > 20) throw new Error(`fetch failed too often: ${String((error as { cause?: unknown }).cause ?? error)}`);
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query, variables }) });
  }
  const text = await res.text();
  const body = JSON.parse(text);
  if (!res.ok || body.errors) throw new Error(`GraphQL ${res.status} at ${url}: ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
  return { data: body.data as T, bytes: text.length };
}
let retries = 0;
class Timeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${(ms / 1000).toFixed(0)} s`);
  }
}

/**
 * Timing of a call that may be very slow at large sizes: one probe call (bounded by `timeoutMs`); if it took longer
 * than `slowMs`, that single sample is all there is, otherwise `measure` runs as usual. A timeout leaves the servers'
 * process busy, so the caller restarts it.
 */
async function guarded(fn: (timeoutMs: number) => Promise<unknown>, o: { timeoutMs: number; slowMs: number; minIterations: number; maxIterations: number; budgetMs: number }): Promise<{ samples: number[]; timedOut: boolean }> {
  const t0 = performance.now();
  try {
    await fn(o.timeoutMs);
  } catch (error) {
    if (error instanceof Timeout) return { samples: [], timedOut: true };
    throw error;
  }
  const first = performance.now() - t0;
  if (first > o.slowMs) return { samples: [first], timedOut: false };
  return { samples: await measure(() => fn(o.timeoutMs), { warmup: 0, minIterations: o.minIterations, maxIterations: o.maxIterations, budgetMs: o.budgetMs }), timedOut: false };
}

async function raw(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params));
    return result.records.length;
  } finally {
    await session.close();
  }
}

// ---- the code under test ---------------------------------------------------------------------------------------------
// Normally the working tree. Other work in progress can leave it unable to start; then the last commit (HEAD) is
// exported to a temp folder (git archive, node_modules linked) and measured instead, and the report says so.
let APP = repoRoot;
let appNote = 'the working tree';
let SUBGRAPH_QUERY = '';
let WHOLE_QUERY = '';
let fetchScenarioGraph: typeof import('../server/src/scenario/scenario.repository.js').fetchScenarioGraph;
let runScenario: typeof import('../server/src/scenario/run.js').runScenario;
let snapshotDir: string | null = null;

async function loadAppModules(): Promise<void> {
  const from = (rel: string) => pathToFileURL(`${APP}${rel}`).href;
  const dep: typeof import('../server/src/dependency/dependency.repository.js') = await import(from('server/src/dependency/dependency.repository.ts'));
  SUBGRAPH_QUERY = dep.SUBGRAPH_QUERY;
  WHOLE_QUERY = dep.WHOLE_QUERY;
  fetchScenarioGraph = (await import(from('server/src/scenario/scenario.repository.ts'))).fetchScenarioGraph;
  runScenario = (await import(from('server/src/scenario/run.ts'))).runScenario;
}

function snapshotHead(): string {
  const dir = mkdtempSync(`${os.tmpdir()}/atlas-bench-head-`);
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${dir}"`], { cwd: repoRoot });
  symlinkSync(`${repoRoot}node_modules`, `${dir}/node_modules`);
  mkdirSync(`${dir}/bench`, { recursive: true });
  copyFileSync(`${repoRoot}bench/servers.ts`, `${dir}/bench/servers.ts`);
  return dir;
}

// ---- the servers' process ------------------------------------------------------------------------------------------
interface Servers {
  ours: string;
  peer: string;
  child: ChildProcess;
  /** Resolves with the next line the servers' process prints that passes `accept` (others are ignored). */
  nextLine(accept?: (line: string) => boolean): Promise<string>;
}

async function startServers(b: BenchNeo4j): Promise<Servers> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${APP}bench/servers.ts`], {
    cwd: APP,
    env: { ...process.env, NEO4J_URI: b.neo4j.uri, NEO4J_USER: b.neo4j.user, NEO4J_PASSWORD: b.neo4j.password, ATLAS_PUBLIC_READ: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const rl = createInterface({ input: child.stdout! });
  const nextLine = (accept: (line: string) => boolean = () => true) =>
    new Promise<string>((resolve) => {
      const on = (line: string) => {
        if (!accept(line)) return;
        rl.off('line', on);
        resolve(line);
      };
      rl.on('line', on);
    });
  const line = await new Promise<string>((resolve, reject) => {
    void nextLine((l) => l.startsWith('{')).then(resolve);
    child.once('exit', (code) => reject(new Error(`bench/servers.ts exited (${code}) before it was ready`)));
  });
  const { ours, peer } = JSON.parse(line) as { ours: string; peer: string };
  log(`servers up (pid ${child.pid}): ours ${ours}, peer ${peer}`);
  cpuPids = { api: child.pid, neo4j: b.neo4j.pid };
  return { ours, peer, child, nextLine };
}

async function stopServers(s: Servers): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.stdin?.end();
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ---- results -----------------------------------------------------------------------------------------------------

/** Alternates ours/base per iteration so drift (GC, JIT, page cache) hits both alike. */
async function paired(oursFn: () => Promise<unknown>, baseFn: () => Promise<unknown>, o: { warmup?: number; minIterations?: number; maxIterations?: number; budgetMs?: number }): Promise<Compare> {
  const oursS: number[] = [];
  const baseS: number[] = [];
  const { warmup = 3, minIterations = 5, maxIterations = 40, budgetMs = 20_000 } = o;
  for (let i = 0; i < warmup; i++) {
    await oursFn();
    await baseFn();
  }
  const t = performance.now();
  for (let i = 0; i < maxIterations; i++) {
    let t0 = performance.now();
    await baseFn();
    baseS.push(performance.now() - t0);
    t0 = performance.now();
    await oursFn();
    oursS.push(performance.now() - t0);
    if (i + 1 >= minIterations && performance.now() - t > budgetMs) break;
  }
  return compare(oursS, baseS);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

let cpuPids: { api?: number; neo4j?: number } = {};

async function underLoad(url: string, what: string, query: string, ids: string[], seconds: number): Promise<LoadRun> {
  let k = 0;
  const latencies: number[] = [];
  // Outside the load: the read must answer without errors, and its latency with one client is the reference.
  let j = 0;
  const single = stats(await measure(() => gql(url, query, { id: ids[j++ % ids.length] }), { warmup: 3, minIterations: 20, maxIterations: 20, budgetMs: 5_000 }));
  const instance = autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ query, variables: { id: ids[k++ % ids.length] } }) }) }],
  } as any);
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const before = { api: cpuSeconds(cpuPids.api), neo4j: cpuSeconds(cpuPids.neo4j), bench: process.cpuUsage() };
  const result: any = await instance;
  const benchCpu = process.cpuUsage(before.bench);
  const wall = result.duration || seconds;
  const cpu = {
    api: (cpuSeconds(cpuPids.api) - before.api) / wall,
    neo4j: (cpuSeconds(cpuPids.neo4j) - before.neo4j) / wall,
    loadGenerator: (benchCpu.user + benchCpu.system) / 1e6 / wall,
  };
  const s = stats(latencies);
  return {
    url,
    what,
    rps: result.requests.total / (result.duration || seconds),
    p50: s.median,
    p95: s.p95,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    single: single.median,
    cpu,
  };
}

function scenarioEvents(g: GeneratedGraph, seed: number): ScenarioEventSpec[] {
  const rnd = prng(seed);
  const at = <X>(list: X[], skew = 1) => list[Math.floor(list.length * Math.pow(rnd(), skew))]!;
  const { technologies: t, suppliers, countries, materials, components } = g.ids;
  const year = new Date().getUTCFullYear();
  return [
    { type: 'DISRUPTION', targetId: countries[0]!, fraction: 0.6, note: 'export restrictions' },
    { type: 'DISRUPTION', targetId: at(suppliers, 2), fraction: 1 },
    { type: 'DISRUPTION', targetId: at(materials, 2), fraction: 0.5, year: year + 2 },
    { type: 'DISRUPTION', targetId: at(components, 2), fraction: 0.4 },
    { type: 'DISRUPTION', targetId: at(suppliers, 2), fraction: 0.8, year: year + 4 },
    { type: 'MATURATION', targetId: at(t), trl: 8, year: year + 4 },
    { type: 'MATURATION', targetId: at(t, 2), trl: 7, year: year + 6 },
    { type: 'SUBSTITUTE', targetId: at(t), replacesId: at(t, 2), fraction: 0.7 },
    { type: 'THREAT', targetId: at(t, 2), fraction: 1 },
    { type: 'THREAT', targetId: at(t), fraction: 0.5, year: year + 3 },
  ];
}

/** Profiles the servers' process while `work` runs; summarises self time by function (a flat "flame"). */
async function cpuProfile(servers: Servers, work: () => Promise<void>): Promise<string> {
  const file = `${repoRoot}bench/results/api-${Date.now()}.cpuprofile`;
  mkdirSync(`${repoRoot}bench/results`, { recursive: true });
  const profilingOn = servers.nextLine((l) => l === 'profiling');
  servers.child.stdin!.write('profile-start\n');
  await profilingOn;
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  const stopped = servers.nextLine((l) => l === 'profiled');
  servers.child.stdin!.write(`profile-stop ${file}\n`);
  await stopped;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  const total = profile.samples.length;
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!n.hitCount) continue;
    const url = n.callFrame.url.replace(/^file:\/\//, '').replace(repoRoot, '').replace(/^.*\/node_modules\//, 'node_modules/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${url}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    const pkg = url.startsWith('node_modules/') ? url.split('/').slice(1, url.split('/')[1]!.startsWith('@') ? 3 : 2).join('/') : url.startsWith('server/') ? url.split('/').slice(0, 3).join('/') : url === '' ? `(${n.callFrame.functionName || 'native'})` : url.split('/')[0]!;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.hitCount);
  }
  const pct = (x: number) => `${((100 * x) / total).toFixed(1).padStart(5)} %`;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${pct(v)}  ${k}`);
  const pk = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${pct(v)}  ${k}`);
  return `${total} samples over ${(wall / 1000).toFixed(1)} s of requests (file: bench/results/${file.split('/').pop()}; open in Chrome DevTools or speedscope for the flame graph)\n\nSelf time by package / folder:\n${pk.join('\n')}\n\nSelf time by function (top 25):\n${top.join('\n')}`;
}

/** PROFILE of a query: the plan's operators with rows and db hits, as text. */
async function profile(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<string> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const t0 = performance.now();
    const result = await session.run(`PROFILE ${cypher}`, params);
    const millis = performance.now() - t0;
    const p: any = result.summary.profile;
    const lines: string[] = [];
    let totalHits = 0;
    const walk = (op: any, depth: number) => {
      const hits = Number(op.dbHits ?? 0);
      totalHits += hits;
      const details = String(op.arguments?.Details ?? '').replace(/\s+/g, ' ').slice(0, 110);
      lines.push(`${'  '.repeat(depth)}${op.operatorType.replace(/@neo4j$/, '')}  rows=${Number(op.rows ?? 0)}  dbHits=${hits}${details ? `  ${details}` : ''}`);
      for (const c of op.children ?? []) walk(c, depth + 1);
    };
    if (p) walk(p, 0);
    return `total dbHits=${totalHits}, ${millis.toFixed(0)} ms with PROFILE\n${lines.join('\n')}`;
  } finally {
    await session.close();
  }
}

async function benchSize(b: BenchNeo4j, servers: Servers, size: number): Promise<SizeResult> {
  const technologies = technologiesForNodes(size);
  const t0 = performance.now();
  const g = generate({ technologies, seed: SEED });
  const generateMillis = performance.now() - t0;
  log(`size ${size}: generated ${g.counts.nodes} entities, ${g.counts.links} links (+${g.counts.sourcedFrom} SOURCED_FROM) in ${generateMillis.toFixed(0)} ms; loading…`);
  const load = await loadGenerated(b, g, () => {});
  log(`size ${size}: loaded in ${(load.millis / 1000).toFixed(1)} s — ${load.nodesPerSecond.toFixed(0)} nodes/s, ${load.relsPerSecond.toFixed(0)} relationships/s`);
  // Let the loader's write load settle and give the planner fresh statistics.
  await b.db.schema('CALL db.awaitIndexes(300)');
  const big = size >= 50_000;
  const budget = big ? 25_000 : 10_000;

  // 2. Dependency queries: the hub capability (most enablers: the largest tree) and a typical one.
  const hub = g.ids.capabilities[0]!;
  const typical = g.ids.capabilities[Math.floor(g.ids.capabilities.length / 2)]!;
  const treeOf = (rootId: string) => () => gql(servers.ours, TREE_QUERY, { rootId });
  const { data: treeData, bytes: treeBytes } = await gql(servers.ours, TREE_QUERY, { rootId: hub });
  const t = treeData.dependencyTree;
  const shape = { nodes: t.nodes.length, edges: t.edges.length, paths: t.paths.length, cycles: t.cycles.length, truncated: t.truncated, bytes: treeBytes };
  log(`size ${size}: hub tree ${hub}: ${shape.nodes} nodes, ${shape.edges} edges, ${shape.paths} paths${shape.truncated ? ' (truncated)' : ''}, ${(treeBytes / 1024).toFixed(0)} KiB`);
  const treeHub = await paired(treeOf(hub), () => raw(b.driver, SUBGRAPH_QUERY, { rootId: hub }), { budgetMs: budget, maxIterations: 40 });
  log(`size ${size}: dependencyTree hub: GraphQL ${ms(treeHub.ours.median)} ms (p95 ${ms(treeHub.ours.p95)}) vs raw ${ms(treeHub.base.median)} ms → ${treeHub.ratio.toFixed(2)}×`);
  const treeTypical = await paired(treeOf(typical), () => raw(b.driver, SUBGRAPH_QUERY, { rootId: typical }), { budgetMs: budget / 2, maxIterations: 40 });
  log(`size ${size}: dependencyTree typical: GraphQL ${ms(treeTypical.ours.median)} ms vs raw ${ms(treeTypical.base.median)} ms → ${treeTypical.ratio.toFixed(2)}×`);
  const treeNoPaths = await paired(() => gql(servers.ours, TREE_NO_PATHS_QUERY, { rootId: hub }), () => raw(b.driver, SUBGRAPH_QUERY, { rootId: hub }), { budgetMs: budget / 2, maxIterations: 40 });
  log(`size ${size}: dependencyTree hub without paths: GraphQL ${ms(treeNoPaths.ours.median)} ms vs raw ${ms(treeNoPaths.base.median)} ms → ${treeNoPaths.ratio.toFixed(2)}×`);
  // 3. Against the peer library.
  const first = 100;
  const oursRows = (await gql(servers.ours, OURS_NESTED, { first })).data.technologies.length;
  const peerRows = (await gql(servers.peer, PEER_NESTED, { limit: first })).data.technologies.length;
  if (oursRows !== peerRows) log(`warning: ours returned ${oursRows} technologies, the peer ${peerRows}`);
  const peer = await paired(() => gql(servers.ours, OURS_NESTED, { first }), () => gql(servers.peer, PEER_NESTED, { limit: first }), { budgetMs: budget / 2, maxIterations: 40, warmup: 5 });
  log(`size ${size}: nested read (${first} technologies): ours ${ms(peer.ours.median)} ms vs @neo4j/graphql ${ms(peer.base.median)} ms → ${peer.ratio.toFixed(2)}×`);

  // 4. Scenario with 10 events: end to end, and split into the graph fetch and the pure propagation.
  const events = scenarioEvents(g, SEED + size);
  const horizon = new Date().getUTCFullYear() + 9;
  const input = { horizon, events };
  let impacts = -1;
  const doScenario = enough(4, `Size ${size}: scenario`);
  const scen = !doScenario ? { samples: [] as number[], timedOut: false } : await guarded(async (t) => (impacts = (await gql(servers.ours, SCENARIO_QUERY, { input }, t)).data.runScenario.impacts.length), { timeoutMs: 120_000, slowMs: 15_000, minIterations: 3, maxIterations: 20, budgetMs: budget });
  if (scen.timedOut) {
    log(`size ${size}: scenario over GraphQL: no answer within 120 s; restarting the servers`);
    await stopServers(servers);
    Object.assign(servers, await startServers(b));
  }
  const scenarioGraphql = stats(scen.samples);
  // Fetch, and the first run on each freshly fetched graph (what a request pays: the compiled graph is cached per
  // graph object), then warm runs on one graph.
  let graph = doScenario ? await fetchScenarioGraph(b.db) : { supply: { nodes: new Map(), edges: [] } } as unknown as Awaited<ReturnType<typeof fetchScenarioGraph>>;
  const coldRuns: number[] = [];
  const fetchS = !doScenario ? stats([]) : stats(await measure(async () => {
    graph = await fetchScenarioGraph(b.db);
    const c0 = performance.now();
    runScenario(graph, input, { currentYear: new Date().getUTCFullYear() });
    coldRuns.push(performance.now() - c0);
  }, { warmup: 0, minIterations: 2, maxIterations: 10, budgetMs: budget / 2 }));
  const year = new Date().getUTCFullYear();
  const computeS = !doScenario ? stats([]) : stats(await measure(async () => runScenario(graph, input, { currentYear: year }), { warmup: big ? 0 : 1, minIterations: big ? 2 : 3, maxIterations: 20, budgetMs: budget / 2 }));
  const scenario = { graphql: scenarioGraphql, timedOut: scen.timedOut, fetch: fetchS, computeCold: stats(coldRuns), compute: computeS, nodes: graph.supply.nodes.size, edges: graph.supply.edges.length, impacts };
  log(`size ${size}: scenario (10 events): GraphQL ${ms(scenarioGraphql.median)} ms (p95 ${ms(scenarioGraphql.p95)}); fetch ${ms(fetchS.median)} ms + first run ${ms(scenario.computeCold.median)} ms (warm ${ms(computeS.median)} ms); ${impacts} capabilities moved`);

  // 5. Throughput under load.
  const techIds = g.ids.technologies.filter((_, i) => i % 7 === 0).slice(0, 500);
  const throughput: LoadRun[] = [];
  if (enough(1, `Size ${size}: throughput under load`)) {
    throughput.push(await underLoad(servers.ours, 'technology(id)', TECHNOLOGY_QUERY, techIds, LOAD_SECONDS));
    throughput.push(await underLoad(servers.ours, 'neighbours(id, depth 1)', NEIGHBOURS_QUERY, techIds, LOAD_SECONDS));
  }
  for (const r of throughput) log(`size ${size}: ${r.what}: one client ${ms(r.single)} ms; under ${CONNECTIONS} clients: ${r.rps.toFixed(0)} req/s, p95 ${ms(r.p95)} ms, cores busy API ${r.cpu.api.toFixed(2)} Neo4j ${r.cpu.neo4j.toFixed(2)} load ${r.cpu.loadGenerator.toFixed(2)} (${r.errors} errors, ${r.non2xx} non-2xx)`);

  // Query plans and a CPU profile of the API at the largest size.
  const profiles: { name: string; text: string }[] = [];
  if (size === LARGEST && enough(3.5, `Size ${size}: CPU profile and query plans`)) {
    try {
      profiles.push({ name: `CPU profile of the API process (dependencyTree hub ×5, nested technologies read ×20${scen.samples.length && scenarioGraphql.median < 15_000 ? ', scenario ×1' : ''})`, text: await cpuProfile(servers, async () => {
        for (let i = 0; i < 5; i++) await gql(servers.ours, TREE_QUERY, { rootId: hub });
        for (let i = 0; i < 20; i++) await gql(servers.ours, OURS_NESTED, { first });
        if (scen.samples.length && scenarioGraphql.median < 15_000) await gql(servers.ours, SCENARIO_QUERY, { input });
      }) });
      profiles.push({ name: `CPU profile of the API process under load (technology(id), ${CONNECTIONS} clients, 5 s)`, text: await cpuProfile(servers, async () => {
        await underLoad(servers.ours, 'technology(id)', TECHNOLOGY_QUERY, techIds, 5);
      }) });
    } catch (error) {
      log(`cpu profile failed: ${(error as Error).message}`);
    }
    profiles.push({ name: `dependency subgraph (SUBGRAPH_QUERY, root ${hub})`, text: await profile(b.driver, SUBGRAPH_QUERY, { rootId: hub }) });
    profiles.push({ name: 'whole supply graph (WHOLE_QUERY, used by criticalDependencies and runScenario)', text: await profile(b.driver, WHOLE_QUERY, {}) });
  }
  // 2b. criticalDependencies last: it scores against the whole graph and can take minutes at large sizes; a timeout
  // leaves the API busy, so the servers are restarted after one.
  const doCritical = enough(2.5, `Size ${size}: criticalDependencies`);
  const rawWhole = !doCritical ? stats([]) : stats(await measure(() => raw(b.driver, WHOLE_QUERY, {}), { warmup: big ? 0 : 1, minIterations: 3, maxIterations: 30, budgetMs: budget / 2 }));
  let critBytes = 0;
  let critItems = -1;
  const critTimeout = big ? 60_000 : 90_000;
  const crit = !doCritical ? { samples: [] as number[], timedOut: false } : await guarded(async (t) => {
    const r = await gql(servers.ours, CRITICAL_QUERY, { rootId: hub }, t);
    critBytes = r.bytes;
    critItems = r.data.criticalDependencies.items.length;
  }, { timeoutMs: critTimeout, slowMs: 5_000, minIterations: 5, maxIterations: 30, budgetMs: budget });
  if (crit.timedOut) {
    log(`size ${size}: criticalDependencies: no answer within ${critTimeout / 1000} s; restarting the servers`);
    await stopServers(servers);
    Object.assign(servers, await startServers(b));
  }
  const critOurs = stats(crit.samples);
  const critical: Compare & { timedOut: boolean; timeoutMs: number } = { ours: critOurs, base: rawWhole, ratio: crit.timedOut ? critTimeout / rawWhole.median : critOurs.median / rawWhole.median, timedOut: crit.timedOut, timeoutMs: critTimeout };
  log(`size ${size}: criticalDependencies hub: GraphQL ${crit.timedOut ? `> ${critTimeout / 1000} s (timed out)` : `${ms(critOurs.median)} ms (p95 ${ms(critOurs.p95)}, n ${critOurs.n})`} vs raw ${ms(rawWhole.median)} ms → ${critical.ratio.toFixed(2)}×`);
  return {
    size,
    technologies,
    generateMillis,
    load,
    roots: { hub, typical },
    tree: { hub: treeHub, typical: treeTypical, noPaths: treeNoPaths, shape },
    critical: { hub: critical, shape: { items: critItems, bytes: critBytes } },
    peer: { ...peer, technologies: first },
    scenario,
    throughput,
    profiles,
  };
}

// ---- environment -------------------------------------------------------------------------------------------------
async function main() {
  if (REPORT_ONLY) {
    const saved = JSON.parse(readFileSync(`${repoRoot}bench/results/latest.json`, 'utf8'));
    writeFileSync(OUT, report(saved.env, saved.results, saved.web, saved.bundle, saved.missing));
    log(`re-rendered ${OUT} from bench/results/latest.json`);
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
    Packages: ['@apollo/server', 'type-graphql', 'graphql', 'neo4j-driver', 'dataloader', '@neo4j/graphql', 'autocannon', 'cytoscape', 'cytoscape-fcose', 'playwright-core', 'vite'].map((p) => `${p} ${pkgVersion(p)}`).join(', '),
  };
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  env.Java = `${java.stderr || java.stdout || '?'}`.split('\n')[0]!.trim();
  const missing: string[] = [];
  const results: SizeResult[] = [];
  let web: WebResult | null = null;
  let bundle: ReturnType<typeof webBundle> | null = null;

  // The web first, while Neo4j is not running yet (nothing else competes for the two cores).
  if (!SKIP_WEB) {
    log('web: vite build for the bundle size…');
    bundle = webBundle();
    log(`web: ${bundle.error ?? `${(bundle.files.reduce((n, x) => n + x.gzip, 0) / 1024).toFixed(1)} KiB gzipped JS`}`);
    try {
      web = await runWebBench({ log, seed: SEED, sizes: WEB_SIZES });
    } catch (error) {
      missing.push(`The web rendering benchmark failed: ${(error as Error).message.split('\n')[0]}`);
      log(`web: failed: ${(error as Error).stack}`);
    }
  } else missing.push('The web (section 6): skipped with --skip-web.');

  const heapMb = LARGEST >= 50_000 ? 4096 : 1024;
  const pageCacheMb = LARGEST >= 50_000 ? 2048 : 512;
  await withBenchNeo4j({ heapMb, pageCacheMb, log }, async (b) => {
    const info = await b.db.read<{ name: string; versions: string[]; edition: string }>('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    env.Neo4j = `${info.map((c) => `${c.name} ${c.versions.join('/')} ${c.edition}`).join(', ')} (embedded via server/src/neo4j/local-neo4j.ts; heap ${heapMb} MiB, page cache ${pageCacheMb} MiB)`;
    let servers: Servers;
    try {
      await loadAppModules();
      servers = await startServers(b);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      log(`the working tree's server does not start (${reason}); measuring HEAD instead`);
      snapshotDir = snapshotHead();
      APP = `${snapshotDir}/`;
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
      appNote = `commit ${head} (HEAD), exported to a temp folder, because the working tree's server did not start during the run (${reason})`;
      await loadAppModules();
      servers = await startServers(b);
    }
    try {
      for (const [i, size] of SIZES.entries()) {
        const elapsedMin = (Date.now() - started) / 60_000;
        if (elapsedMin + estimateMin(size) > BUDGET_MIN) {
          missing.push(`Size ${size.toLocaleString('en')}: skipped — ${elapsedMin.toFixed(1)} min had passed and it needs about ${estimateMin(size)} min, over the ${BUDGET_MIN} min budget.`);
          continue;
        }
        if (i > 0) {
          log('wiping the database for the next size…');
          await wipe(b.driver);
        }
        try {
          results.push(await benchSize(b, servers, size));
          // Saved after every size, so that `--report-only` can render what was measured if the run is cut short.
          mkdirSync(`${repoRoot}bench/results`, { recursive: true });
          writeFileSync(`${repoRoot}bench/results/latest.json`, JSON.stringify({ env, results, web, bundle, missing: [...missing, ...skipped, 'The run was cut short after this size.'] }, null, 1));
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
  env['HTTP retries'] = String(retries);
  env['Code measured'] = appNote;
  if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
  for (const size of [1000, 10_000, 100_000]) if (!SIZES.includes(size)) missing.push(`Size ${size.toLocaleString('en')}: not in --sizes for this run.`);
  env['Total run time'] = `${((Date.now() - started) / 60_000).toFixed(1)} min`;
  writeFileSync(OUT, report(env, results, web, bundle, missing));
  mkdirSync(`${repoRoot}bench/results`, { recursive: true });
  writeFileSync(`${repoRoot}bench/results/latest.json`, JSON.stringify({ env, results, web, bundle, missing }, null, 1));
  log(`wrote ${OUT} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

await main();
process.exit(0);
