// What one benchmark size measures, and the ours-vs-baseline comparison every figure is reported as.
import type { SearchBench } from './search.js';
import { stats, type LoadResult, type Stats } from './support.js';

export interface Compare {
  ours: Stats;
  base: Stats;
  ratio: number;
  note?: string;
}
export interface LoadRun {
  url: string;
  what: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Median latency with one client, no load. */
  single: number;
  /** Cores busy during the run (CPU seconds / wall seconds) per process. */
  cpu: { api: number; neo4j: number; loadGenerator: number };
}
export interface SizeResult {
  size: number;
  technologies: number;
  generateMillis: number;
  load: LoadResult;
  roots: { hub: string; typical: string };
  /** ours = the API without its result cache (the ratio target); *Cached = the API as it runs, on repeated reads. */
  tree: {
    hub: Compare;
    typical: Compare;
    noPaths: Compare;
    hubCached: Stats;
    typicalCached: Stats;
    shape: { nodes: number; edges: number; paths: number; cycles: number; truncated: boolean; bytes: number };
  };
  /** baseline: the name of the Cypher the resolver runs, measured as "raw". */
  critical: {
    hub: Compare & { timedOut: boolean; timeoutMs: number };
    cached: Stats;
    baseline: string;
    shape: { items: number; bytes: number };
    /** The portfolio-wide ranking's first page (no root), against the same baseline; absent in older results. */
    portfolio?: Compare & { timedOut: boolean; timeoutMs: number; cached: Stats; shape: { items: number; bytes: number } };
  };
  peer: Compare & { technologies: number; cached: Stats };
  scenario: {
    graphql: Stats;
    graphqlCached: Stats;
    timedOut: boolean;
    fetch: Stats;
    computeCold: Stats;
    compute: Stats;
    nodes: number;
    edges: number;
    impacts: number;
  };
  throughput: LoadRun[];
  /** Search as you type (bench/search.ts); absent in results saved before it existed, or when skipped. */
  search?: SearchBench;
  profiles: { name: string; text: string }[];
  /** The first request after one mapping write (bench/after-write.ts); absent in older results, or when skipped. */
  afterWrite?: AfterWrite;
  /** Memory at the end of the size (bench/scale.ts measureMemory); absent in older results. */
  memory?: ScaleMemory;
}
/**
 * first = the first request after a write; repeat = the same request again (cached); ratio = first / repeat, medians.
 * built = the same request with a response the cache does not hold but every derivation of the version cached (the
 * query text differs by a `__typename`): what answering costs once nothing needs deriving, the floor of `first`.
 */
export interface AfterWriteRow {
  first: Stats;
  repeat: Stats;
  built?: Stats;
  ratio: number;
  timedOut: boolean;
}
export interface AfterWrite {
  /** The writes themselves (mutation round trip). */
  writes: Stats;
  /** The DEPENDS_ON linked and unlinked, "from → to". */
  linked: string;
  scenario: AfterWriteRow;
  critical: AfterWriteRow;
  /** raw = the raw Cypher median of the same tree (section 2); rawRatio = first / raw. */
  treeHub: AfterWriteRow & { raw: number; rawRatio: number };
  treeTypical: AfterWriteRow & { raw: number; rawRatio: number };
}

// ---- scale sizes (bench/scale.ts) ---------------------------------------------------------------------------------
export interface ScaleMemory {
  /** The servers' process (our API, cached and uncached, and the peer harness): resident now and its peak, MiB. */
  api: { rssMb: number; peakMb: number; heapLimitMb: number };
  /** Neo4j's JVM heap from JMX (used and committed now, the -Xmx maximum) and its process's resident peak, MiB. */
  neo4j: { heapUsedMb: number; heapCommittedMb: number; heapMaxMb: number; peakRssMb: number; pageCacheMb: number };
}

export interface ScaleResult {
  size: number;
  technologies: number;
  generateMillis: number;
  load: LoadResult;
  typical: string;
  /** Uncached API against SUBGRAPH_QUERY, and the API as it runs, repeated. */
  tree: Compare;
  treeCached: Stats;
  treeShape: { nodes: number; edges: number };
  /** first = the first run on the API as it runs: the whole supply graph fetched, built and compiled; then cached runs. */
  scenario: { first: number; cached: Stats; impacts: number; nodes: number; timedOut: boolean };
  afterWrite?: { writes: Stats; linked: string; scenario: AfterWriteRow; treeTypical: AfterWriteRow & { raw: number; rawRatio: number } };
  memory: ScaleMemory;
}

export function compare(ours: number[], base: number[]): Compare {
  const o = stats(ours);
  const b = stats(base);
  return { ours: o, base: b, ratio: o.median / b.median };
}
