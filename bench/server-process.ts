// The servers' process (bench/servers.ts) seen from the benchmark: start, stop, and how much CPU it and Neo4j used.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { app } from './app-under-test.js';
import { API_HEAP_MB } from './options.js';
import type { BenchNeo4j } from './support.js';

export interface Servers {
  /** Our API with its result cache (the app as `npm start` runs it). */
  ours: string;
  /** Our API with ATLAS_RESULT_CACHE=false: what every first request after a write pays. */
  oursUncached: string;
  peer: string;
  child: ChildProcess;
  /** Resolves with the next line the servers' process prints that passes `accept` (others are ignored). */
  nextLine(accept?: (line: string) => boolean): Promise<string>;
}

/** The processes whose CPU time section 5 reports. */
export const cpuPids: { api?: number; neo4j?: number } = {};

export async function startServers(b: BenchNeo4j, log: (line: string) => void): Promise<Servers> {
  // The runtime of `npm start`: graphql-js in production mode, no source maps (server/src/graphql/runtime.ts).
  const heap = API_HEAP_MB ? [`--max-old-space-size=${API_HEAP_MB}`] : [];
  const child = spawn(process.execPath, [...heap, '--import', 'tsx', '--import', `${app.root}server/src/graphql/runtime.ts`, `${app.root}bench/servers.ts`], {
    cwd: app.root,
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
  const { ours, oursUncached, peer } = JSON.parse(line) as { ours: string; oursUncached: string; peer: string };
  log(`servers up (pid ${child.pid}): ours ${ours} (uncached ${oursUncached}), peer ${peer}`);
  cpuPids.api = child.pid;
  cpuPids.neo4j = b.neo4j.pid;
  return { ours, oursUncached, peer, child, nextLine };
}

export async function stopServers(s: Servers): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.stdin?.end();
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
