// The benchmark's client side: GraphQL over HTTP, raw Cypher with neo4j-driver, and the timing helpers that compare
// the two (alternating calls, so drift hits both alike).
import neo4j, { type Driver } from 'neo4j-driver';
import { compare, type Compare } from './results.js';
import { measure } from './support.js';

export class Timeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${(ms / 1000).toFixed(0)} s`);
  }
}

/** Kept-alive sockets the server closed at the moment of a request, retried once each (reported). */
export const httpRetries = { count: 0 };

export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs?: number,
  headers: Record<string, string> = {},
): Promise<{ data: T; bytes: number }> {
  let res: Response;
  const body = JSON.stringify({ query, variables });
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') throw new Timeout(timeoutMs!);
    httpRetries.count++;
    if (httpRetries.count > 20) throw new Error(`fetch failed too often: ${String((error as { cause?: unknown }).cause ?? error)}`);
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close', ...headers }, body });
  }
  const text = await res.text();
  const parsed = JSON.parse(text);
  if (!res.ok || parsed.errors) throw new Error(`GraphQL ${res.status} at ${url}: ${JSON.stringify(parsed.errors ?? parsed).slice(0, 600)}`);
  return { data: parsed.data as T, bytes: text.length };
}

/** Runs Cypher in a managed read transaction and receives every record; returns the record count. */
export async function raw(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params));
    return result.records.length;
  } finally {
    await session.close();
  }
}

/**
 * Timing of a call that may be very slow at large sizes: one probe call (bounded by `timeoutMs`); if it took longer
 * than `slowMs`, that single sample is all there is, otherwise `measure` runs as usual. A timeout leaves the servers'
 * process busy, so the caller restarts it.
 */
export async function guarded(
  fn: (timeoutMs: number) => Promise<unknown>,
  o: { timeoutMs: number; slowMs: number; minIterations: number; maxIterations: number; budgetMs: number },
): Promise<{ samples: number[]; timedOut: boolean }> {
  const t0 = performance.now();
  try {
    await fn(o.timeoutMs);
  } catch (error) {
    if (error instanceof Timeout) return { samples: [], timedOut: true };
    throw error;
  }
  const first = performance.now() - t0;
  if (first > o.slowMs) return { samples: [first], timedOut: false };
  return {
    samples: await measure(() => fn(o.timeoutMs), { warmup: 0, minIterations: o.minIterations, maxIterations: o.maxIterations, budgetMs: o.budgetMs }),
    timedOut: false,
  };
}

/** Alternates ours/base per iteration so drift (GC, JIT, page cache) hits both alike. */
export async function paired(
  oursFn: () => Promise<unknown>,
  baseFn: () => Promise<unknown>,
  o: { warmup?: number; minIterations?: number; maxIterations?: number; budgetMs?: number },
): Promise<Compare> {
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
