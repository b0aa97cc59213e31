// The GraphQL documents of watchlists and the header bell (one operation per document; checked against the schema by tests).
export const IS_FOLLOWING = /* GraphQL */ `
  query IsFollowing($targetId: ID!) {
    isFollowing(targetId: $targetId)
  }
`;

export const FOLLOW = /* GraphQL */ `
  mutation Follow($targetId: ID!) {
    follow(targetId: $targetId) { targetId since }
  }
`;

export const UNFOLLOW = /* GraphQL */ `
  mutation Unfollow($targetId: ID!) {
    unfollow(targetId: $targetId)
  }
`;

export const SAVE_SEARCH = /* GraphQL */ `
  mutation SaveSearch($input: SavedSearchInput!) {
    saveSearch(input: $input) { id name query kinds followed }
  }
`;

export const NOTIFICATION_COUNTS = /* GraphQL */ `
  query MyNotificationCounts {
    myNotificationCounts { unread total }
  }
`;
