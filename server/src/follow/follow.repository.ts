// All Cypher of watchlists: (User)-[:FOLLOWS {since}]->(any entity, signal or saved scenario, or one's own SavedSearch),
// and saved searches (User)-[:OWNS]->(SavedSearch {id, name, query, kinds, createdAt}), which their owner follows.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, SAVED_SEARCH_LABEL, WATCH_LINKS } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { notFound } from '../graphql/errors.js';

const { USER } = AUTH_LABELS;
const { FOLLOWS, OWNS } = WATCH_LINKS;

export const SAVED_SEARCH_PREFIX = 'search:';

export interface FollowRecord {
  targetId: string;
  /** The entity kind (Technology, Signal, Scenario…) or SavedSearch. */
  targetKind: string;
  targetName: string;
  since: string;
}

export interface SavedSearchRecord {
  id: string;
  name: string;
  query: string;
  kinds: string[];
  createdAt: string;
  followed: boolean;
}

const FOLLOW_FIELDS = `{ targetId: x.id, targetKind: coalesce(${KIND_OF('x')}, '${SAVED_SEARCH_LABEL}'), targetName: coalesce(x.name, x.id), since: toString(f.since) }`;

/** The thing to follow: an entity by id, or a saved search of the user's own (others' are not theirs to follow). */
const TARGET = `CALL (u) {
    OPTIONAL MATCH (e:${ENTITY_LABEL} {id: $targetId})
    OPTIONAL MATCH (u)-[:${OWNS}]->(s:${SAVED_SEARCH_LABEL} {id: $targetId})
    RETURN coalesce(e, s) AS x
  }`;

export const FOLLOW_QUERY = `MATCH (u:${USER} {id: $userId})
  ${TARGET}
  WITH u, x WHERE x IS NOT NULL
  MERGE (u)-[f:${FOLLOWS}]->(x)
  ON CREATE SET f.since = datetime()
  RETURN ${FOLLOW_FIELDS} AS follow`;

/** Follows (again: following twice keeps the first `since`); unknown ids → NOT_FOUND on targetId. */
export async function followTarget(db: Database, userId: string, targetId: string): Promise<FollowRecord> {
  const [row] = await db.write<{ follow: FollowRecord }>(FOLLOW_QUERY, { userId, targetId });
  if (!row) throw notFound('entity, signal, scenario or saved search', targetId, 'targetId');
  return row.follow;
}

export const UNFOLLOW_QUERY = `MATCH (:${USER} {id: $userId})-[f:${FOLLOWS}]->(x {id: $targetId})
  DELETE f
  RETURN count(f) AS removed`;

export async function unfollowTarget(db: Database, userId: string, targetId: string): Promise<boolean> {
  const [row] = await db.write<{ removed: number }>(UNFOLLOW_QUERY, { userId, targetId });
  return (row?.removed ?? 0) > 0;
}

export const LIST_FOLLOWS_QUERY = `MATCH (:${USER} {id: $userId})-[f:${FOLLOWS}]->(x)
  RETURN ${FOLLOW_FIELDS} AS follow
  ORDER BY f.since DESC, x.id`;

export async function listFollows(db: Database, userId: string): Promise<FollowRecord[]> {
  const rows = await db.read<{ follow: FollowRecord }>(LIST_FOLLOWS_QUERY, { userId });
  return rows.map((r) => r.follow);
}

export const FOLLOWED_AMONG_QUERY = `UNWIND $ids AS key
  MATCH (:${USER} {id: $userId})-[:${FOLLOWS}]->(x {id: key})
  RETURN x.id AS id`;

/** Which of these ids the user follows (one query for a page of things). */
export async function followedAmong(db: Database, userId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.read<{ id: string }>(FOLLOWED_AMONG_QUERY, { userId, ids });
  return new Set(rows.map((r) => r.id));
}

// --- saved searches -----------------------------------------------------------------------------------------------

const SAVED_SEARCH_FIELDS = `s { .id, .name, .query, kinds: coalesce(s.kinds, []), createdAt: toString(s.createdAt), followed: EXISTS { (u)-[:${FOLLOWS}]->(s) } }`;

export const INSERT_SAVED_SEARCH_QUERY = `MATCH (u:${USER} {id: $userId})
  CREATE (u)-[:${OWNS}]->(s:${SAVED_SEARCH_LABEL} {id: $id, name: $name, query: $query, kinds: $kinds, createdAt: datetime()})
  CREATE (u)-[:${FOLLOWS} {since: datetime()}]->(s)
  RETURN ${SAVED_SEARCH_FIELDS} AS search`;

/** Saving a search also follows it: new signals that match it raise SAVED_SEARCH_MATCH for its owner. */
export async function insertSavedSearch(db: Database, userId: string, input: { name: string; query: string; kinds: string[] }): Promise<SavedSearchRecord> {
  const [row] = await db.write<{ search: SavedSearchRecord }>(INSERT_SAVED_SEARCH_QUERY, { userId, id: `${SAVED_SEARCH_PREFIX}${randomUUID()}`, ...input });
  if (!row) throw new Error(`No user ${userId} to own the saved search.`);
  return row.search;
}

export const LIST_SAVED_SEARCHES_QUERY = `MATCH (u:${USER} {id: $userId})-[:${OWNS}]->(s:${SAVED_SEARCH_LABEL})
  RETURN ${SAVED_SEARCH_FIELDS} AS search
  ORDER BY s.name, s.id`;

export async function listSavedSearches(db: Database, userId: string): Promise<SavedSearchRecord[]> {
  const rows = await db.read<{ search: SavedSearchRecord }>(LIST_SAVED_SEARCHES_QUERY, { userId });
  return rows.map((r) => r.search);
}

export const DELETE_SAVED_SEARCH_QUERY = `MATCH (:${USER} {id: $userId})-[:${OWNS}]->(s:${SAVED_SEARCH_LABEL} {id: $id})
  DETACH DELETE s
  RETURN count(*) AS removed`;

/** Only the owner's own; false when there is no such saved search of theirs. */
export async function removeSavedSearch(db: Database, userId: string, id: string): Promise<boolean> {
  const [row] = await db.write<{ removed: number }>(DELETE_SAVED_SEARCH_QUERY, { userId, id });
  return (row?.removed ?? 0) > 0;
}
