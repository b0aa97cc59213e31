// A real local Neo4j Community server (5.26 LTS, embedded engine + Bolt) in its own JVM, fetched once from Maven Central.
// The Java side lives in scripts/neo4j/: pom.xml resolves the jars, AtlasNeo4j.java is the launcher.
// Everything is cached in the git-ignored .cache/neo4j, so only the very first call touches the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
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

/**
 * Newest 5.26 LTS patch on Maven Central when pinned (5.26.27 was never published; early 5.26 patches had
 * variable-length path regressions). Keep in sync with <neo4j.version> in scripts/neo4j/pom.xml.
 */
export const DEFAULT_NEO4J_VERSION = '5.26.31';

const DEFAULT_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 30_000;
const LOCK_STALE_MS = 20 * 60_000;

// Found from this file, not process.cwd(): callers run from anywhere (tests, scripts, the server).
const repoRoot: string = fileURLToPath(new URL('../../..', import.meta.url));
const launcherDir: string = path.join(repoRoot, 'scripts', 'neo4j');
const pomFile: string = path.join(launcherDir, 'pom.xml');
const launcherSource: string = path.join(launcherDir, 'AtlasNeo4j.java');
const cacheRoot: string = path.join(repoRoot, '.cache', 'neo4j');
const mavenRepo: string = path.join(cacheRoot, 'm2');

// The same opens the Neo4j server scripts pass on Java 17; without them Neo4j falls back to slower code paths.
const JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

const noop = (): void => {};

/** The Neo4j version to run: NEO4J_VERSION if set, else the pinned default. */
export function neo4jVersion(): string {
  const version = process.env.NEO4J_VERSION?.trim() || DEFAULT_NEO4J_VERSION;
  // It becomes part of cache paths and a Maven property, so only plain dotted numbers are accepted.
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`NEO4J_VERSION must look like ${DEFAULT_NEO4J_VERSION}, got "${version}".`);
  }
  return version;
}

/** One in-flight install per version and process; other processes are kept out by a lock directory. */
const installs = new Map<string, Promise<string>>();

/**
 * Makes sure the Neo4j jars and the compiled launcher are in .cache/neo4j/<version> and returns the Java
 * classpath (launcher classes first, then the Neo4j jars). Only the first call ever touches the network.
 */
export function ensureNeo4jInstalled(log: (line: string) => void = noop): Promise<string> {
  let version: string;
  try {
    version = neo4jVersion();
  } catch (error) {
    return Promise.reject(error);
  }
  let install = installs.get(version);
  if (!install) {
    install = installVersion(version, log);
    installs.set(version, install);
    // A failed install may be retried by a later call (e.g. once the network is back).
    install.catch(() => installs.delete(version));
  }
  return install;
}

async function installVersion(version: string, log: (line: string) => void): Promise<string> {
  const versionDir = path.join(cacheRoot, version);
  const cached = await cachedClasspath(versionDir);
  if (cached) return cached;
  await mkdir(versionDir, { recursive: true });
  const release = await acquireLock(path.join(versionDir, '.lock'), log);
  try {
    // Another process may have done (part of) the work while we waited for the lock.
    const jars = (await cachedJars(versionDir)) ?? (await resolveJars(version, versionDir, log));
    const classes = await compileLauncher(versionDir, jars, log);
    return [classes, ...jars].join(path.delimiter);
  } finally {
    await release();
  }
}

/** The full classpath if the jars and a launcher compiled from the current source are all present. */
async function cachedClasspath(versionDir: string): Promise<string | null> {
  const jars = await cachedJars(versionDir);
  if (!jars) return null;
  const classes = path.join(versionDir, `launcher-${await launcherHash()}`);
  if (!existsSync(path.join(classes, 'AtlasNeo4j.class'))) return null;
  return [classes, ...jars].join(path.delimiter);
}

async function cachedJars(versionDir: string): Promise<string[] | null> {
  const file = path.join(versionDir, 'classpath.txt');
  if (!existsSync(file)) return null;
  const jars = splitClasspath(await readFile(file, 'utf8'));
  if (jars.length === 0 || !jars.every((jar) => existsSync(jar))) return null;
  return jars;
}

