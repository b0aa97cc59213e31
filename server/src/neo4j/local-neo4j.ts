// Obtaining, starting and stopping the local Neo4j (5.26 LTS Community, embedded engine + Bolt in its own JVM).
// Maven fetches it once into the git-ignored .cache/neo4j; later starts are offline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
  /** Default: a free port. */
  boltPort?: number;
  password: string;
  log?: (line: string) => void;
  /** JVM heap; the page cache comes on top (256 MB by default). */
  heapMb?: number;
  pageCacheMb?: number;
  /** How long to wait for Bolt (default 120 s). */
  timeoutMs?: number;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cacheDir = `${repoRoot}.cache/neo4j`;
const pom = `${repoRoot}scripts/neo4j/pom.xml`;
const launcherSource = `${repoRoot}scripts/neo4j/AtlasNeo4j.java`;
const DEFAULT_VERSION = '5.26.31';
const version = process.env.NEO4J_VERSION || DEFAULT_VERSION;

// Neo4j on Java 17 needs these opens (as its own start scripts pass).
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw new Error(`${what} failed: could not run ${command} (${result.error.message}). Is it installed and on PATH?`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${(result.stdout + result.stderr).trim().split('\n').slice(-20).join('\n')}`);
}

/** Fetches Neo4j (first run only) and compiles the launcher; returns the classpath. Idempotent and offline once cached. */
export async function ensureNeo4jInstalled(log: (line: string) => void = () => {}): Promise<string> {
  const classpathFile = `${cacheDir}/classpath-${version}.txt`;
  const classesDir = `${cacheDir}/classes`;
  const compiled = `${classesDir}/AtlasNeo4j.class`;
  mkdirSync(cacheDir, { recursive: true });
  let classpath = existsSync(classpathFile) ? readFileSync(classpathFile, 'utf8').trim() : '';
  if (!classpath || classpath.split(':').some((jar) => !existsSync(jar))) {
    log(`Fetching Neo4j ${version} Community from Maven Central (first run only, about 150 MB)…`);
    const started = Date.now();
    run(
      'mvn',
      ['-B', '-q', '-f', pom, `-Dneo4j.version=${version}`, `-Dmaven.repo.local=${cacheDir}/m2`, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      'Fetching Neo4j with Maven',
    );
    classpath = readFileSync(classpathFile, 'utf8').trim();
    log(`Neo4j ${version} fetched in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(launcherSource).mtimeMs) {
    log('Compiling the Neo4j launcher…');
    mkdirSync(classesDir, { recursive: true });
    run('javac', ['-cp', classpath, '-d', classesDir, launcherSource], 'Compiling scripts/neo4j/AtlasNeo4j.java');
  }
  return `${classesDir}:${classpath}`;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startLocalNeo4j(options: StartOptions): Promise<LocalNeo4j> {
  const { dataDir, password, log = () => {}, heapMb = 1024, pageCacheMb = 256, timeoutMs = 120_000 } = options;
  const classpath = await ensureNeo4jInstalled(log);
  const port = options.boltPort ?? (await findFreePort());
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${dataDir}/.atlas-neo4j`, `Neo4j ${version} data for Foresight Atlas\n`);
  const started = Date.now();
  const child = spawn(
    'java',
    [`-Xmx${heapMb}m`, ...JVM_FLAGS, '-cp', classpath, 'AtlasNeo4j', '--data', dataDir, '--bolt-port', String(port), '--password', password, '--pagecache-mb', String(pageCacheMb)],
    // stdin stays open: the JVM stops itself when it closes, so it never outlives this process.
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 30));
  });
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s. Last output:\n${stderrTail.join('\n')}\nLogs: ${dataDir}/logs`));
    }, timeoutMs);
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const match = /NEO4J_READY (\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const output = stderrTail.join('\n');
      const locked = /lock|FileLockException|already in use/i.test(output);
      reject(
        new Error(
          locked
            ? `The Neo4j data folder ${dataDir} is locked by another running Neo4j. Stop the other \`npm start\` (or the process using it) and retry.`
            : `Neo4j exited (code ${code}) before it was ready. Last output:\n${output}`,
        ),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start java: ${error.message}. Java 17 must be installed and on PATH.`));
    });
  });
  log(`Neo4j ${version} ready on ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: 'neo4j',
    password,
    pid: child.pid!,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
        if ((await Promise.race([exited(child), timeout])) === 'timeout') {
          child.kill('SIGKILL');
          await exited(child);
        }
      })();
      return stopping;
    },
  };
}
