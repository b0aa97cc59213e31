// The notification centre: validation first (the field named), then one repository call.
import type { Database } from '../db/database.js';
import { assertValid, badInput } from '../graphql/errors.js';
import { intInRange, problems } from '../graphql/validation.js';
import { countNotifications, findOwnNotificationIds, listNotifications, markRead } from './notification.repository.js';

/** At most this many in one page (the bell's list shows the newest; older ones are in the digest and the feed). */
export const MAX_PAGE = 200;

export function myNotifications(db: Database, userId: string, first: number, unreadOnly: boolean) {
  assertValid(problems(intInRange('first', first, 1, MAX_PAGE, true)));
  return listNotifications(db, userId, { first, unreadOnly, unreadFirst: true });
}

export function notificationCounts(db: Database, userId: string) {
  return countNotifications(db, userId);
}

/** Marks some of your notifications read; ids that are not yours (or do not exist) are refused by id, and nothing changes. */
export async function markNotificationsRead(db: Database, userId: string, ids: string[]) {
  if (ids.length === 0 || ids.length > MAX_PAGE) throw badInput({ field: 'ids', message: `must name 1 to ${MAX_PAGE} notifications, got ${ids.length}.` });
  const unique = [...new Set(ids)];
  const own = new Set(await findOwnNotificationIds(db, userId, unique));
  const unknown = unique.filter((id) => !own.has(id));
  if (unknown.length) throw badInput({ field: 'ids', message: `has no notification of yours with id ${unknown.join(', ')}; reload the list.` });
  await markRead(db, userId, unique);
  return countNotifications(db, userId);
}

export async function markAllNotificationsRead(db: Database, userId: string) {
  await markRead(db, userId, null);
  return countNotifications(db, userId);
}
