// Every repository (all the Cypher of a domain) has an integration test beside it that records its query texts
// (tests/support/query-recorder.ts), and every committed query snapshot belongs to a repository that still exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = join(ROOT, 'server/src');
const SNAPSHOTS = join(ROOT, 'tests/repository-queries');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => relative(dir, join(dir, f)).replaceAll('\\', '/'))
    .sort();
}

const repositories = filesUnder(SERVER, '.repository.ts').map((f) => f.replace(/\.ts$/, ''));

describe('repositories and their tests', () => {
  it('finds the repositories', () => {
    expect(repositories.length).toBeGreaterThan(30);
  });

  it('gives each repository an integration test beside it that records its query texts', () => {
    const missing = repositories.filter((repository) => {
      const test = join(SERVER, `${repository}.int.test.ts`);
      return !existsSync(test) || !readFileSync(test, 'utf8').includes(`new QueryRecorder('${repository}')`);
    });
    expect(missing, 'add <name>.repository.int.test.ts with a QueryRecorder (see tests/support/query-recorder.ts)').toEqual([]);
  });

  it('keeps no query snapshot of a repository that is gone', () => {
    const orphans = filesUnder(SNAPSHOTS, '.cypher')
      .map((f) => f.replace(/\.cypher$/, ''))
      .filter((f) => !repositories.includes(f));
    expect(orphans).toEqual([]);
  });
});
