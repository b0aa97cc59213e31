// Against the throwaway Neo4j: capabilities listed by name with filters, total and cursor; created (id from the name),
// changed and deleted through the entity writes, each recorded in history. Only the list's query is this repository's
// own text; the writes' Cypher is entity.writes.repository.ts's (recorded in its own test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { writeSeed } from '../../../graph-seed/write.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import type { Database } from '../db/database.js';
import { CapabilityDomain } from '../vocabulary/vocabularies.js';
import { insertCapability, listCapabilities, modifyCapability, removeCapability } from './capability.repository.js';

const queries = new QueryRecorder('capability/capability.repository');
let db: Database;
const actor = { id: 'user:ana', name: 'Ana Analyst' };
const ids = (list: { rows: { id: string }[] }) => list.rows.map((r) => r.id);

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await writeSeed(
    db,
    seedFixture()
      .nodes('Capability', [
        { id: 'cap:patrol', name: 'Maritime patrol', domain: 'border management' },
        { id: 'cap:forensics', name: 'Digital forensics', domain: 'law enforcement' },
        { id: 'cap:triage', name: 'Disaster triage', domain: 'crisis management' },
      ])
      .build(),
  );
});
afterAll(closeTestDatabase);

describe('listCapabilities', () => {
  it('lists by name with the total, one row more than asked (so the page knows there is another)', async () => {
    const all = await listCapabilities(db, {}, 10, null);
    expect(all.total).toBe(3);
    expect(ids(all)).toEqual(['cap:forensics', 'cap:triage', 'cap:patrol']);
    expect(all.rows[0]).toMatchObject({ kind: 'Capability', name: 'Digital forensics', domain: 'law enforcement' });
    const first = await listCapabilities(db, {}, 1, null);
    expect([first.total, ids(first)]).toEqual([3, ['cap:forensics', 'cap:triage']]);
  });

  it('filters by part of the name (any case) and by domain, and continues after a cursor', async () => {
    expect(ids(await listCapabilities(db, { nameContains: 'DIS' }, 10, null))).toEqual(['cap:triage']);
    const lawEnforcement = await listCapabilities(db, { domain: CapabilityDomain.LAW_ENFORCEMENT }, 10, null);
    expect([lawEnforcement.total, ids(lawEnforcement)]).toEqual([1, ['cap:forensics']]);
    const after = await listCapabilities(db, {}, 10, { name: 'Disaster triage', id: 'cap:triage' });
    expect([after.total, ids(after)]).toEqual([3, ['cap:patrol']]);
    expect(await listCapabilities(db, { nameContains: 'quantum' }, 10, null)).toEqual({ total: 0, rows: [] });
  });
});

describe('insertCapability, modifyCapability, removeCapability', () => {
  it('creates with an id made from the trimmed name, citing its source, and refuses an unknown source', async () => {
    const created = await insertCapability(db, { name: ' Crowd monitoring ', domain: CapabilityDomain.LAW_ENFORCEMENT, sourceIds: ['src:doc'] }, actor);
    expect(created).toMatchObject({ id: 'cap:crowd-monitoring', kind: 'Capability', name: 'Crowd monitoring', revision: 1, createdByName: 'Ana Analyst' });
    const refused = await insertCapability(db, { id: 'cap:other', name: 'Other', sourceIds: ['src:nope'] }, actor).catch((e: GraphQLError) => e.extensions);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.sourceIds[0]' }] });
    expect(ids(await listCapabilities(db, { nameContains: 'o' }, 10, null))).toEqual(['cap:crowd-monitoring', 'cap:forensics', 'cap:patrol']);
  });

  it('changes only the given fields, bumping the revision', async () => {
    const changed = await modifyCapability(db, 'cap:crowd-monitoring', { description: 'Counting people at events.' }, actor);
    expect(changed).toMatchObject({
      id: 'cap:crowd-monitoring',
      name: 'Crowd monitoring',
      domain: 'law enforcement',
      description: 'Counting people at events.',
      revision: 2,
      updatedBy: 'Ana Analyst',
    });
  });

  it('deletes with its links and records the change', async () => {
    const removed = await removeCapability(db, 'cap:crowd-monitoring', actor);
    expect(removed).toMatchObject({ id: 'cap:crowd-monitoring', relationshipsRemoved: 1 });
    const [change] = await db.read<{ kind: string }>(`MATCH (c:Change {id: $id}) RETURN c.kind AS kind`, { id: removed.changeId });
    expect(change).toEqual({ kind: 'DELETE' });
    expect((await listCapabilities(db, {}, 10, null)).total).toBe(3);
  });

  queries.snapshotTest();
});
