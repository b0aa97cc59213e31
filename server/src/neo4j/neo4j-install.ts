// Fetching Neo4j (5.26 LTS Community, embedded engine + Bolt) from Maven Central once, and compiling its launcher.
// Everything is cached in the git-ignored .cache/neo4j, so only the very first call touches the network.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNeo4jVersion } from '../config.js';

export { DEFAULT_NEO4J_VERSION } from '../config.js';

// How long a starting Neo4j may take to report ready. A quiet 2-core machine needs 25–40 s; a loaded one (other test
// suites, a benchmark) has been seen past 120 s, and failing then only makes the caller start again from scratch.
export const DEFAULT_TIMEOUT_MS = 300_000;
export const STOP_GRACE_MS = 30_000;
const LOCK_STALE_MS = 20 * 60_000;

// Found from this file, not process.cwd(): callers run from anywhere (tests, scripts, the server).
const repoRoot: string = fileURLToPath(new URL('../../..', import.meta.url));
const launcherDir: string = path.join(repoRoot, 'scripts', 'neo4j');
const pomFile: string = path.join(launcherDir, 'pom.xml');
const launcherSource: string = path.join(launcherDir, 'AtlasNeo4j.java');
const cacheRoot: string = path.join(repoRoot, '.cache', 'neo4j');
const mavenRepo: string = path.join(cacheRoot, 'm2');

// The same opens the Neo4j server scripts pass on Java 17; without them Neo4j falls back to slower code paths.
export const JVM_FLAGS: readonly string[] = [
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

export const noop = (): void => {};

/** The Neo4j version to run: NEO4J_VERSION if set, else the pinned default. */
export function neo4jVersion(): string {
  return readNeo4jVersion();
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
  launcherHashPromise ??= readFile(launcherSource).then((source) => createHash('sha256').update(source).digest('hex').slice(0, 12));
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
