// Scale sizes (issue #17: `npm run bench -- --sizes 1000000`): what an analyst's day needs at a portfolio of a million
// entities, on this machine. Above 100k the default run's portfolio-wide measurements do not fit (the uncached scenario
// refetches the whole graph per request, criticalDependencies ranks every capability's tree, the in-process split holds
// a second copy of the graph), so a scale size measures only: loading, a typical capability's tree (uncached against its
// raw Cypher, and cached), the scenario on the API as it runs (its first run builds the whole graph), the first
// scenario and typical tree after a mapping write, and memory: the API process's RSS and the Neo4j heap.
import { readFileSync } from 'node:fs';
import { afterWrites, variant } from './after-write.js';
import { app } from './app-under-test.js';
import { gql, paired, raw, Timeout } from './client.js';
import { API_HEAP_MB, NEO4J_PAGE_CACHE_MB, SEED } from './options.js';
import { SCENARIO_QUERY, TREE_QUERY } from './queries.js';
import type { ScaleMemory, ScaleResult } from './results.js';
import { scenarioEvents } from './scenario-events.js';
import { cpuPids } from './server-process.js';
import type { SizeContext } from './size.js';
import { generate, technologiesForNodes } from './synthetic-map.js';
import { loadGenerated, measure, ms, stats } from './support.js';

export async function benchScale(ctx: SizeContext, size: number): Promise<ScaleResult> {
  const { b, servers, log } = ctx;
  const technologies = technologiesForNodes(size);
  const t0 = performance.now();
  let g: ReturnType<typeof generate> | null = generate({ technologies, seed: SEED });
  const generateMillis = performance.now() - t0;
  log(`scale ${size}: generated ${g.counts.nodes} entities, ${g.counts.links} links (+${g.counts.sourcedFrom} SOURCED_FROM); loading…`);
  const load = await loadGenerated(b, g, () => {});
  log(`scale ${size}: loaded in ${(load.millis / 1000).toFixed(1)} s — ${load.relsPerSecond.toFixed(0)} relationships/s`);
  await b.db.schema('CALL db.awaitIndexes(600)');
  const hub = g.ids.capabilities[0]!;
  const typical = g.ids.capabilities[Math.floor(g.ids.capabilities.length / 2)]!;
  const events = scenarioEvents(g, SEED + size);
  g = null; // the generated map (a few GB at 1M) is not needed past this point

  const tree = (url: string) => () => gql(url, TREE_QUERY, { rootId: typical });
  const shape = (await tree(servers.oursUncached)()).data.dependencyTree;
  const treeCompare = await paired(tree(servers.oursUncached), () => raw(b.driver, app.dependency.SUBGRAPH_QUERY, { rootId: typical }), {
    budgetMs: 15_000,
    maxIterations: 30,
  });
  const treeCached = stats(await measure(tree(servers.ours), { warmup: 2, minIterations: 10, maxIterations: 40, budgetMs: 3_000 }));
  log(
    `scale ${size}: dependencyTree typical (${shape.nodes.length} nodes): GraphQL ${ms(treeCompare.ours.median)} ms vs raw ` +
      `${ms(treeCompare.base.median)} ms → ${treeCompare.ratio.toFixed(2)}×; cached ${ms(treeCached.median)} ms`,
  );

  const input = { horizon: new Date().getUTCFullYear() + 9, events };
  let impacts = -1;
  const scenarioOn =
    (built = false) =>
    async (timeoutMs: number) =>
      (impacts = (await gql(servers.ours, variant(SCENARIO_QUERY, built), { input }, timeoutMs)).data.runScenario.impacts.length);
  const timeoutMs = 900_000;
  const scenario = { first: NaN, cached: stats([]), impacts: -1, nodes: 0, timedOut: false };
  try {
    const s0 = performance.now();
    await scenarioOn()(timeoutMs);
    scenario.first = performance.now() - s0;
    scenario.cached = stats(await measure(() => scenarioOn()(timeoutMs), { warmup: 1, minIterations: 5, maxIterations: 20, budgetMs: 10_000 }));
    scenario.impacts = impacts;
  } catch (error) {
    if (!(error instanceof Timeout)) throw error;
    scenario.timedOut = true;
  }
  log(
    `scale ${size}: scenario (10 events) on the API as it runs: first ${ms(scenario.first)} ms (whole graph built), ` +
      `cached ${ms(scenario.cached.median)} ms; ${scenario.impacts} capabilities moved`,
  );

  let afterWrite: ScaleResult['afterWrite'];
  if (!scenario.timedOut) {
    // Six writes, each kind twice (link, TRL, unlink), whatever they cost: the cached scenario alone takes seconds at 1M.
    const w = await afterWrites(ctx, { hub, repeats: 6, budgetMs: Infinity, timeoutMs }, scenarioOn());
    const scenarioRow = await w.run((timeout, built) => scenarioOn(built)(timeout));
    const treeRow = await w.run((timeout, built) => gql(servers.ours, variant(TREE_QUERY, built), { rootId: typical }, timeout));
    const rawTree = treeCompare.base.median;
    afterWrite = {
      writes: w.writes(),
      linked: w.linked,
      scenario: scenarioRow,
      treeTypical: { ...treeRow, raw: rawTree, rawRatio: treeRow.first.median / rawTree },
    };
    log(
      `scale ${size}: after one write (write ${ms(afterWrite.writes.median)} ms): scenario first ${ms(scenarioRow.first.median)} ms ` +
        `vs cached ${ms(scenarioRow.repeat.median)} ms → ${scenarioRow.ratio.toFixed(2)}×; tree typical first ` +
        `${ms(treeRow.first.median)} ms, ${afterWrite.treeTypical.rawRatio.toFixed(2)}× raw`,
    );
  }
  const memory = await measureMemory(ctx);
  log(
    `scale ${size}: memory: API RSS ${memory.api.rssMb.toFixed(0)} MiB (peak ${memory.api.peakMb.toFixed(0)}); Neo4j heap used ` +
      `${memory.neo4j.heapUsedMb.toFixed(0)} of ${memory.neo4j.heapMaxMb.toFixed(0)} MiB (committed ${memory.neo4j.heapCommittedMb.toFixed(0)}), ` +
      `process peak ${memory.neo4j.peakRssMb.toFixed(0)} MiB`,
  );
  return {
    size,
    technologies,
    generateMillis,
    load,
    typical,
    tree: treeCompare,
    treeCached,
    treeShape: { nodes: shape.nodes.length, edges: shape.edges.length },
    scenario: { ...scenario, nodes: load.nodes },
    afterWrite,
    memory,
  };
}

