// Getting a Neo4j to talk to: the one named by NEO4J_URI, the local one `npm start` already runs,
// or a local one started now (fetched from Maven Central on first use). Used by `npm start` and the CLIs.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { Config, Neo4jTarget } from './config.js';
import { connect } from './db/connect.js';
import { Database } from './db/database.js';
import { neo4jLogTail, startLocalNeo4j } from './neo4j/local-neo4j.js';
import { superviseNeo4j, type SupervisedNeo4j } from './neo4j/supervisor.js';

export interface OpenDatabase {
  db: Database;
  driver: Driver;
  target: Neo4jTarget;
  /** The local Neo4j this process started and watches (restarted after a crash), if any; stopped by close(). */
  local: SupervisedNeo4j | null;
  close(): Promise<void>;
}

interface RuntimeInfo {
  uri: string;
  pid: number;
}

function passwordFor(dataDir: string): string {
  const file = `${dataDir}/neo4j-password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(config: Config, log: (line: string) => void, options: { reuseRunning?: boolean } = {}): Promise<OpenDatabase> {
  let local: SupervisedNeo4j | null = null;
  let target: Neo4jTarget;
  const runtimeFile = `${config.dataDir}/neo4j-runtime.json`;
  if (config.neo4j) {
    target = config.neo4j;
    log(`Using the Neo4j at ${target.uri} (from NEO4J_URI).`);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    const password = passwordFor(config.dataDir);
    const running = existsSync(runtimeFile) ? (JSON.parse(readFileSync(runtimeFile, 'utf8')) as RuntimeInfo) : null;
    if (running && alive(running.pid)) {
      if (!options.reuseRunning) {
        throw new Error(
          `A local Neo4j (pid ${running.pid}) already runs on ${config.dataDir}: is \`npm start\` running in another terminal? ` +
            `Stop it first, or set NEO4J_URI.`,
        );
      }
      target = { uri: running.uri, user: 'neo4j', password };
      log(`Using the local Neo4j already running at ${running.uri}.`);
    } else {
      const dataDir = `${config.dataDir}/neo4j`;
      let boltPort: number | undefined;
      const remember = (neo4j: { uri: string; pid: number }) =>
        writeFileSync(runtimeFile, JSON.stringify({ uri: neo4j.uri, pid: neo4j.pid } satisfies RuntimeInfo));
      // Restarts reuse the first start's port, so the driver (and the runtime file's URI) stay valid.
      local = await superviseNeo4j({
        start: async () => {
          const started = await startLocalNeo4j({ dataDir, password, log, boltPort });
          boltPort = started.boltPort;
          return started;
        },
        log,
        logTail: (dir) => neo4jLogTail(dir, 10),
        onRestarted: remember,
      });
      const first = local.current();
      target = { uri: first.uri, user: first.user, password: first.password };
      remember(first);
      log(`Local Neo4j running at ${first.uri} (data in ${dataDir}).`);
    }
  }
  let driver: Driver;
  try {
    driver = await connect(target, { log, waitMs: config.dbWaitMs });
  } catch (error) {
    await local?.stop();
    throw error;
  }
  const db = new Database(driver, config.database, undefined, {
    versionCheckMs: config.versionCheckMs,
    resultCache: config.resultCache,
    warmAfterWriteMs: config.warmAfterWriteMs,
  });
  return {
    db,
    driver,
    target,
    local,
    close: async () => {
      await driver.close();
      if (local) {
        await local.stop();
        rmSync(runtimeFile, { force: true });
      }
    },
  };
}
