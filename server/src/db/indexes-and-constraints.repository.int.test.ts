// Against the throwaway Neo4j: the schema applied at every start (resetDatabase applies it through the wrapped
// database, so its statements are recorded too), shared signal keys released before their constraints are created,
// and an outdated full-text index dropped so the create rebuilds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from './database.js';
import {
  applySchema,
  dropOutdatedFulltextIndex,
  FULLTEXT_ANALYZER,
  FULLTEXT_INDEX,
  FULLTEXT_PROPERTIES,
  schemaStatements,
} from './indexes-and-constraints.repository.js';

const queries = new QueryRecorder('db/indexes-and-constraints.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
});
afterAll(closeTestDatabase);

const names = async () => {
  const rows = [
    ...(await db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name')),
    ...(await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name')),
  ];
  return new Set(rows.map((r) => r.name));
};
const fulltext = async () =>
  (
    await db.read<{ properties: string[]; analyzer: string }>(
      'SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = $name RETURN properties, options.indexConfig.`fulltext.analyzer` AS analyzer',
      { name: FULLTEXT_INDEX },
    )
  )[0] ?? null;

describe('applySchema', () => {
  it('creates every constraint and index it names, and none of the plain signal key indexes it drops', async () => {
    const statements = schemaStatements();
    expect(statements[0]).toBe('CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE');
    const created = statements.flatMap((s) => /^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(s)?.slice(1) ?? []);
    expect(created).toHaveLength(statements.length - 2);
    const present = await names();
    expect(created.filter((name) => !present.has(name))).toEqual([]);
    expect(['signal_canonical_url', 'signal_content_hash'].filter((name) => present.has(name))).toEqual([]);
    expect(await fulltext()).toEqual({ properties: FULLTEXT_PROPERTIES, analyzer: FULLTEXT_ANALYZER });
  });

  it('releases a signal key held twice from all but the lowest id, so its constraint can be created', async () => {
    await db.schema('DROP CONSTRAINT signal_canonical_url_unique');
    await db.schema('DROP CONSTRAINT signal_content_hash_unique');
    await db.write(`
      CREATE (:Signal {id: 'sig:1', canonicalUrl: 'https://example.org/a', contentHash: 'h1'}),
             (:Signal {id: 'sig:2', canonicalUrl: 'https://example.org/a', contentHash: 'h2'}),
             (:Signal {id: 'sig:3', canonicalUrl: 'https://example.org/b', contentHash: 'h1'})`);
    const log: string[] = [];
    await applySchema(db, (line) => log.push(line));
    expect(log).toEqual([
      'Released the canonicalUrl of 1 signal(s) that repeated an earlier one, so it can be unique.',
      'Released the contentHash of 1 signal(s) that repeated an earlier one, so it can be unique.',
      `Schema applied (${schemaStatements().length} constraints and indexes).`,
    ]);
    expect(await db.read('MATCH (s:Signal) RETURN s.id AS id, s.canonicalUrl AS url, s.contentHash AS hash ORDER BY id')).toEqual([
      { id: 'sig:1', url: 'https://example.org/a', hash: 'h1' },
      { id: 'sig:2', url: null, hash: 'h2' },
      { id: 'sig:3', url: 'https://example.org/b', hash: null },
    ]);
    const present = await names();
    expect(present.has('signal_canonical_url_unique') && present.has('signal_content_hash_unique')).toBe(true);
  });
});

describe('dropOutdatedFulltextIndex', () => {
  it('leaves the current index alone', async () => {
    expect(await dropOutdatedFulltextIndex(db)).toBe(false);
    expect(await fulltext()).not.toBeNull();
  });

  it('drops an index of an older definition, and the next applySchema builds it again', async () => {
    await db.schema(`DROP INDEX ${FULLTEXT_INDEX}`);
    await db.schema(`CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:Technology) ON EACH [n.name]`);
    const log: string[] = [];
    expect(await dropOutdatedFulltextIndex(db, (line) => log.push(line))).toBe(true);
    expect(log).toEqual([expect.stringMatching(/^Full-text index entity_text is outdated \(name; analyzer [\w-]+\); rebuilding it\.$/)]);
    expect(await fulltext()).toBeNull();
    // No index at all: nothing to drop.
    expect(await dropOutdatedFulltextIndex(db)).toBe(false);
    await applySchema(db);
    expect(await fulltext()).toEqual({ properties: FULLTEXT_PROPERTIES, analyzer: FULLTEXT_ANALYZER });
  });

  queries.snapshotTest();
});
