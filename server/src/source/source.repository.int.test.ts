// Against the throwaway Neo4j: the sources a form can cite are found by title, publisher or URL, titles starting
// with the text first, then the newest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { findSourcesByText } from './source.repository.js';

const queries = new QueryRecorder('source/source.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(`UNWIND $rows AS row CREATE (s:Entity:Source) SET s = row`, {
    rows: [
      {
        id: 'src:crm-2023',
        name: 'Study on the critical raw materials for the EU',
        publisher: 'European Commission',
        year: 2023,
        url: 'https://example.org/crm',
      },
      { id: 'src:crm-2020', name: 'Critical raw materials resilience', publisher: 'European Commission', year: 2020, url: 'https://example.org/crm-2020' },
      { id: 'src:usgs', name: 'Mineral commodity summaries: gallium', publisher: 'USGS', year: 2024, url: 'https://usgs.example/gallium' },
    ],
  });
});
afterAll(closeTestDatabase);

describe('findSourcesByText', () => {
  it('matches title, publisher and URL case-insensitively; a title starting with the text comes first', async () => {
    expect((await findSourcesByText(db, 'CRITICAL', 10)).map((s) => s.id)).toEqual(['src:crm-2020', 'src:crm-2023']);
    expect((await findSourcesByText(db, 'european commission', 10)).map((s) => s.id)).toEqual(['src:crm-2023', 'src:crm-2020']);
    expect((await findSourcesByText(db, 'usgs.example', 10)).map((s) => s.id)).toEqual(['src:usgs']);
  });

  it('returns sources as entities of kind Source, at most `first`', async () => {
    const [first, ...rest] = await findSourcesByText(db, 'example.org', 1);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ kind: 'Source', publisher: 'European Commission' });
  });

  it('finds nothing when no title, publisher or URL contains the text', async () => {
    expect(await findSourcesByText(db, 'quantum', 10)).toEqual([]);
  });

  queries.snapshotTest();
});
