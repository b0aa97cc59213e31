// Against the throwaway Neo4j, with the small seed (mat:m is supplied by sup:s with a share of 0.9; sup:s is in China):
// suppliers, SUPPLIED_BY shares and SUBSTITUTES links, each one write transaction through the shared entity and link
// write paths. Those paths send every query (entity.writes, link.writes and history repositories), so this
// repository has no query text of its own to snapshot: the last test says so instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { deleteSubstitutes, deleteSuppliedBy, insertSupplier, removeSupplier, upsertSubstitutes, upsertSuppliedBy } from './supply.repository.js';

const queries = new QueryRecorder('mapping/supply.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: GraphQLError) => error.extensions,
  );
const countryOf = async (id: string) =>
  (await db.read<{ id: string }>('MATCH (:Supplier {id: $id})-[:LOCATED_IN]->(c:Country) RETURN c.id AS id', { id })).map((r) => r.id);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(db, smallSeed());
});
afterAll(closeTestDatabase);

describe('suppliers', () => {
  it('creates a supplier with an id from its name, located in its country', async () => {
    const supplier = await insertSupplier(db, { name: ' Supplier T ', countryId: 'country:cn', sourceIds: ['src:doc'] }, actor);
    expect(supplier).toMatchObject({ id: 'sup:supplier-t', kind: 'Supplier', name: 'Supplier T' });
    expect(await countryOf('sup:supplier-t')).toEqual(['country:cn']);
  });

  it('refuses a country that is not one, and writes nothing', async () => {
    expect(await refusal(insertSupplier(db, { name: 'Supplier U', countryId: 'mat:m' }, actor))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countryId[0]',
    });
    expect(await db.read(`MATCH (s:Supplier {id: 'sup:supplier-u'}) RETURN s`)).toEqual([]);
  });
});

describe('SUPPLIED_BY', () => {
  it("writes a share with the item's total share", async () => {
    const row = await upsertSuppliedBy(db, { itemId: 'mat:m', supplierId: 'sup:supplier-t', share: 0.1, year: 2024, sourceIds: ['src:doc'] }, actor);
    expect(row).toMatchObject({
      item: { id: 'mat:m' },
      supplier: { id: 'sup:supplier-t' },
      share: 0.1,
      year: 2024,
      basis: null,
      totalShare: 1,
      sourceIds: ['src:doc'],
    });
  });

  it('refuses a share that takes the item over 1', async () => {
    expect(await refusal(upsertSuppliedBy(db, { itemId: 'mat:m', supplierId: 'sup:supplier-t', share: 0.2 }, actor))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.share',
    });
  });

  it('removes a share once', async () => {
    expect(await deleteSuppliedBy(db, 'mat:m', 'sup:supplier-t', actor)).toBe(true);
    expect(await deleteSuppliedBy(db, 'mat:m', 'sup:supplier-t', actor)).toBe(false);
  });
});

describe('SUBSTITUTES', () => {
  it('writes a substitute with its rationale, and removes it once', async () => {
    const row = await upsertSubstitutes(db, { substituteId: 'tech:b', replacesId: 'tech:a', rationale: 'Cheaper, slightly less accurate.' }, actor);
    expect(row).toMatchObject({ substitute: { id: 'tech:b' }, replaces: { id: 'tech:a' }, rationale: 'Cheaper, slightly less accurate.', sourceIds: [] });
    expect(await deleteSubstitutes(db, 'tech:b', 'tech:a', actor)).toBe(true);
    expect(await deleteSubstitutes(db, 'tech:b', 'tech:a', actor)).toBe(false);
  });
});

describe('removeSupplier', () => {
  it('deletes a supplier with its links (country and source), and refuses one that does not exist', async () => {
    expect(await removeSupplier(db, 'sup:supplier-t', actor)).toMatchObject({ id: 'sup:supplier-t', relationshipsRemoved: 2 });
    expect(await countryOf('sup:supplier-t')).toEqual([]);
    expect(await refusal(removeSupplier(db, 'sup:supplier-t', actor))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends no query text of its own (the recorder snapshots none: every query is in the shared write paths)', () => {
    expect(queries.render()).toBe('// Sent by server/src/mapping/supply.repository.ts in its integration test (0, sorted).\n\n');
  });
});
