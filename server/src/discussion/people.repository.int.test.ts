// Against the throwaway Neo4j: who can be mentioned or assigned (active users only, matched by handle or name) and
// what a discussion is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL } from '../db/labels.js';
import { findColleague, findMentionable, findSubject, listColleagues } from './people.repository.js';

const queries = new QueryRecorder('discussion/people.repository');
let db: Database;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana Kovac', email: 'Ana.K@atlas.test', role: 'analyst', status: 'active'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:ben', name: 'ben Braun', email: 'bb@atlas.test', role: 'viewer'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:carl', name: 'Carl Gone', email: 'carl@atlas.test', role: 'analyst', status: 'deleted'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:dora', name: 'Dora', email: 'dora@atlas.test', role: 'admin', status: 'disabled'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:eve', name: 'Eve', email: 'eve@atlas.test', role: 'admin'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (:${ENTITY_LABEL}:Signal {id: 'sig:1'})`,
  );
});
afterAll(closeTestDatabase);

const ana = { id: 'user:ana', name: 'Ana Kovac', handle: 'ana.k', role: 'analyst' };
const ben = { id: 'user:ben', name: 'ben Braun', handle: 'bb', role: 'viewer' };
const eve = { id: 'user:eve', name: 'Eve', handle: 'eve', role: 'admin' };

describe('people of a discussion', () => {
  it('lists active colleagues by name, case aside, with their handle', async () => {
    expect(await listColleagues(db)).toEqual([ana, ben, eve]);
  });

  it('finds the mentionable by handle or by trimmed name, never inactive accounts', async () => {
    const found = await findMentionable(db, ['ana.k', 'ben braun', 'carl', 'dora', 'nobody']);
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual([ana, ben]);
    expect(await findMentionable(db, [])).toEqual([]);
  });

  it('finds one active colleague by id, null for an inactive or unknown one', async () => {
    expect(await findColleague(db, 'user:eve')).toEqual(eve);
    expect(await findColleague(db, 'user:carl')).toBeNull();
    expect(await findColleague(db, 'user:nobody')).toBeNull();
  });

  it('names the subject by its kind and name (its id when nameless), null when missing', async () => {
    expect(await findSubject(db, 'tech:a')).toEqual({ id: 'tech:a', kind: 'Technology', name: 'Alpha sensing' });
    expect(await findSubject(db, 'sig:1')).toEqual({ id: 'sig:1', kind: 'Signal', name: 'sig:1' });
    expect(await findSubject(db, 'tech:none')).toBeNull();
  });

  queries.snapshotTest();
});
