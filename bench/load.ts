// Throughput under load: autocannon with CONNECTIONS clients against one read, and the CPU each process used meanwhile.
import autocannon from 'autocannon';
import { gql } from './client.js';
import { CONNECTIONS } from './options.js';
import type { LoadRun } from './results.js';
import { cpuPids, cpuSeconds } from './server-process.js';
import { measure, stats } from './support.js';

export async function underLoad(url: string, what: string, query: string, ids: string[], seconds: number): Promise<LoadRun> {
  let k = 0;
  const latencies: number[] = [];
  // Outside the load: the read must answer without errors, and its latency with one client is the reference.
  let j = 0;
  const single = stats(
    await measure(() => gql(url, query, { id: ids[j++ % ids.length] }), { warmup: 3, minIterations: 20, maxIterations: 20, budgetMs: 5_000 }),
  );
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