/** VmRSS and VmHWM (the peak) of a process from /proc, MiB; NaN where /proc is not there. */
export function residentMb(pid: number | undefined): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

/** Memory now (and the processes' peaks so far), with the limits the servers' process and Neo4j were started with. */
export async function measureMemory(ctx: Pick<SizeContext, 'b'>): Promise<ScaleMemory> {
  const api = residentMb(cpuPids.api);
  const neo4jProcess = residentMb(ctx.b.neo4j.pid);
  // The JVM's own view of its heap (java.lang:type=Memory); `used` includes garbage not collected yet.
  const [jmx] = await ctx.b.db.read<{ heap: { used: number; committed: number; max: number } | null }>(
    `CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
     RETURN attributes.HeapMemoryUsage.value.properties AS heap`,
  );
  const mb = (bytes: unknown) =>
    (bytes && typeof bytes === 'object' && 'toNumber' in bytes ? (bytes as { toNumber(): number }).toNumber() : Number(bytes)) / 2 ** 20;
  return {
    api: { ...api, heapLimitMb: API_HEAP_MB ?? NaN },
    neo4j: {
      heapUsedMb: mb(jmx?.heap?.used),
      heapCommittedMb: mb(jmx?.heap?.committed),
      heapMaxMb: mb(jmx?.heap?.max),
      peakRssMb: neo4jProcess.peakMb,
      pageCacheMb: NEO4J_PAGE_CACHE_MB,
    },
  };
}
