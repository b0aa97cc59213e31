// One size of the benchmark: generate and load the graph, then every server-side measurement (sections 1–5) and,
// at the largest size, the profiles.
import { Database } from '../server/src/db/database.js';
import { measureAfterWrite } from './after-write.js';
import { app } from './app-under-test.js';
import { gql, guarded, paired, raw } from './client.js';
import { scenarioEvents } from './scenario-events.js';
import { generate, technologiesForNodes } from './synthetic-map.js';
import { underLoad } from './load.js';
import { CONNECTIONS, LARGEST, LOAD_SECONDS, SEED } from './options.js';
import { cpuProfile, profile } from './profiles.js';
import {
  CRITICAL_QUERY,
  PORTFOLIO_CRITICAL_QUERY,
  NEIGHBOURS_QUERY,
  OURS_NESTED,
  PEER_NESTED,
  SCENARIO_QUERY,
  TECHNOLOGY_QUERY,
  TREE_NO_PATHS_QUERY,
  TREE_QUERY,
} from './queries.js';
import type { LoadRun, SizeResult } from './results.js';
import { startServers, stopServers, type Servers } from './server-process.js';
import { measureMemory } from './scale.js';
import { measureSearch } from './search.js';
import { loadGenerated, measure, ms, stats, type BenchNeo4j } from './support.js';

export interface SizeContext {
  b: BenchNeo4j;
  servers: Servers;
  log: (line: string) => void;
  /** false (and noted) when the run's time budget cannot afford an optional step. */
  enough: (minutes: number, what: string) => boolean;
}

/** Restarts the servers after a timed-out call left them busy. */
async function restart(ctx: SizeContext, why: string): Promise<void> {
  ctx.log(`${why}; restarting the servers`);
  await stopServers(ctx.servers);
  Object.assign(ctx.servers, await startServers(ctx.b, ctx.log));
}

