// Against the throwaway Neo4j: an import plans each record (created, duplicate of a stored signal, rejected), writes
// nothing in a dry run, creates the new signals with their links in one go, and refuses unknown link targets whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { checkRecord } from './signal.intake.js';
import { runImport, type ImportWrite } from './signal.import.repository.js';
import type { RawSignal } from './signal.model.js';

const queries = new QueryRecorder('signal/signal.import.repository');
let db: Database;

const DEFAULTS = { steep: 'technological', status: 'new', observedAt: '2026-02-01' } as const;
const RECORDS: RawSignal[] = [
  { position: 1, line: 2, title: 'Drone swarms tested', url: 'https://news.example.org/swarms', publishedAt: '2026-01-10', targetIds: ['cap:defence'] },
  { position: 2, line: 3, title: 'The old page again', url: 'https://news.example.org/old', publishedAt: '2026-01-11' },
  { position: 3, line: 4, title: '', url: 'https://news.example.org/untitled', publishedAt: '2026-01-11' },
];
const job = (overrides: Partial<ImportWrite> = {}): ImportWrite => ({
  checked: RECORDS.map((r) => checkRecord(r, DEFAULTS)),
  linkTo: ['tech:drones'],
  relevance: 0.7,
  actor: { id: 'user:ana', name: 'Ana' },
  importedFrom: 'feed.xml',
  dryRun: false,
  ...overrides,
});
const signals = () =>
  db.read<{ id: string; importedFrom: string | null; createdBy: string | null; links: [string, number][] }>(
    `MATCH (s:Signal) RETURN s.id AS id, s.importedFrom AS importedFrom, s.createdBy AS createdBy,
            [(s)-[r:INDICATES]->(t) | [t.id, r.relevance]] AS links ORDER BY id`,
  );
const outcomes = (plan: Awaited<ReturnType<typeof runImport>>) => plan.map((p) => [p.position, p.outcome, p.signalId ?? p.duplicateOf ?? p.reason]);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:Entity:Technology {id: 'tech:drones', name: 'Drones'}), (:Entity:Capability {id: 'cap:defence', name: 'Defence'}),
            (:Entity:Signal {id: 'sig:old', name: 'Old news', url: 'https://news.example.org/old', publishedAt: '2026-01-01'})`,
  );
});
afterAll(closeTestDatabase);

describe('signal import', () => {
  const planned = [
    [1, 'created', 'sig:2026-01-10-drone-swarms-tested'],
    [2, 'duplicate', 'sig:old'],
    [3, 'rejected', 'title is missing.'],
  ];

  it('plans a dry run without writing anything, not even the stored signal’s keys', async () => {
    expect(outcomes(await runImport(db, job({ dryRun: true })))).toEqual(planned);
    expect(await signals()).toEqual([{ id: 'sig:old', importedFrom: null, createdBy: null, links: [] }]);
    expect(await db.read('MATCH (s:Signal) WHERE s.canonicalUrl IS NOT NULL RETURN s.id')).toEqual([]);
  });

  it('creates the new signal linked to its own targets and the import’s, with where it came from', async () => {
    expect(outcomes(await runImport(db, job()))).toEqual(planned);
    const [created, old] = await signals();
    expect(created).toMatchObject({ id: 'sig:2026-01-10-drone-swarms-tested', importedFrom: 'feed.xml', createdBy: 'Ana' });
    expect(created!.links.sort()).toEqual([
      ['cap:defence', 0.7],
      ['tech:drones', 0.7],
    ]);
    expect(old).toEqual({ id: 'sig:old', importedFrom: null, createdBy: null, links: [] });
  });

  it('finds every record already there on a second import and creates nothing', async () => {
    const plan = await runImport(db, job());
    expect(outcomes(plan)).toEqual([
      [1, 'duplicate', 'sig:2026-01-10-drone-swarms-tested'],
      [2, 'duplicate', 'sig:old'],
      [3, 'rejected', 'title is missing.'],
    ]);
    expect((await signals()).map((s) => s.id)).toEqual(['sig:2026-01-10-drone-swarms-tested', 'sig:old']);
  });

  it('refuses the whole import when a link target does not exist', async () => {
    const fresh = job({ checked: [checkRecord({ ...RECORDS[0]!, url: 'https://news.example.org/new', title: 'Brand new' }, DEFAULTS)], linkTo: ['tech:nope'] });
    await expect(runImport(db, fresh)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.linkTo[0]' } });
    expect(await signals()).toHaveLength(2);
  });

  queries.snapshotTest();
});
