// Against the throwaway Neo4j: one analyst's watchlist (a technology and a saved search of her own) and her saved
// searches; another analyst can neither follow nor remove her saved search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL } from '../db/labels.js';
import {
  followedAmong,
  followTarget,
  insertSavedSearch,
  listFollows,
  listSavedSearches,
  removeSavedSearch,
  unfollowTarget,
  type SavedSearchRecord,
} from './follow.repository.js';

const queries = new QueryRecorder('follow/follow.repository');
let db: Database;
let drones: SavedSearchRecord;

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:${AUTH_LABELS.USER} {id: 'user:ana', name: 'Ana'})
     CREATE (:${AUTH_LABELS.USER} {id: 'user:ben', name: 'Ben'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:b', name: 'Beta analytics'})`,
  );
});
afterAll(closeTestDatabase);

describe('watchlists', () => {
  it('follows an entity once: following again keeps the first since', async () => {
    const first = await followTarget(db, 'user:ana', 'tech:a');
    expect(first).toMatchObject({ targetId: 'tech:a', targetKind: 'Technology', targetName: 'Alpha sensing' });
    expect(first.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await followTarget(db, 'user:ana', 'tech:a')).toEqual(first);
    await expect(followTarget(db, 'user:ana', 'tech:none')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'targetId' } });
  });

  it('saves a search, which its owner follows and no one else can', async () => {
    drones = await insertSavedSearch(db, 'user:ana', { name: 'Drones', query: 'drone swarm', kinds: ['Signal'] });
    expect(drones).toMatchObject({ name: 'Drones', query: 'drone swarm', kinds: ['Signal'], followed: true });
    expect(drones.id).toMatch(/^search:[0-9a-f-]{36}$/);
    await expect(followTarget(db, 'user:ben', drones.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(insertSavedSearch(db, 'user:nobody', { name: 'X', query: 'x', kinds: [] })).rejects.toThrow('No user user:nobody');
  });

  it('lists follows newest first, and which of a page of ids are followed', async () => {
    expect((await listFollows(db, 'user:ana')).map((f) => [f.targetId, f.targetKind, f.targetName])).toEqual([
      [drones.id, 'SavedSearch', 'Drones'],
      ['tech:a', 'Technology', 'Alpha sensing'],
    ]);
    expect(await listFollows(db, 'user:ben')).toEqual([]);
    expect(await followedAmong(db, 'user:ana', ['tech:a', 'tech:b', drones.id])).toEqual(new Set(['tech:a', drones.id]));
  });

  it('unfollows, saying whether there was a follow', async () => {
    expect(await unfollowTarget(db, 'user:ana', drones.id)).toBe(true);
    expect(await unfollowTarget(db, 'user:ana', drones.id)).toBe(false);
    expect(await listSavedSearches(db, 'user:ana')).toEqual([{ ...drones, followed: false }]);
    expect(await listSavedSearches(db, 'user:ben')).toEqual([]);
  });

  it('removes a saved search for its owner only', async () => {
    expect(await removeSavedSearch(db, 'user:ben', drones.id)).toBe(false);
    expect(await removeSavedSearch(db, 'user:ana', drones.id)).toBe(true);
    expect(await listSavedSearches(db, 'user:ana')).toEqual([]);
    expect(await removeSavedSearch(db, 'user:ana', drones.id)).toBe(false);
  });

  queries.snapshotTest();
});