async function resolveJars(version: string, versionDir: string, log: (line: string) => void): Promise<string[]> {
  log(`Fetching Neo4j ${version} from Maven Central (first run only, ~150 MB)…`);
  const started = Date.now();
  const tmpFile = path.join(versionDir, `classpath.txt.${process.pid}.tmp`);
  // Maven says nothing useful with -q, so progress is reported from the size of its local repository.
  const progress = setInterval(() => {
    void directorySize(mavenRepo).then((bytes) => log(`  … ${megabytes(bytes)} in the Maven cache so far`));
  }, 15_000);
  try {
    await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        pomFile,
        `-Dmaven.repo.local=${mavenRepo}`,
        `-Dneo4j.version=${version}`,
        'dependency:build-classpath',
        '-Dmdep.includeScope=runtime',
        `-Dmdep.outputFile=${tmpFile}`,
      ],
      'Maven (mvn) is needed once to fetch Neo4j; install it or put it on PATH.',
    );
  } finally {
    clearInterval(progress);
  }
  const jars = splitClasspath(await readFile(tmpFile, 'utf8'));
  if (!jars.some((jar) => path.basename(jar) === `neo4j-${version}.jar`)) {
    throw new Error(`Maven resolved no neo4j-${version}.jar; see ${pomFile}.`);
  }
  await rename(tmpFile, path.join(versionDir, 'classpath.txt'));
  log(`Fetched Neo4j ${version}: ${jars.length} jars (${megabytes(await totalSize(jars))}) in ${seconds(started)}.`);
  return jars;
}

/** Compiles AtlasNeo4j.java once per source content, so a JVM start skips the (slow) source launcher. */
async function compileLauncher(versionDir: string, jars: string[], log: (line: string) => void): Promise<string> {
  const classes = path.join(versionDir, `launcher-${await launcherHash()}`);
  if (existsSync(path.join(classes, 'AtlasNeo4j.class'))) return classes;
  log('Compiling the Neo4j launcher…');
  const tmpDir = `${classes}.${process.pid}.tmp`;
  await rm(tmpDir, { recursive: true, force: true });
  await run(
    'javac',
    ['--release', '17', '-nowarn', '-d', tmpDir, '-cp', jars.join(path.delimiter), launcherSource],
    'javac (a Java 17 JDK) is needed to run Neo4j; install it or put it on PATH.',
  );
  // Builds of an older launcher source are dead weight now (we hold the lock, so nobody is compiling them).
  for (const entry of await readdir(versionDir)) {
    if (entry.startsWith('launcher-') && !entry.endsWith('.tmp')) {
      await rm(path.join(versionDir, entry), { recursive: true, force: true });
    }
  }
  await rename(tmpDir, classes);
  return classes;
}

let launcherHashPromise: Promise<string> | null = null;
function launcherHash(): Promise<string> {
  launcherHashPromise ??= readFile(launcherSource).then((source) =>
    createHash('sha256').update(source).digest('hex').slice(0, 12),
  );
  return launcherHashPromise;
}

/** A cross-process mutex: mkdir is atomic; a lock older than LOCK_STALE_MS was left by a dead process. */
async function acquireLock(lockDir: string, log: (line: string) => void): Promise<() => Promise<void>> {
  let announced = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      return () => rm(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockDir).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log('Another process is installing Neo4j; waiting for it…');
        announced = true;
      }
      await sleep(500);
    }
  }
}

/** Runs a tool to completion; on failure the error carries the tail of its output. */
function run(command: string, args: string[], missingHint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (chunk: Buffer): void => {
      output.push(chunk.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`${command} not found. ${missingHint}`) : error);
    });
    child.on('close', (code: number | null) => {
      if (code === 0) return resolve();
      const tail = output.join('').trim().split('\n').slice(-30).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${tail}`));
    });
  });
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

type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

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
  const debugLog = path.join(dataDir, 'logs', 'debug.log');
  if (existsSync(debugLog)) {
    const lines = readFileSync(debugLog, 'utf8').trimEnd().split('\n').slice(-15);
    parts.push(`\n--- ${debugLog} (last lines) ---\n${lines.join('\n')}`);
  }
  return parts.join('');
}

function splitClasspath(text: string): string[] {
  return text
    .trim()
    .split(path.delimiter)
    .filter((entry) => entry !== '');
}

async function directorySize(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(full);
    else if (entry.isFile()) total += (await stat(full).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

async function totalSize(files: string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
