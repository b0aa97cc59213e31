// The benchmark report's scale parts (bench/report-scale.ts): the target is met only by a 1M size with every
// measurement the issue names, and the growth exponents are worked from the largest default size.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaleReport, scaleSection, scaleTargetRow } from '../bench/report-scale.js';
import type { AfterWriteRow, SizeResult } from '../bench/results.js';
import type { ScaleResult } from '../bench/results.js';
import { stats } from '../bench/support.js';

const row = (first: number[], repeat: number[]): AfterWriteRow => ({
  first: stats(first),
  repeat: stats(repeat),
  ratio: stats(first).median / stats(repeat).median,
  timedOut: false,
});
const load = (nodes: number, millis: number) => ({
  nodes,
  links: nodes * 4,
  sourcedFrom: nodes,
  relationships: nodes * 5,
  millis,
  nodesPerSecond: nodes / (millis / 1000),
  relsPerSecond: (nodes * 5) / (millis / 1000),
  nodeMillis: millis / 2,
  linkMillis: millis / 2,
});
const memory = {
  api: { rssMb: 6000, peakMb: 9000, heapLimitMb: 12288 },
  neo4j: { heapUsedMb: 2000, heapCommittedMb: 4096, heapMaxMb: 4096, peakRssMb: 8000, pageCacheMb: 3072 },
};

/** 1M: ten times the entities of the 100k reference below, each time ten times too (k = 1), the memory 3× (k ≈ 0.48). */
const at1M: ScaleResult = {
  size: 1_000_000,
  technologies: 40_000,
  generateMillis: 9000,
  load: load(1_000_000, 250_000),
  typical: 'cap:typ',
  tree: { ours: stats([1000]), base: stats([800]), ratio: 1.25 },
  treeCached: stats([100]),
  treeShape: { nodes: 900, edges: 1800 },
  scenario: { first: 90_000, cached: stats([4000, 4200]), impacts: 300, nodes: 1_000_000, timedOut: false },
  afterWrite: {
    writes: stats([40]),
    linked: 'tech:a → comp:b',
    scenario: row([5000], [4000]),
    treeTypical: { ...row([1000], [100]), raw: 800, rawRatio: 1.25 },
  },
  memory,
};
const at100k = {
  size: 100_000,
  load: load(100_000, 25_000),
  tree: { typical: { ours: stats([100]), base: stats([80]), ratio: 1.25 }, typicalCached: stats([10]) },
  scenario: { graphql: stats([9000]), graphqlCached: stats([400]) },
  afterWrite: { scenario: row([500], [400]), treeTypical: row([100], [10]) },
  memory: { ...memory, api: { ...memory.api, peakMb: 3000 } },
} as unknown as SizeResult;

describe('scale target', () => {
  it('is met by a 1M size with load, tree, scenario cached and after a write, and memory', () => {
    const cell = scaleTargetRow([at1M], '/nonexistent');
    expect(cell).toContain('1M: load 20000 rel/s; typical tree 1.25× raw; scenario cached 4100 ms; after a write: scenario 1.25× cached');
    expect(cell).toContain('API peak RSS 9000 MiB, Neo4j heap used 2000 MiB');
    expect(cell).toMatch(/\| \*\*met\*\* \|$/);
  });

  it('is missed when a measurement is absent or the size is below 1M', () => {
    expect(scaleTargetRow([{ ...at1M, afterWrite: undefined }], '/nonexistent')).toMatch(/after a write: scenario not measured.*\*\*missed\*\*/);
    expect(scaleTargetRow([{ ...at1M, scenario: { ...at1M.scenario, timedOut: true } }], '/nonexistent')).toMatch(/\*\*missed\*\* \|$/);
    expect(scaleTargetRow([{ ...at1M, size: 500_000 }], '/nonexistent')).toMatch(/\*\*missed\*\* \|$/);
  });

  it('falls back to the last scale run on record, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scale-report-'));
    const saved = join(dir, 'scale.json');
    expect(scaleTargetRow([], saved)).toContain('not measured (no scale run on record)');
    writeFileSync(saved, JSON.stringify({ env: { Date: '2026-12-03T04:00:00Z' }, scale: [at1M] }));
    expect(scaleTargetRow([], saved)).toContain('1M (scale run of 2026-12-03, docs/benchmarks-scale.md): load');
  });
});

describe('scale section', () => {
  it('works the exponents out from the largest default size of the run', () => {
    const lines = scaleSection([at1M], [at100k], '/nonexistent');
    expect(lines).toContain('| load, whole time | 25000 ms | 250000 ms | 1.00 |');
    expect(lines).toContain('| dependencyTree typical, GraphQL uncached | 100 ms | 1000 ms | 1.00 |');
    expect(lines).toContain('| scenario, cached | 400 ms | 4100 ms | 1.01 |');
    // 5,000 / 500: ten times; the memory 9,000 / 3,000 MiB: log 3 / log 10.
    expect(lines).toContain('| scenario, first after a write | 500 ms | 5000 ms | 1.00 |');
    expect(lines).toContain('| API resident peak (memory) | 3000 MiB | 9000 MiB | 0.48 |');
    expect(lines.join('\n')).toContain('from 100k (this run)');
  });

  it('grows from the saved default run when the run has no default size, naming its date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scale-report-'));
    const saved = join(dir, 'latest.json');
    writeFileSync(saved, JSON.stringify({ env: { Date: '2026-12-02T01:00:00Z' }, results: [at100k] }));
    expect(scaleSection([at1M], [], saved).join('\n')).toContain('from 100k (the default run of 2026-12-02, bench/results/latest.json)');
    expect(scaleSection([at1M], [], '/nonexistent').join('\n')).toContain('No default run on record to grow from');
  });

  it('renders a standalone report for a run of scale sizes only', () => {
    const text = scaleReport({ Date: '2026-12-03' }, [at1M], [], 7);
    expect(text).toContain('# Benchmarks at scale');
    expect(text).toContain('| 1M | 6000 MiB | 9000 MiB | 12288 MiB | 2000 MiB | 4096 MiB | 4096 MiB | 3072 MiB | 8000 MiB |');
  });
});
