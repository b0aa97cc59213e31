// Configuration is read and validated once, here; everything else receives a Config.
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
}

export interface Config {
  port: number;
  host: string;
  /** An existing Neo4j to use; when absent the app starts its own local one. */
  neo4j: Neo4jTarget | null;
  database: string;
  /** Where the local Neo4j keeps its data and generated password. */
  dataDir: string;
  repoRoot: string;
  production: boolean;
  /** ATLAS_READ_ONLY=true: a demo where every mutation is refused (sign-in still works). */
  readOnly: boolean;
  /** Anonymous visitors may read (writes always need a signed-in analyst); see readPublicRead. */
  publicRead: boolean;
  /** Why publicRead is what it is, for the start-up line: the setting, or the loopback default. */
  publicReadBecause: 'ATLAS_PUBLIC_READ' | 'loopback only';
  /** ATLAS_SESSION_HOURS (default 12): how long a sign-in lasts. */
  sessionHours: number;
  /** GraphQL introspection: ATLAS_INTROSPECTION=true|false; default on except in production. */
  introspection: boolean;
  /**
   * ATLAS_VERSION_CHECK_MS (default 1000): how stale this instance's idea of the data version may get before a cached
   * read asks Neo4j again. Our own writes are seen at once; another instance's writes within this many ms.
   */
  versionCheckMs: number;
  /** ATLAS_RESULT_CACHE=false turns off caching of derived results (for measuring the uncached path); default on. */
  resultCache: boolean;
  /**
   * ATLAS_ALLOWED_HOSTS: comma-separated Host header values the server answers ("atlas.example.org", or with a port).
   * Unset: the loopback names with the listening port when HOST is loopback; no check on any other HOST.
   */
  allowedHosts: string[] | null;
  /** ATLAS_WARM_AFTER_WRITE_MS (default 3000): quiet time after a write before whole-graph results are rebuilt in the background. */
  warmAfterWriteMs: number;
  /** ATLAS_DB_WAIT_MS (default 5000): how long a request waits for an unreachable Neo4j before SERVICE_UNAVAILABLE (db/connect.ts). */
  dbWaitMs: number;
  /** ATLAS_CHROMIUM (default /usr/bin/chromium): the headless Chromium that prints briefings as PDF (briefing/pdf.ts). */
  chromiumPath: string;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}".`);
  }
  let neo4j: Neo4jTarget | null = null;
  if (env.NEO4J_URI) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(env.NEO4J_URI)) {
      throw new ConfigError(`NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s://, got "${env.NEO4J_URI}".`);
    }
    if (!env.NEO4J_PASSWORD) throw new ConfigError('NEO4J_URI is set, so NEO4J_PASSWORD must be set too.');
    neo4j = { uri: env.NEO4J_URI, user: env.NEO4J_USER || 'neo4j', password: env.NEO4J_PASSWORD };
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    neo4j,
    database: env.NEO4J_DATABASE || 'neo4j',
    dataDir: env.ATLAS_DATA_DIR || `${repoRoot}.data`,
    repoRoot,
    production: env.NODE_ENV === 'production',
    readOnly: readFlag(env, 'ATLAS_READ_ONLY'),
    publicRead: readPublicRead(env, env.HOST || '127.0.0.1'),
    publicReadBecause: env.ATLAS_PUBLIC_READ?.trim() ? 'ATLAS_PUBLIC_READ' : 'loopback only',
    sessionHours: readSessionHours(env),
    introspection: readIntrospection(env),
    versionCheckMs: readMillis(env, 'ATLAS_VERSION_CHECK_MS', 1000),
    warmAfterWriteMs: readMillis(env, 'ATLAS_WARM_AFTER_WRITE_MS', 3000),
    dbWaitMs: Math.max(1000, readMillis(env, 'ATLAS_DB_WAIT_MS', 5000)),
    allowedHosts: readAllowedHosts(env),
    chromiumPath: readChromiumPath(env),
    resultCache: env.ATLAS_RESULT_CACHE === undefined || env.ATLAS_RESULT_CACHE.trim() === '' ? true : readFlag(env, 'ATLAS_RESULT_CACHE'),
  };
}

function readAllowedHosts(env: NodeJS.ProcessEnv): string[] | null {
  const raw = env.ATLAS_ALLOWED_HOSTS?.trim();
  if (!raw) return null;
  const hosts = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find((h) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h));
  if (bad !== undefined) throw new ConfigError(`ATLAS_ALLOWED_HOSTS must list host names, optionally with :port, separated by commas; "${bad}" is not one.`);
  return hosts;
}