export async function benchSize(ctx: SizeContext, size: number): Promise<SizeResult> {
  const { b, servers, log, enough } = ctx;
  const technologies = technologiesForNodes(size);
  const t0 = performance.now();
  const g = generate({ technologies, seed: SEED });
  const generateMillis = performance.now() - t0;
  log(
    `size ${size}: generated ${g.counts.nodes} entities, ${g.counts.links} links (+${g.counts.sourcedFrom} SOURCED_FROM) ` +
      `in ${generateMillis.toFixed(0)} ms; loading…`,
  );
  const load = await loadGenerated(b, g, () => {});
  log(
    `size ${size}: loaded in ${(load.millis / 1000).toFixed(1)} s — ${load.nodesPerSecond.toFixed(0)} ` +
      `nodes/s, ${load.relsPerSecond.toFixed(0)} relationships/s`,
  );
  // Let the loader's write load settle and give the planner fresh statistics.
  await b.db.schema('CALL db.awaitIndexes(300)');
  const big = size >= 50_000;
  const budget = big ? 20_000 : 10_000;
  const cachedStats = async (fn: () => Promise<unknown>) => stats(await measure(fn, { warmup: 2, minIterations: 10, maxIterations: 60, budgetMs: 3_000 }));

  // 2. Dependency queries: the hub capability (most enablers: the largest tree) and a typical one. The ratio target is
  // the uncached API against the Cypher it runs; the cached API is what a repeated read costs.
  const hub = g.ids.capabilities[0]!;
  const typical = g.ids.capabilities[Math.floor(g.ids.capabilities.length / 2)]!;
  // The Cypher the resolver runs for a tree, with the parameters it passes.
  const { SUBGRAPH_QUERY } = app.dependency;
  const treeParams = (rootId: string) => ({ rootId });
  const treeOf = (url: string, rootId: string) => () => gql(url, TREE_QUERY, { rootId });
  const { data: treeData, bytes: treeBytes } = await gql(servers.oursUncached, TREE_QUERY, { rootId: hub });
  const t = treeData.dependencyTree;
  const shape = { nodes: t.nodes.length, edges: t.edges.length, paths: t.paths.length, cycles: t.cycles.length, truncated: t.truncated, bytes: treeBytes };
  log(
    `size ${size}: hub tree ${hub}: ${shape.nodes} nodes, ${shape.edges} edges, ${shape.paths} ` +
      `paths${shape.truncated ? ' (truncated)' : ''}, ${(treeBytes / 1024).toFixed(0)} KiB`,
  );
  const treeHub = await paired(treeOf(servers.oursUncached, hub), () => raw(b.driver, SUBGRAPH_QUERY, treeParams(hub)), {
    budgetMs: budget,
    maxIterations: 40,
  });
  const treeHubCached = await cachedStats(treeOf(servers.ours, hub));
  log(
    `size ${size}: dependencyTree hub: GraphQL ${ms(treeHub.ours.median)} ms (p95 ${ms(treeHub.ours.p95)}) vs ` +
      `raw ${ms(treeHub.base.median)} ms → ${treeHub.ratio.toFixed(2)}×; cached ${ms(treeHubCached.median)} ms ` +
      `(p95 ${ms(treeHubCached.p95)})`,
  );
  const treeTypical = await paired(treeOf(servers.oursUncached, typical), () => raw(b.driver, SUBGRAPH_QUERY, treeParams(typical)), {
    budgetMs: budget / 2,
    maxIterations: 40,
  });
  const treeTypicalCached = await cachedStats(treeOf(servers.ours, typical));
  log(
    `size ${size}: dependencyTree typical: GraphQL ${ms(treeTypical.ours.median)} ms vs raw ${ms(treeTypical.base.median)} ` +
      `ms → ${treeTypical.ratio.toFixed(2)}×; cached ${ms(treeTypicalCached.median)} ms`,
  );
  const treeNoPaths = await paired(
    () => gql(servers.oursUncached, TREE_NO_PATHS_QUERY, { rootId: hub }),
    () => raw(b.driver, SUBGRAPH_QUERY, treeParams(hub)),
    { budgetMs: budget / 2, maxIterations: 40 },
  );
  log(
    `size ${size}: dependencyTree hub without paths: GraphQL ${ms(treeNoPaths.ours.median)} ms vs ` +
      `raw ${ms(treeNoPaths.base.median)} ms → ${treeNoPaths.ratio.toFixed(2)}×`,
  );

  // 3. Against the peer library: our uncached API (the peer caches nothing either), and ours cached for reference.
  const first = 100;
  const oursRows = (await gql(servers.oursUncached, OURS_NESTED, { first })).data.technologies.length;
  const peerRows = (await gql(servers.peer, PEER_NESTED, { limit: first })).data.technologies.length;
  if (oursRows !== peerRows) log(`warning: ours returned ${oursRows} technologies, the peer ${peerRows}`);
  const peer = await paired(
    () => gql(servers.oursUncached, OURS_NESTED, { first }),
    () => gql(servers.peer, PEER_NESTED, { limit: first }),
    { budgetMs: budget / 2, maxIterations: 40, warmup: 5 },
  );
  const peerCached = await cachedStats(() => gql(servers.ours, OURS_NESTED, { first }));
  log(
    `size ${size}: nested read (${first} technologies): ours ${ms(peer.ours.median)} ms vs ` +
      `@neo4j/graphql ${ms(peer.base.median)} ms → ${peer.ratio.toFixed(2)}×; ours cached ${ms(peerCached.median)} ms`,
  );

  // 4. Scenario with 10 events: end to end (uncached: the graph fetched and compiled; cached: a later run), and split
  // into the graph fetch and the pure propagation in this process (without the cache).
  const events = scenarioEvents(g, SEED + size);
  const horizon = new Date().getUTCFullYear() + 9;
  const input = { horizon, events };
  let impacts = -1;
  const doScenario = enough(3, `Size ${size}: scenario`);
  const runOn = (url: string) => async (timeout: number) => (impacts = (await gql(url, SCENARIO_QUERY, { input }, timeout)).data.runScenario.impacts.length);
  const guard = { timeoutMs: 120_000, slowMs: 15_000, minIterations: 3, maxIterations: 20, budgetMs: budget };
  const scen = !doScenario ? { samples: [] as number[], timedOut: false } : await guarded(runOn(servers.oursUncached), guard);
  if (scen.timedOut) await restart(ctx, `size ${size}: scenario over GraphQL: no answer within 120 s`);
  const scenCached =
    !doScenario || scen.timedOut ? { samples: [] as number[], timedOut: false } : await guarded(runOn(servers.ours), { ...guard, minIterations: 5 });
  const uncachedDb = new Database(b.driver, 'neo4j', undefined, { resultCache: false });
  type Graph = Awaited<ReturnType<typeof app.fetchScenarioGraph>>;
  let graph = doScenario ? await app.fetchScenarioGraph(uncachedDb) : ({ supply: { nodes: new Map(), edges: [] } } as unknown as Graph);
  const year = new Date().getUTCFullYear();
  const coldRuns: number[] = [];
  const fetchS = !doScenario
    ? stats([])
    : stats(
        await measure(
          async () => {
            graph = await app.fetchScenarioGraph(uncachedDb);
            const c0 = performance.now();
            app.runScenario(graph, input, { currentYear: year });
            coldRuns.push(performance.now() - c0);
          },
          { warmup: 0, minIterations: 2, maxIterations: 10, budgetMs: budget / 2 },
        ),
      );
  const computeS = !doScenario
    ? stats([])
    : stats(
        await measure(async () => app.runScenario(graph, input, { currentYear: year }), {
          warmup: big ? 0 : 1,
          minIterations: big ? 2 : 3,
          maxIterations: 20,
          budgetMs: budget / 2,
        }),
      );
  const scenario = {
    graphql: stats(scen.samples),
    graphqlCached: stats(scenCached.samples),
    timedOut: scen.timedOut,
    fetch: fetchS,
    computeCold: stats(coldRuns),
    compute: computeS,
    nodes: graph.supply.nodes.size,
    edges: graph.supply.edges.length,
    impacts,
  };
  log(
    `size ${size}: scenario (10 events): GraphQL ${ms(scenario.graphql.median)} ms ` +
      `uncached, ${ms(scenario.graphqlCached.median)} ms cached (p95 ${ms(scenario.graphqlCached.p95)}); ` +
      `fetch ${ms(fetchS.median)} ms + first run ${ms(scenario.computeCold.median)} ms (warm ${ms(computeS.median)} ` +
      `ms); ${impacts} capabilities moved`,
  );

  // 5. Throughput under load: the explorer's reads on the API as it runs (cached), and the technology read uncached.
  const techIds = g.ids.technologies.filter((_, i) => i % 7 === 0).slice(0, 500);
  const throughput: LoadRun[] = [];
  if (enough(1, `Size ${size}: throughput under load`)) {
    throughput.push(await underLoad(servers.ours, 'technology(id), cached', TECHNOLOGY_QUERY, techIds, LOAD_SECONDS));
    throughput.push(await underLoad(servers.ours, 'neighbours(id, depth 1), cached', NEIGHBOURS_QUERY, techIds, LOAD_SECONDS));
    throughput.push(await underLoad(servers.oursUncached, 'technology(id), uncached', TECHNOLOGY_QUERY, techIds, LOAD_SECONDS));
  }
  for (const r of throughput)
    log(
      `size ${size}: ${r.what}: one client ${ms(r.single)} ms; under ${CONNECTIONS} clients: ${r.rps.toFixed(0)} req/s, ` +
        `p95 ${ms(r.p95)} ms, cores busy API ${r.cpu.api.toFixed(2)} Neo4j ${r.cpu.neo4j.toFixed(2)} ` +
        `load ${r.cpu.loadGenerator.toFixed(2)} (${r.errors} errors, ${r.non2xx} non-2xx)`,
    );

  // 5b. Search as you type: every prefix of a few typed phrases, uncached.
  const search = enough(1, `Size ${size}: search as you type`) ? await measureSearch(servers.oursUncached) : undefined;
  if (search)
    log(
      `size ${size}: search as you type: ${search.keystrokes.n} keystrokes, median ${ms(search.keystrokes.median)} ms, ` +
        `p95 ${ms(search.keystrokes.p95)} ms; slowest "${search.slowest.text}" ${ms(search.slowest.median)} ms ` +
        `(${search.slowest.total} hits)`,
    );

  // Query plans and CPU profiles of the API at the largest size.
  const profiles: { name: string; text: string }[] = [];
  if (size === LARGEST && enough(2.5, `Size ${size}: CPU profile and query plans`)) {
    try {
      profiles.push({
        name: 'CPU profile of the uncached API (dependencyTree hub ×5, nested technologies read ×20, scenario ×1)',
        text: await cpuProfile(servers, async () => {
          for (let i = 0; i < 5; i++) await gql(servers.oursUncached, TREE_QUERY, { rootId: hub });
          for (let i = 0; i < 20; i++) await gql(servers.oursUncached, OURS_NESTED, { first });
          if (doScenario && !scen.timedOut) await gql(servers.oursUncached, SCENARIO_QUERY, { input });
        }),
      });
      profiles.push({
        name: `CPU profile of the API under load (technology(id) cached, ${CONNECTIONS} clients, 5 s)`,
        text: await cpuProfile(servers, async () => {
          await underLoad(servers.ours, 'technology(id)', TECHNOLOGY_QUERY, techIds, 5);
        }),
      });
    } catch (error) {
      log(`cpu profile failed: ${(error as Error).message}`);
    }
    profiles.push({ name: `dependency subgraph (SUBGRAPH_QUERY, root ${hub})`, text: await profile(b.driver, SUBGRAPH_QUERY, treeParams(hub)) });
    profiles.push({
      name: 'whole supply graph (WHOLE_QUERY, used by criticalDependencies and sovereigntyReport)',
      text: await profile(b.driver, app.dependency.WHOLE_QUERY, {}),
    });
  }
  // 2b. criticalDependencies: uncached against the Cypher it runs, and cached.
  const critical = await measureCritical(ctx, size, hub, budget, big);

  // 8. After one write, last: it changes the graph every section above measured.
  let afterWrite: SizeResult['afterWrite'];
  if (doScenario && !scen.timedOut && !critical.hub.timedOut && enough(big ? 2 : 0.5, `Size ${size}: after one write`)) {
    afterWrite = await measureAfterWrite(ctx, {
      size,
      hub,
      typical,
      scenarioInput: input,
      rawTree: { hub: treeHub.base.median, typical: treeTypical.base.median },
      repeats: 6,
      budgetMs: big ? 30_000 : 10_000,
      timeoutMs: 180_000,
    });
    const rows = [afterWrite.scenario, afterWrite.critical, afterWrite.treeHub, afterWrite.treeTypical];
    if (rows.some((r) => r.timedOut)) await restart(ctx, `size ${size}: after one write: no answer within 180 s`);
  }

  const memory = await measureMemory(ctx);
  return {
    size,
    technologies,
    generateMillis,
    load,
    memory,
    roots: { hub, typical },
    tree: { hub: treeHub, typical: treeTypical, noPaths: treeNoPaths, hubCached: treeHubCached, typicalCached: treeTypicalCached, shape },
    critical,
    peer: { ...peer, technologies: first, cached: peerCached },
    scenario,
    throughput,
    search,
    profiles,
    afterWrite,
  };
}

