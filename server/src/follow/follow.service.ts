// Watchlists: validation first (the field named), then one repository call.
import type { Database } from '../db/database.js';
import { assertValid } from '../graphql/errors.js';
import { problems, requiredText } from '../graphql/validation.js';
import { toLuceneQuery } from '../fulltext/lucene-query.js';
import { followTarget, insertSavedSearch, listFollows, removeSavedSearch, unfollowTarget, followedAmong } from './follow.repository.js';
import type { SavedSearchInput } from './follow.type.js';

function checkTargetId(targetId: string) {
  assertValid(problems(requiredText('targetId', targetId, 300)));
}

export function follow(db: Database, userId: string, targetId: string) {
  checkTargetId(targetId);
  return followTarget(db, userId, targetId.trim());
}

export function unfollow(db: Database, userId: string, targetId: string) {
  checkTargetId(targetId);
  return unfollowTarget(db, userId, targetId.trim());
}

export function follows(db: Database, userId: string) {
  return listFollows(db, userId);
}

export async function isFollowing(db: Database, userId: string, targetId: string): Promise<boolean> {
  return (await followedAmong(db, userId, [targetId])).has(targetId);
}

export function saveSearch(db: Database, userId: string, input: SavedSearchInput) {
  const query = typeof input.query === 'string' ? input.query.trim() : input.query;
  const found = problems(requiredText('input.name', input.name, 120), requiredText('input.query', query, 500));
  // A search with no letters or digits matches nothing: saving it would be a watchlist entry that never speaks.
  if (found.length === 0 && !toLuceneQuery(query)) {
    found.push({ field: 'input.query', message: 'has no word to search for; type at least one word of two letters or more.' });
  }
  assertValid(found);
  return insertSavedSearch(db, userId, { name: input.name.trim(), query, kinds: [...new Set(input.kinds ?? [])] });
}

export function deleteSavedSearch(db: Database, userId: string, id: string) {
  checkTargetId(id);
  return removeSavedSearch(db, userId, id);
}
