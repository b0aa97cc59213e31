// Typed calls of the notification centre: one function per user action, one round trip each.
import type * as Api from '../../lib/graphql/api-types';
import { gql } from '../../lib/graphql/client';
import type { AtlasUrlState } from '../../lib/state/url.svelte';
import { MARK_ALL_READ, MARK_READ, MY_NOTIFICATIONS } from './notifications.operations';

export type NotificationRow = Api.NotificationRowFragment;
export type Counts = Api.MyNotificationsQuery['myNotificationCounts'];

/** The newest this many: older ones are in the daily digest and the Atom feed. */
export const PAGE = 100;

export async function myNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<Api.MyNotificationsQuery> {
  return gql<Api.MyNotificationsQuery, Api.MyNotificationsQueryVariables>(MY_NOTIFICATIONS, { first: PAGE, unreadOnly }, { signal });
}

export async function markRead(ids: string[]): Promise<Counts> {
  return (await gql<Api.MarkNotificationsReadMutation, Api.MarkNotificationsReadMutationVariables>(MARK_READ, { ids })).markNotificationsRead;
}

export async function markAllRead(): Promise<Counts> {
  return (await gql<Api.MarkAllNotificationsReadMutation, Api.MarkAllNotificationsReadMutationVariables>(MARK_ALL_READ)).markAllNotificationsRead;
}

/** Where the subject is shown: signals in the Signals view, saved scenarios in Scenarios, the rest in the Explorer. */
export function subjectPlace(row: Pick<NotificationRow, 'subjectKind' | 'subjectId'>): Partial<AtlasUrlState> {
  if (row.subjectKind === 'Signal') return { view: 'signals', focus: row.subjectId };
  if (row.subjectKind === 'Scenario') return { view: 'scenarios', focus: row.subjectId };
  return { view: 'explorer', focus: row.subjectId };
}
