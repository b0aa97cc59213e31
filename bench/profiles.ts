// What the profiles section shows: a CPU profile of the servers' process while some requests run (a flat "flame" by
// self time), and PROFILE plans of the Cypher the API runs.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Servers } from './server-process.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Profiles the servers' process while `work` runs; summarises self time by function (a flat "flame"). */
export async function cpuProfile(servers: Servers, work: () => Promise<void>): Promise<string> {
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
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const total = profile.samples.length;
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!n.hitCount) continue;
    const url = n.callFrame.url
      .replace(/^file:\/\//, '')
      .replace(repoRoot, '')
      .replace(/^.*\/node_modules\//, 'node_modules/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${url}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    const pkg = url.startsWith('node_modules/')
      ? url
          .split('/')
          .slice(1, url.split('/')[1]!.startsWith('@') ? 3 : 2)
          .join('/')
      : url.startsWith('server/')
        ? url.split('/').slice(0, 3).join('/')
        : url === ''
          ? `(${n.callFrame.functionName || 'native'})`
          : url.split('/')[0]!;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.hitCount);
  }
  const pct = (x: number) => `${((100 * x) / total).toFixed(1).padStart(5)} %`;
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${pct(v)}  ${k}`);
  const pk = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, v]) => `${pct(v)}  ${k}`);
  return (
    `${total} samples over ${(wall / 1000).toFixed(1)} s of requests (file: bench/results/${file.split('/').pop()}; open in ` +
    `Chrome DevTools or speedscope for the flame graph)\n\nSelf time by package / folder:\n${pk.join('\n')}\n\nSelf time by ` +
    `function (top 25):\n${top.join('\n')}`
  );
}

/** PROFILE of a query: the plan's operators with rows and db hits, as text. */
export async function profile(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<string> {
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
      const details = String(op.arguments?.Details ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 110);
      lines.push(
        `${'  '.repeat(depth)}${op.operatorType.replace(/@neo4j$/, '')}  rows=${Number(op.rows ?? 0)}  dbHits=${hits}${details ? `  ${details}` : ''}`,
      );
      for (const c of op.children ?? []) walk(c, depth + 1);
    };
    if (p) walk(p, 0);
    return `total dbHits=${totalHits}, ${millis.toFixed(0)} ms with PROFILE\n${lines.join('\n')}`;
  } finally {
    await session.close();
  }
}