async function measureCritical(ctx: SizeContext, size: number, hub: string, budget: number, big: boolean): Promise<SizeResult['critical']> {
  const empty = {
    hub: { ours: stats([]), base: stats([]), ratio: NaN, timedOut: false, timeoutMs: 0 },
    cached: stats([]),
    baseline: '',
    shape: { items: -1, bytes: 0 },
  };
  if (!ctx.enough(2, `Size ${size}: criticalDependencies`)) return empty;
  const below = await compareCritical(ctx, size, hub, budget, big);
  if (below.hub.timedOut || !ctx.enough(2, `Size ${size}: criticalDependencies portfolio-wide`)) return below;
  const portfolio = await compareCritical(ctx, size, null, budget, big);
  return { ...below, portfolio: { ...portfolio.hub, cached: portfolio.cached, shape: portfolio.shape } };
}

/** One ranking (below `rootId`, or portfolio-wide when null): uncached against the Cypher it runs, and cached. */
async function compareCritical(ctx: SizeContext, size: number, rootId: string | null, budget: number, big: boolean): Promise<SizeResult['critical']> {
  const { b, servers, log } = ctx;
  // The Cypher the resolver runs (scores are portfolio-wide, so the whole supply graph whatever the root).
  const baseline = { cypher: app.dependency.WHOLE_QUERY, params: {}, name: 'WHOLE_QUERY' };
  const what = rootId ? 'hub' : 'portfolio-wide';
  let bytes = 0;
  let items = -1;
  const timeoutMs = big ? 180_000 : 90_000;
  const call = (url: string) => async (timeout: number) => {
    const r = rootId ? await gql(url, CRITICAL_QUERY, { rootId }, timeout) : await gql(url, PORTFOLIO_CRITICAL_QUERY, {}, timeout);
    bytes = r.bytes;
    items = r.data.criticalDependencies.items.length;
  };
  const empty = { ours: stats([]), base: stats([]), ratio: NaN, timedOut: false, timeoutMs: 0 };
  const probe = await guarded(call(servers.oursUncached), { timeoutMs, slowMs: 5_000, minIterations: 1, maxIterations: 1, budgetMs: 0 });
  if (probe.timedOut) {
    await restart(ctx, `size ${size}: criticalDependencies ${what}: no answer within ${timeoutMs / 1000} s`);
    return { hub: { ...empty, timedOut: true, timeoutMs }, cached: stats([]), baseline: baseline.name, shape: { items: -1, bytes: 0 } };
  }
  // Slow at this size: a few alternating pairs instead of the usual budget (each pair reads the whole graph twice).
  const compare = await paired(
    () => call(servers.oursUncached)(timeoutMs),
    () => raw(b.driver, baseline.cypher, baseline.params),
    probe.samples[0]! > 5_000 ? { warmup: 0, minIterations: 3, maxIterations: 3 } : { budgetMs: budget / 2, maxIterations: 30, warmup: 1 },
  );
  const cached = stats(await measure(() => call(servers.ours)(timeoutMs), { warmup: 2, minIterations: 10, maxIterations: 60, budgetMs: 3_000 }));
  log(
    `size ${size}: criticalDependencies ${what}: GraphQL ${ms(compare.ours.median)} ms (p95 ${ms(compare.ours.p95)}) vs ` +
      `raw ${baseline.name} ${ms(compare.base.median)} ms → ${compare.ratio.toFixed(2)}×; cached ${ms(cached.median)} ms`,
  );
  return { hub: { ...compare, timedOut: false, timeoutMs }, cached, baseline: baseline.name, shape: { items, bytes } };
}
