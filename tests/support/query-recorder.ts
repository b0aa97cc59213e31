// The query texts a repository sends, recorded while its integration test runs and compared with
// tests/repository-queries/<domain>/<name>.cypher: a change to a query shows in review as a change to that file
// (readable Cypher, labels filled in), not only as a template-string diff. Only the queries whose innermost repository
// frame on the call stack is the repository under test count, so fixtures the test writes itself and queries of
// other repositories it calls are left out. After an intended change run the test with `-u` and commit the file.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Database, WriteTx } from '../../server/src/db/database.js';

const REPOSITORY_FRAME = /server\/src\/([\w./-]+?\.repository)\.ts/;

export class QueryRecorder {
  readonly #texts = new Set<string>();

  /** `repository`: the path under server/src without `.ts`, e.g. 'backup/backup.repository'. */
  constructor(readonly repository: string) {}

  /** The same database, with every query the repository under test sends recorded. */
  wrap(db: Database): Database {
    const note = (cypher: string) => {
      if (this.#sentByRepository()) this.#texts.add(normalise(cypher));
    };
    const wrapTx = (tx: WriteTx): WriteTx => ({
      run: (cypher, params) => {
        note(cypher);
        return tx.run(cypher, params);
      },
      ...(tx.touch ? { touch: (ids: readonly (string | null | undefined)[]) => tx.touch!(ids) } : {}),
    });
    return new Proxy(db, {
      get: (target, property) => {
        switch (property) {
          case 'read':
            return (cypher: string, params?: Record<string, unknown>) => (note(cypher), target.read(cypher, params));
          case 'write':
            return (cypher: string, params?: Record<string, unknown>) => (note(cypher), target.write(cypher, params));
          case 'schema':
            return (cypher: string) => (note(cypher), target.schema(cypher));
          case 'readTransaction':
            return <T>(work: (tx: WriteTx) => Promise<T>) => target.readTransaction((tx) => work(wrapTx(tx)));
          case 'writeTransaction':
            return <T>(work: (tx: WriteTx) => Promise<T>) => target.writeTransaction((tx) => work(wrapTx(tx)));
          default: {
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          }
        }
      },
    });
  }

  /** Every recorded text, sorted, each ending with `;`. */
  render(): string {
    const texts = [...this.#texts].sort();
    return `// Sent by server/src/${this.repository}.ts in its integration test (${texts.length}, sorted).\n\n${texts.map((t) => `${t};\n`).join('\n')}`;
  }

  /** Registers the last test of the file: the recorded texts equal the committed snapshot. */
  snapshotTest(): void {
    it(`sends the query texts of tests/repository-queries/${this.repository}.cypher`, async () => {
      expect(this.#texts.size, 'no query of the repository was recorded: is the database wrapped?').toBeGreaterThan(0);
      // Absolute: a relative path would be taken from the test file beside the repository.
      const file = fileURLToPath(new URL(`../repository-queries/${this.repository}.cypher`, import.meta.url));
      await expect(this.render()).toMatchFileSnapshot(file);
    });
  }

  #sentByRepository(): boolean {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    for (const line of stack.split('\n')) {
      const match = REPOSITORY_FRAME.exec(line);
      if (match) return match[1] === this.repository;
    }
    return false;
  }
}

/** Indentation taken off (template strings inherit the code's), trailing spaces and blank edges dropped. */
function normalise(cypher: string): string {
  const lines = cypher
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length), Infinity);
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => (l.trim() ? l.slice(Number.isFinite(indent) ? indent : 0).trimEnd() : ''))].join('\n');
}
