// Against the throwaway Neo4j: who gets a digest of a period (live users with an e-mail and a notification since its
// start), or the one user named by e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { digestRecipients } from './digest.repository.js';

const queries = new QueryRecorder('notification/digest.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `UNWIND [
       {id: 'user:ana', name: 'Ana', email: 'ana@atlas.test', status: 'active', at: '2026-06-10T08:00:00Z'},
       {id: 'user:ben', name: 'Ben', email: 'ben@atlas.test', status: null, at: '2026-05-31T23:59:59Z'},
       {id: 'user:cara', name: 'Cara', email: 'cara@atlas.test', status: 'disabled', at: '2026-06-11T08:00:00Z'},
       {id: 'user:dora', name: 'Dora', email: null, status: 'active', at: '2026-06-11T08:00:00Z'},
       {id: 'user:eve', name: 'Eve', email: 'eve@atlas.test', status: null, at: '2026-06-01T00:00:00Z'},
       {id: 'user:finn', name: 'Finn', email: 'finn@atlas.test', status: null, at: null}
     ] AS row
     CREATE (u:${AUTH_LABELS.USER} {id: row.id, name: row.name, email: row.email, status: row.status})
     FOREACH (at IN CASE WHEN row.at IS NULL THEN [] ELSE [row.at] END |
       CREATE (:${NOTIFICATION_LABEL} {id: 'n-' + row.id, createdAt: datetime(at)})-[:${WATCH_LINKS.FOR}]->(u))`,
  );
});
afterAll(closeTestDatabase);

describe('digest recipients', () => {
  it('are the live users with an e-mail and a notification since the start, by e-mail', async () => {
    expect(await digestRecipients(db, '2026-06-01T00:00:00Z', null)).toEqual([
      { id: 'user:ana', name: 'Ana', email: 'ana@atlas.test' },
      { id: 'user:eve', name: 'Eve', email: 'eve@atlas.test' },
    ]);
    expect(await digestRecipients(db, '2026-07-01T00:00:00Z', null)).toEqual([]);
  });

  it('is the one user named by e-mail (normalised), even with nothing new; none when unknown or disabled', async () => {
    expect(await digestRecipients(db, '2026-06-01T00:00:00Z', '  Finn@Atlas.TEST ')).toEqual([{ id: 'user:finn', name: 'Finn', email: 'finn@atlas.test' }]);
    expect(await digestRecipients(db, '2026-06-01T00:00:00Z', 'cara@atlas.test')).toEqual([]);
    expect(await digestRecipients(db, '2026-06-01T00:00:00Z', 'nobody@atlas.test')).toEqual([]);
  });

  queries.snapshotTest();
});
