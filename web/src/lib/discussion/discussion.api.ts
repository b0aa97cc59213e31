// Typed calls of the discussion documents, one function per action, and the shapes they return.
import { gql } from '../graphql/client';
import type * as Api from '../graphql/api-types';
import {
  ADD_COMMENT,
  ASSIGN,
  COLLEAGUES,
  COMMENT_THREAD,
  COMPLETE_ASSIGNMENT,
  DELETE_COMMENT,
  EDIT_COMMENT,
  MY_QUEUE,
  SUBJECT_ASSIGNMENTS,
  UNASSIGN,
} from './discussion.operations';

type Options = { signal?: AbortSignal };

export type CommentItem = Api.CommentItemFragment;
export type AssignmentItem = Api.AssignmentItemFragment;
export type Colleague = Api.ColleaguesQuery['colleagues'][number];
export type AssignmentState = Api.AssignmentState;

/** The states in analysts' words, in the order the queue lists them. */
export const STATE_WORDS: Record<AssignmentState, string> = { OVERDUE: 'overdue', DUE_TODAY: 'due today', OPEN: 'open', DONE: 'done' };

export async function loadThread(subjectId: string, options: Options = {}): Promise<CommentItem[]> {
  return (await gql<Api.CommentThreadQuery, Api.CommentThreadQueryVariables>(COMMENT_THREAD, { subjectId }, options)).comments;
}

export async function addComment(subjectId: string, body: string): Promise<CommentItem> {
  return (await gql<Api.AddCommentMutation, Api.AddCommentMutationVariables>(ADD_COMMENT, { subjectId, body })).addComment;
}

export async function editComment(id: string, body: string): Promise<CommentItem> {
  return (await gql<Api.EditCommentMutation, Api.EditCommentMutationVariables>(EDIT_COMMENT, { id, body })).editComment;
}

export async function deleteComment(id: string): Promise<CommentItem> {
  return (await gql<Api.DeleteCommentMutation, Api.DeleteCommentMutationVariables>(DELETE_COMMENT, { id })).deleteComment;
}

export async function loadColleagues(options: Options = {}): Promise<Colleague[]> {
  return (await gql<Api.ColleaguesQuery, Api.ColleaguesQueryVariables>(COLLEAGUES, {}, options)).colleagues;
}

export async function loadAssignments(subjectId: string, options: Options = {}): Promise<AssignmentItem[]> {
  return (await gql<Api.SubjectAssignmentsQuery, Api.SubjectAssignmentsQueryVariables>(SUBJECT_ASSIGNMENTS, { subjectId }, options)).assignments;
}

export async function assign(subjectId: string, assigneeId: string, due: string, note: string | null): Promise<AssignmentItem> {
  return (await gql<Api.AssignMutation, Api.AssignMutationVariables>(ASSIGN, { subjectId, assigneeId, due, note })).assign;
}

export async function unassign(id: string): Promise<void> {
  await gql<Api.UnassignMutation, Api.UnassignMutationVariables>(UNASSIGN, { id });
}

export async function completeAssignment(id: string): Promise<AssignmentItem> {
  return (await gql<Api.CompleteAssignmentMutation, Api.CompleteAssignmentMutationVariables>(COMPLETE_ASSIGNMENT, { id })).completeAssignment;
}

export async function loadMyQueue(includeDone: boolean, options: Options = {}): Promise<AssignmentItem[]> {
  return (await gql<Api.MyQueueQuery, Api.MyQueueQueryVariables>(MY_QUEUE, { includeDone }, options)).myQueue;
}

/** Where a subject opens: signals in the Signals view, everything else in the Explorer. */
export function viewOf(kind: string | null | undefined): 'signals' | 'explorer' {
  return kind === 'Signal' ? 'signals' : 'explorer';
}

/** Today as YYYY-MM-DD in UTC: due dates are calendar days, the same for the whole team (as the API judges them). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
