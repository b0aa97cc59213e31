// The code under test: normally the working tree. Work in progress can leave it unable to start; then the last commit
// (HEAD) is exported to a temp folder (git archive, node_modules linked) and measured instead, and the report says so.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

type SupplyGraphRepository = typeof import('../server/src/supply-graph/supply-graph.repository.js');
type ScenarioRun = typeof import('../server/src/scenario/run.js');

export const app = {
  root: repoRoot,
  note: 'the working tree',
  snapshotDir: null as string | null,
  dependency: null as unknown as SupplyGraphRepository,
  fetchScenarioGraph: null as unknown as SupplyGraphRepository['fetchSupplyGraph'],
  runScenario: null as unknown as ScenarioRun['runScenario'],
};

export async function loadAppModules(): Promise<void> {
  const from = (rel: string) => pathToFileURL(`${app.root}${rel}`).href;
  // One supply graph (server/src/supply-graph): the dependency queries and the scenario engine's fetch are the same module.
  app.dependency = await import(from('server/src/supply-graph/supply-graph.repository.ts'));
  app.fetchScenarioGraph = app.dependency.fetchSupplyGraph;
  app.runScenario = (await import(from('server/src/scenario/run.ts'))).runScenario;
}

/** Switches to HEAD, exported to a temp folder; `reason` says why (shown in the report). */
export function useHead(reason: string): void {
  const dir = mkdtempSync(`${os.tmpdir()}/atlas-bench-head-`);
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${dir}"`], { cwd: repoRoot });
  symlinkSync(`${repoRoot}node_modules`, `${dir}/node_modules`);
  mkdirSync(`${dir}/bench`, { recursive: true });
  copyFileSync(`${repoRoot}bench/servers.ts`, `${dir}/bench/servers.ts`);
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  app.snapshotDir = dir;
  app.root = `${dir}/`;
  app.note = `commit ${head} (HEAD), exported to a temp folder, because the working tree's server did not start during the run (${reason})`;
}

export function removeSnapshot(): void {
  if (app.snapshotDir) rmSync(app.snapshotDir, { recursive: true, force: true });
}
