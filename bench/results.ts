// What one benchmark size measures, and the ours-vs-baseline comparison every figure is reported as.
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
  tree: { hub: Compare; typical: Compare; noPaths: Compare; shape: { nodes: number; edges: number; paths: number; cycles: number; truncated: boolean; bytes: number } };
  critical: { hub: Compare & { timedOut: boolean; timeoutMs: number }; shape: { items: number; bytes: number } };
  peer: Compare & { technologies: number };
  scenario: { graphql: Stats; timedOut: boolean; fetch: Stats; computeCold: Stats; compute: Stats; nodes: number; edges: number; impacts: number };
  throughput: LoadRun[];
  profiles: { name: string; text: string }[];
}

export function compare(ours: number[], base: number[]): Compare {
  const o = stats(ours);
  const b = stats(base);
  return { ours: o, base: b, ratio: o.median / b.median };
}
