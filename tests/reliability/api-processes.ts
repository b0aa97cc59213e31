// Child API processes for the multi-process tests, against the shared test Neo4j through NEO4J_URI.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RUNTIME_PRELOAD } from '../../server/src/app.js';
import { repoRoot } from '../../server/src/config.js';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no clean shutdown, in-flight requests are cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./api-process.ts', import.meta.url));

export async function startApiProcess(neo4j: { uri: string; user: string; password: string }, env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RUNTIME_PRELOAD, ENTRY], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      ATLAS_LOG_LEVEL: 'silent',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API process did not start within 120 s:\n${output}`)), 120_000);
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
