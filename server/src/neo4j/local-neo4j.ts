// A real local Neo4j Community server (5.26 LTS, embedded engine + Bolt) in its own JVM, fetched once from Maven Central.
// The Java side lives in scripts/neo4j/: pom.xml resolves the jars, AtlasNeo4j.java is the launcher.
// Fetching and caching it is neo4j-install.ts; this module starts and stops the process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_TIMEOUT_MS, ensureNeo4jInstalled, JVM_FLAGS, neo4jVersion, noop, seconds, STOP_GRACE_MS } from './neo4j-install.js';

export { DEFAULT_NEO4J_VERSION, ensureNeo4jInstalled, neo4jVersion } from './neo4j-install.js';

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** The data folder and Bolt port, so a restart can reuse both (see supervisor.ts). */
  dataDir: string;
  boltPort: number;
  /** Settles when the JVM is gone, for whatever reason (stop(), a crash, a kill -9). */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** Default: a free port found by listening on 0. */
  boltPort?: number;
  password: string;
  log?: (line: string) => void;
  /** JVM heap (-Xmx) in MiB; default 1024. The page cache comes on top of it. */
  heapMb?: number;
  /** Neo4j page cache in MiB; default 256. */
  pageCacheMb?: number;
  /** How long to wait for Bolt; default 120 000 ms. */
  timeoutMs?: number;
}

/** A port that was free a moment ago (the OS picks it; there is a small race until Neo4j binds it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

/**
 * Starts Neo4j on dataDir and resolves once Bolt accepts connections as `neo4j`/password.
 * Nothing global is registered: the caller owns the instance and must stop() it (if this process dies
 * instead, the JVM notices its stdin closing and shuts itself down).
 */
export async function startLocalNeo4j(opts: StartOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? noop;
  const classpath = await ensureNeo4jInstalled(log);
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = opts.boltPort ?? (await findFreePort());
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  log(`Starting Neo4j ${neo4jVersion()} on bolt://127.0.0.1:${port} (data in ${dataDir})…`);

  const child = spawn(
    'java',
    [
      `-Xmx${opts.heapMb ?? 1024}m`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'AtlasNeo4j',
      '--data',
      dataDir,
      '--bolt-port',
      String(port),
      '--pagecache',
      `${opts.pageCacheMb ?? 256}m`,
    ],
    {
      cwd: dataDir,
      // The password goes through the environment so that it does not show up in `ps`.
      env: { ...process.env, ATLAS_NEO4J_PASSWORD: opts.password },
      // stdin stays open: the JVM shuts itself down at EOF, i.e. when this process is gone.
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the terminal reaches the app, which stops Neo4j in order (API first).
      detached: true,
    },
  );

  let exitInfo: ExitInfo | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      exitInfo = { code, signal };
      resolve();
    });
  });
  // Writing nothing, stdin can only fail with EPIPE after the JVM is gone, which the exit handler covers.
  child.stdin?.on('error', noop);
  const hasExited = (): boolean => exitInfo !== null;

  let uri: string;
  try {
    uri = await waitForReady(child, { port, dataDir, timeoutMs, log, exitInfo: () => exitInfo });
  } catch (error) {
    await terminate(child, exited, hasExited);
    throw error;
  }
  log(`Neo4j ready at ${uri} in ${seconds(started)} (pid ${child.pid}).`);

  let stopping: Promise<void> | null = null;
  return {
    uri,
    user: 'neo4j',
    password: opts.password,
    pid: child.pid as number,
    dataDir,
    boltPort: port,
    exited: exited.then(() => exitInfo!),
    stop: (): Promise<void> => {
      stopping ??= (async () => {
        const t0 = Date.now();
        const wasRunning = !hasExited();
        await terminate(child, exited, hasExited);
        if (wasRunning) log(`Neo4j stopped in ${seconds(t0)}.`);
      })();
      return stopping;
    },
  };
}

interface ReadyWait {
  port: number;
  dataDir: string;
  timeoutMs: number;
  log: (line: string) => void;
  exitInfo: () => ExitInfo | null;
}

/** Resolves with the Bolt URI from the READY line; rejects with the JVM's and Neo4j's last words. */
function waitForReady(child: ChildProcess, wait: ReadyWait): Promise<string> {
  const stderrTail: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(message + diagnostics(stderrTail, wait.dataDir)));
    };
    const timer = setTimeout(() => {
      fail(`Neo4j did not report ready on port ${wait.port} within ${wait.timeoutMs / 1000} s.`);
    }, wait.timeoutMs);

    // Both streams keep being drained (and logged) after start-up, so the JVM never blocks on a full pipe.
    onLines(child.stdout!, (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line);
      if (ready && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(ready[1]!);
        return;
      }
      wait.log(line);
    });
    onLines(child.stderr!, (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
      wait.log(line);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'ENOENT' ? 'java not found; Neo4j needs Java 17 on PATH.' : `Could not start java: ${error.message}`);
    });
    child.once('exit', () => {
      const info = wait.exitInfo();
      // The launcher prints "NEO4J_ERROR <plain explanation>" for failures it understands (locked data dir, busy port).
      const known = stderrTail.find((line) => line.startsWith('NEO4J_ERROR '));
      const how = info?.signal ? `signal ${info.signal}` : `exit code ${info?.code}`;
      fail(known ? known.slice('NEO4J_ERROR '.length) : `Neo4j exited during start-up (${how}).`);
    });
  });
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
async function terminate(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (!hasExited()) {
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const graceful = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!graceful) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  child.stdin?.destroy();
  child.stdout?.destroy();
  child.stderr?.destroy();
}

function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      if (line !== '') onLine(line);
    }
  });
  stream.on('end', () => {
    if (buffered !== '') onLine(buffered);
  });
}

function diagnostics(stderrTail: string[], dataDir: string): string {
  const parts: string[] = [];
  // Stack traces are long; the first lines ("NEO4J_ERROR", "Caused by") say the most.
  const interesting = stderrTail.filter((line) => !/^\s+at /.test(line));
  if (interesting.length > 0) parts.push(`\n--- JVM stderr (last lines) ---\n${interesting.slice(-20).join('\n')}`);
  return parts.join('') + neo4jLogTail(dataDir);
}

/** The last lines of Neo4j's own debug log in dataDir ('' when there is none), for crash reports. */
export function neo4jLogTail(dataDir: string, lines = 15): string {
  const debugLog = path.join(dataDir, 'logs', 'debug.log');
  if (!existsSync(debugLog)) return '';
  const tail = readFileSync(debugLog, 'utf8').trimEnd().split('\n').slice(-lines);
  return `\n--- ${debugLog} (last lines) ---\n${tail.join('\n')}`;
}
