// Child API processes for the multi-process and crash tests: against the shared test Neo4j through NEO4J_URI, or (the
// `npm start` path) with a local Neo4j the child starts and supervises itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RUNTIME_PRELOAD } from '../../server/src/app.js';
import { repoRoot } from '../../server/src/config.js';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the child printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL: no clean shutdown, in-flight requests are cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./api-process.ts', import.meta.url));
const SUPERVISED_ENTRY = fileURLToPath(new URL('./supervised-api-process.ts', import.meta.url));

export function startApiProcess(neo4j: { uri: string; user: string; password: string }, env: Record<string, string> = {}): Promise<ApiProcess> {
  return spawnApiProcess(ENTRY, { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, ...env });
}

/** An API process that starts and supervises its own Neo4j in dataDir, as `npm start` does (no NEO4J_URI). */
export function startSupervisedApiProcess(dataDir: string): Promise<ApiProcess> {
  const env = { ...process.env };
  delete env.NEO4J_URI;
  return spawnApiProcess(SUPERVISED_ENTRY, { ATLAS_DATA_DIR: dataDir }, env);
}

async function spawnApiProcess(entry: string, env: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RUNTIME_PRELOAD, entry], {
    cwd: repoRoot,
    env: { ...base, NODE_ENV: 'test', ATLAS_LOG_LEVEL: 'silent', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API process did not start within 240 s:\n${output}`)), 240_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /ATLAS_LISTENING (\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API process exited (${code}) before serving:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
