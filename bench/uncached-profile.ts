// What an uncached dependencyTree and criticalDependencies cost, stage by stage, in one process against a throwaway
// Neo4j holding the synthetic map of `npm run bench`: the profile behind the uncached rows of docs/benchmarks.md
// (bench/ANALYSIS.md cites it). Each stage is what the API does after the Cypher — the raw query is the baseline —
// before graphql-js completes the answer and Apollo serialises it (the JSON row stands in for that last part).
//
//   npm run bench:uncached-profile -- [--nodes 100000] [--seed 7] [--runs 5]
import 'reflect-metadata';
import { commandLine } from '../server/src/command-line.js';
import { Database } from '../server/src/db/database.js';
import { presentPaths, presentScores, presentTreeShape } from '../server/src/dependency/dependency.present.js';
import { scoreNodes } from '../server/src/dependency/scores.js';
import { treeShape } from '../server/src/dependency/tree.js';
import { enumeratePaths, levelsFrom } from '../server/src/dependency/walk.js';
import { reachingCapabilities } from '../server/src/supply-graph/capability-reach.js';
import { downwardIndex } from '../server/src/supply-graph/downward-index.js';
import { SUBGRAPH_QUERY, WHOLE_QUERY, supplyGraphFromRows } from '../server/src/supply-graph/supply-graph.repository.js';
import { buildSupplyGraph, type EdgeRow, type NodeRow } from '../server/src/supply-graph/supply-graph.js';
import { raw } from './client.js';
import { loadGenerated, stats, withBenchNeo4j } from './support.js';
import { generate, technologiesForNodes } from './synthetic-map.js';

const { values } = commandLine({
  usage: 'Usage: npm run bench:uncached-profile -- [--nodes 100000] [--seed 7] [--runs 5]',
  options: { nodes: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' } },
});
const size = Number(values.nodes ?? 100_000);
const seed = Number(values.seed ?? 7);
const runs = Number(values.runs ?? 5);

await withBenchNeo4j({ heapMb: size >= 50_000 ? 4096 : 1024, pageCacheMb: size >= 50_000 ? 2048 : 512, log: () => {} }, async (b) => {
  const map = generate({ technologies: technologiesForNodes(size), seed });
  await loadGenerated(b, map, () => {});
  await b.db.schema('CALL db.awaitIndexes(300)');
  const db = new Database(b.driver, 'neo4j', undefined, { resultCache: false });
  const hub = map.ids.capabilities[0]!;
  const typical = map.ids.capabilities[Math.floor(map.ids.capabilities.length / 2)]!;
  const columns: [string, Record<string, number[]>][] = [];
  const timer = (into: Record<string, number[]>) => {
    return <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
      const t0 = performance.now();
      return Promise.resolve(f()).then((v) => {
        (into[label] ??= []).push(performance.now() - t0);
        return v;
      });
    };
  };
  for (const [name, rootId] of [
    ['tree, hub', hub],
    ['tree, typical', typical],
  ] as const) {
    const samples: Record<string, number[]> = {};
    const time = timer(samples);
    for (let i = 0; i < runs + 1; i++) {
      const keep = i > 0 ? time : <T>(_: string, f: () => T | Promise<T>) => Promise.resolve(f()); // the first run warms up
      await keep('raw Cypher (the baseline)', () => raw(b.driver, SUBGRAPH_QUERY, { rootId }));
      const [row] = await keep('the same through Database.read (plain values)', () =>
        db.read<{ nodes: NodeRow[]; edges: EdgeRow[] }>(SUBGRAPH_QUERY, { rootId }),
      );
      const graph = await keep('build the supply graph', () => buildSupplyGraph(row!));
      const shape = await keep('levels and tree shape', () => treeShape(graph, rootId, null)!);
      const presented = await keep('present nodes and edges', () => presentTreeShape(shape));
      const paths = await keep('paths (up to 5,000)', () =>
        presentPaths(enumeratePaths(graph, rootId, null, 5000), new Map(presented.nodes.map((n, at) => [n.id, at]))),
      );
      await keep('JSON of the answer', () => JSON.stringify({ ...presented, ...paths }));
    }
    columns.push([name, samples]);
  }
  const samples: Record<string, number[]> = {};
  const time = timer(samples);
  for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) {
    await time('raw Cypher (the baseline)', () => raw(b.driver, WHOLE_QUERY, {}));
    const rows = await time('the same through Database.read (plain values)', () => db.read<Parameters<typeof supplyGraphFromRows>[0][number]>(WHOLE_QUERY));
    const graph = await time('build the supply graph', () => supplyGraphFromRows(rows));
    await time('downward index', () => downwardIndex(graph.supply));
    await time('capability reach (every capability walked)', () => reachingCapabilities(graph.supply));
    const ids = await time('levels and tree shape', () => [...levelsFrom(graph.supply, hub).keys()].filter((id) => id !== hub));
    const scores = await time("score the hub's dependencies", () => scoreNodes(graph.supply, ids));
    // Presented with every capability of each dependency; the view's selection then sends the first 12 of them.
    await time('present nodes and edges', () => presentScores(graph.supply, graph.supply.nodes.get(hub)!, scores.slice(0, 50)));
  }
  columns.push(["criticalDependencies, hub's first 50", samples]);

  // In the order the API runs them (a tree needs no index, reach or scores; a ranking no paths).
  const first = Object.keys(columns[0]![1]);
  const labels = [
    ...first.slice(0, 3),
    'downward index',
    'capability reach (every capability walked)',
    ...first.slice(3, 4),
    "score the hub's dependencies",
    ...first.slice(4),
  ];
  const median = (xs: number[] | undefined) => (xs?.length ? stats(xs).median.toFixed(xs.length && stats(xs).median < 10 ? 1 : 0) : '–');
  console.log(`# Uncached reads, stage by stage: ${size} entities (seed ${seed}), medians of ${runs} runs (criticalDependencies: fewer)\n`);
  console.log(`| Stage (ms) | ${columns.map(([c]) => c).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  for (const label of labels) console.log(`| ${label} | ${columns.map(([, s]) => median(s[label])).join(' | ')} |`);
});
process.exit(0);