function readMillis(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from 0 to 60000, got "${raw}".`);
  }
  return value;
}

function readIntrospection(env: NodeJS.ProcessEnv): boolean {
  const value = env.ATLAS_INTROSPECTION?.trim().toLowerCase();
  if (value === undefined || value === '') return env.NODE_ENV !== 'production';
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`ATLAS_INTROSPECTION must be true or false, got "${env.ATLAS_INTROSPECTION}".`);
}

/**
 * Anonymous reads: as ATLAS_PUBLIC_READ says; unset, open only while the server listens on loopback, where the one
 * reader is the person at this machine (who can read the data folder anyway). Any other address closes them.
 */
function readPublicRead(env: NodeJS.ProcessEnv, host: string): boolean {
  if (env.ATLAS_PUBLIC_READ !== undefined && env.ATLAS_PUBLIC_READ.trim() !== '') return readFlag(env, 'ATLAS_PUBLIC_READ');
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function readFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}".`);
}

function readSessionHours(env: NodeJS.ProcessEnv): number {
  if (env.ATLAS_SESSION_HOURS === undefined || env.ATLAS_SESSION_HOURS === '') return 12;
  const hours = Number(env.ATLAS_SESSION_HOURS);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 720) {
    throw new ConfigError(`ATLAS_SESSION_HOURS must be a number of hours above 0 and at most 720, got "${env.ATLAS_SESSION_HOURS}".`);
  }
  return hours;
}

/** ATLAS_CHROMIUM: the Chromium executable (Debian's chromium package by default) for PDF briefings, the e2e tests and the web benchmark. */
export function readChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ATLAS_CHROMIUM?.trim() || '/usr/bin/chromium';
}

/** ATLAS_LOG_LEVEL (default info; silent under vitest, whose output the request log would drown). */
export function readLogLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.ATLAS_LOG_LEVEL?.trim() || (env.VITEST ? 'silent' : 'info');
}

/** ATLAS_SOURCE_MAPS=true keeps source-mapped stack traces (debugging); off by default (see graphql/runtime.ts). */
export function readSourceMaps(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ATLAS_SOURCE_MAPS?.trim().toLowerCase() === 'true';
}

/**
 * The folders server-side signal imports may read: ATLAS_IMPORT_DIR (several separated by the platform's path
 * delimiter), else `imports/` at the repository root. Read at each import, so tests and operators can point it elsewhere.
 */
export function readImportFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.ATLAS_IMPORT_DIR?.split(delimiter)
    .map((d) => d.trim())
    .filter(Boolean);
  return configured?.length ? configured.map((d) => resolve(d)) : [resolve(repoRoot, 'imports')];
}

/** The sign-in of the administrator created on a database without users (user/first-admin.ts). */
export const FIRST_ADMIN_EMAIL = 'admin@atlas.local';

/** ATLAS_ADMIN_EMAIL (default FIRST_ADMIN_EMAIL): the first administrator's sign-in. */
export function readFirstAdminEmail(env: NodeJS.ProcessEnv = process.env): string {
  return env.ATLAS_ADMIN_EMAIL?.trim() || FIRST_ADMIN_EMAIL;
}

/**
 * The Neo4j the app fetches and runs when it starts its own: the newest 5.26 LTS patch on Maven Central when pinned
 * (5.26.27 was never published; early 5.26 patches had variable-length path regressions). Keep in sync with
 * <neo4j.version> in scripts/neo4j/pom.xml.
 */
export const DEFAULT_NEO4J_VERSION = '5.26.31';

/** NEO4J_VERSION (default DEFAULT_NEO4J_VERSION): the local Neo4j to fetch and run. */
export function readNeo4jVersion(env: NodeJS.ProcessEnv = process.env): string {
  const version = env.NEO4J_VERSION?.trim() || DEFAULT_NEO4J_VERSION;
  // It becomes part of cache paths and a Maven property, so only plain dotted numbers are accepted.
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new ConfigError(`NEO4J_VERSION must look like ${DEFAULT_NEO4J_VERSION}, got "${version}".`);
  }
  return version;
}

/** BENCH_CONSOLE=1 echoes the benchmark page's console, for debugging the page. */
export function readBenchConsole(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.BENCH_CONSOLE?.trim());
}

/**
 * Runs `load` with NODE_ENV=production, then restores what the user set: graphql-js decides its development checks
 * once, when first loaded (see graphql/runtime.ts); nothing else may see the change.
 */
export function whileNodeEnvIsProduction(load: () => void): void {
  const original = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    load();
  } finally {
    if (original === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = original;
  }
}
