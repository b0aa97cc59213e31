// Typed calls of watchlists and the bell: one function per user action, one round trip each.
import type * as Api from '../graphql/api-types';
import { gql } from '../graphql/client';
import { FOLLOW, IS_FOLLOWING, NOTIFICATION_COUNTS, SAVE_SEARCH, UNFOLLOW } from './watch.operations';

export type NotificationCounts = Api.MyNotificationCountsQuery['myNotificationCounts'];
export type SavedSearch = Api.SaveSearchMutation['saveSearch'];

export async function isFollowing(targetId: string, signal?: AbortSignal): Promise<boolean> {
  return (await gql<Api.IsFollowingQuery, Api.IsFollowingQueryVariables>(IS_FOLLOWING, { targetId }, { signal })).isFollowing;
}

export async function follow(targetId: string): Promise<void> {
  await gql<Api.FollowMutation, Api.FollowMutationVariables>(FOLLOW, { targetId });
}

export async function unfollow(targetId: string): Promise<void> {
  await gql<Api.UnfollowMutation, Api.UnfollowMutationVariables>(UNFOLLOW, { targetId });
}

export async function saveSearch(input: Api.SavedSearchInput): Promise<SavedSearch> {
  return (await gql<Api.SaveSearchMutation, Api.SaveSearchMutationVariables>(SAVE_SEARCH, { input })).saveSearch;
}

export async function notificationCounts(signal?: AbortSignal): Promise<NotificationCounts> {
  return (await gql<Api.MyNotificationCountsQuery, Api.MyNotificationCountsQueryVariables>(NOTIFICATION_COUNTS, {}, { signal })).myNotificationCounts;
}
