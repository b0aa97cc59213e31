// The GraphQL documents of the notification centre (one operation per document; checked against the schema by tests).
const NOTIFICATION_FIELDS = /* GraphQL */ `
  fragment NotificationRow on Notification {
    id kind subjectId subjectKind subjectName actorName message createdAt readAt
  }
`;

export const MY_NOTIFICATIONS = /* GraphQL */ `
  query MyNotifications($first: Int!, $unreadOnly: Boolean!) {
    myNotifications(first: $first, unreadOnly: $unreadOnly) { ...NotificationRow }
    myNotificationCounts { unread total }
  }
  ${NOTIFICATION_FIELDS}
`;

export const MARK_READ = /* GraphQL */ `
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) { unread total }
  }
`;

export const MARK_ALL_READ = /* GraphQL */ `
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead { unread total }
  }
`;
