// The GraphQL documents of the discussion shared by several views: a subject's comment thread, the colleagues to
// mention or assign, and a subject's assignments. Each export is a complete document (tests/web-operations.test.ts).

const COMMENT = /* GraphQL */ `
  fragment CommentItem on Comment {
    id
    body
    author
    createdAt
    editedAt
    edited
    deleted
    deletedBy
    canEdit
    canDelete
    revisions { version body editedAt }
  }
`;

const ASSIGNMENT = /* GraphQL */ `
  fragment AssignmentItem on Assignment {
    id
    subjectId
    subjectKind
    subjectName
    assigneeId
    assigneeName
    assignedById
    assignedBy
    due
    note
    state
    completedAt
    completedBy
  }
`;

export const COMMENT_THREAD = /* GraphQL */ `
  query CommentThread($subjectId: ID!) {
    comments(subjectId: $subjectId) { ...CommentItem }
  }
  ${COMMENT}
`;

export const ADD_COMMENT = /* GraphQL */ `
  mutation AddComment($subjectId: ID!, $body: String!) {
    addComment(subjectId: $subjectId, body: $body) { ...CommentItem }
  }
  ${COMMENT}
`;

export const EDIT_COMMENT = /* GraphQL */ `
  mutation EditComment($id: ID!, $body: String!) {
    editComment(id: $id, body: $body) { ...CommentItem }
  }
  ${COMMENT}
`;

export const DELETE_COMMENT = /* GraphQL */ `
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) { ...CommentItem }
  }
  ${COMMENT}
`;

export const COLLEAGUES = /* GraphQL */ `
  query Colleagues {
    colleagues { id name handle assignable }
  }
`;

export const SUBJECT_ASSIGNMENTS = /* GraphQL */ `
  query SubjectAssignments($subjectId: ID!) {
    assignments(subjectId: $subjectId) { ...AssignmentItem }
  }
  ${ASSIGNMENT}
`;

export const ASSIGN = /* GraphQL */ `
  mutation Assign($subjectId: ID!, $assigneeId: ID!, $due: String!, $note: String) {
    assign(subjectId: $subjectId, assigneeId: $assigneeId, due: $due, note: $note) { ...AssignmentItem }
  }
  ${ASSIGNMENT}
`;

export const UNASSIGN = /* GraphQL */ `
  mutation Unassign($id: ID!) {
    unassign(id: $id) { id }
  }
`;

export const COMPLETE_ASSIGNMENT = /* GraphQL */ `
  mutation CompleteAssignment($id: ID!) {
    completeAssignment(id: $id) { ...AssignmentItem }
  }
  ${ASSIGNMENT}
`;

/** My queue (view ?view=queue). */
export const MY_QUEUE = /* GraphQL */ `
  query MyQueue($includeDone: Boolean!) {
    myQueue(includeDone: $includeDone) { ...AssignmentItem }
  }
  ${ASSIGNMENT}
`;
