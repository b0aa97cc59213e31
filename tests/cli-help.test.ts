// Every command-line tool answers --help with its usage (exit 0) and refuses a flag it does not know (exit 2, naming
// the flag), in both cases before it opens a database: no Neo4j is started here.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../server/src/config.js';

const run = promisify(execFile);

const CLIS = [
  'scripts/emit-schema.ts',
  'scripts/export.ts',
  'scripts/import.ts',
  'scripts/map-export.ts',
  'scripts/map-import.ts',
  'scripts/user-add.ts',
  'scripts/digest.ts',
  'scripts/neo4j/run.ts',
  'graph-seed/cli.ts',
  'graph-seed/check-cli.ts',
  'bench/run.ts',
  'bench/generate.ts',
  'bench/load-probe.ts',
  'bench/after-write-profile.ts',
  'bench/uncached-profile.ts',
];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(file: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repoRoot, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.each(CLIS)('%s', (file) => {
  it('--help prints the usage and exits 0', { timeout: 90_000 }, async () => {
    const { code, stdout } = await cli(file, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: \S/);
  });

  it('an unknown flag is named, the usage follows, and the exit code is 2', { timeout: 90_000 }, async () => {
    const { code, stdout, stderr } = await cli(file, '--no-such-flag');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown option '--no-such-flag'/);
    expect(stderr).toMatch(/\n\nUsage: \S/);
    expect(stdout).toBe('');
  });
});
