// Against the throwaway Neo4j, with the small seed (mat:m is supplied by sup:s with a share of 0.9): the one link write
// path checks the shares of one item, records LINK and UNLINK, and leaves an unchanged link unrecorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { smallSeed } from '../../../tests/fixtures/small-seed.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { LINK_SPEC } from './mapping-model.js';
import { modelPropertiesOf, removeLink, replaceLinksOfType, writeLink, type LinkFieldNames } from './link.writes.repository.js';

const queries = new QueryRecorder('mapping/link.writes.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const changes = async (kind: string) => (await db.read<{ n: number }>('MATCH (c:Change {kind: $kind}) RETURN count(c) AS n', { kind }))[0]!.n;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  const seed = smallSeed();
  seed.nodes.find((g) => g.kind === 'Supplier')!.records.push({ id: 'sup:t', name: 'Supplier T', sources: ['src:doc'] });
  await writeSeed(db, seed);
  await db.write(`CREATE (:Entity:KetArea {id: 'ket:p', name: 'Photonics'}), (:Entity:KetArea {id: 'ket:m', name: 'Micro-electronics'})`);
});
afterAll(closeTestDatabase);

describe('writeLink', () => {
  it('refuses a share that takes an item over 1, naming the field and what is left', async () => {
    const refused = await db
      .writeTransaction((tx) =>
        writeLink(tx, { type: 'SUPPLIED_BY', fromId: 'mat:m', toId: 'sup:t', properties: { share: 0.2 }, sourceIds: ['src:doc'] }, actor),
      )
      .then(
        () => null,
        (error: GraphQLError) => error.extensions,
      );
    // 0.9 held by sup:s + 0.2 = 1.1: at most 0.1 is left.
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.properties.share' });
    expect(await changes('LINK')).toBe(0);
  });

  it("writes a link within the shares, with the item's total, and records LINK once", async () => {
    const link = await db.writeTransaction((tx) =>
      writeLink(tx, { type: 'SUPPLIED_BY', fromId: 'mat:m', toId: 'sup:t', properties: { share: 0.1 }, sourceIds: ['src:doc'] }, actor),
    );
    expect(link).toMatchObject({ type: 'SUPPLIED_BY', totalShare: 1, changed: true, sourceIds: ['src:doc'] });
    expect(link.from.id).toBe('mat:m');
    expect(await changes('LINK')).toBe(1);
    // The same write again changes nothing and records nothing.
    const again = await db.writeTransaction((tx) =>
      writeLink(tx, { type: 'SUPPLIED_BY', fromId: 'mat:m', toId: 'sup:t', properties: { share: 0.1 }, sourceIds: ['src:doc'] }, actor),
    );
    expect(again.changed).toBe(false);
    expect(await changes('LINK')).toBe(1);
  });
});

describe('removeLink', () => {
  it('removes a link recording UNLINK, and says false when there is none', async () => {
    expect(await db.writeTransaction((tx) => removeLink(tx, 'SUPPLIED_BY', 'mat:m', 'sup:t', actor))).toMatchObject({ removed: true });
    expect(await changes('UNLINK')).toBe(1);
    expect(await db.writeTransaction((tx) => removeLink(tx, 'SUPPLIED_BY', 'mat:m', 'sup:t', actor))).toEqual({ removed: false, changeId: null });
  });
});

describe('replaceLinksOfType', () => {
  // As technology.repository names them: a refused KET area is named as the field input.ketAreaIds.
  const names: LinkFieldNames = { from: 'id', to: 'input.ketAreaIds', sourceIds: 'input.sourceIds', properties: 'input', singleEnds: true };
  const areasOf = async (id: string) =>
    (await db.read<{ id: string }>('MATCH (:Technology {id: $id})-[:IN_KET_AREA]->(k) RETURN k.id AS id ORDER BY id', { id })).map((r) => r.id);

  it('makes the links of one type go to exactly the given targets, recording each link and unlink', async () => {
    const [links, unlinks] = [await changes('LINK'), await changes('UNLINK')];
    await db.writeTransaction((tx) => replaceLinksOfType(tx, 'tech:b', 'IN_KET_AREA', ['ket:p'], actor, names));
    expect(await areasOf('tech:b')).toEqual(['ket:p']);
    await db.writeTransaction((tx) => replaceLinksOfType(tx, 'tech:b', 'IN_KET_AREA', ['ket:m'], actor, names));
    expect(await areasOf('tech:b')).toEqual(['ket:m']);
    // Two links written, one removed.
    expect([(await changes('LINK')) - links, (await changes('UNLINK')) - unlinks]).toEqual([2, 1]);
  });

  it('refuses a target of the wrong kind, naming the field, and leaves the links as they were', async () => {
    const refused = await db
      .writeTransaction((tx) => replaceLinksOfType(tx, 'tech:b', 'IN_KET_AREA', ['ket:m', 'cap:x'], actor, names))
      .then(
        () => null,
        (error: GraphQLError) => error.extensions,
      );
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ketAreaIds' });
    expect(await areasOf('tech:b')).toEqual(['ket:m']);
  });
});

describe('modelPropertiesOf', () => {
  it("keeps only the spec's properties that hold a value", () => {
    const spec = LINK_SPEC.get('SUPPLIED_BY')!;
    expect(modelPropertiesOf(spec, { share: 0.5, year: null, sourceIds: ['src:doc'], createdBy: 'user:ana' })).toEqual({ share: 0.5 });
  });

  queries.snapshotTest();
});
