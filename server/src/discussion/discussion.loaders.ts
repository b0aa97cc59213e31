import type { AssignmentRecord } from './assignment.repository.js';
import { assignmentsOf } from './assignment.service.js';
import { defineLoader, groupInOrder } from '../graphql/context.js';
import { findCommentRevisions, findCommentsOf, type CommentRecord, type CommentRevisionRecord } from './comment.repository.js';

/** The thread of a subject, oldest first, deleted comments included. */
export const commentsOfSubject = defineLoader<string, CommentRecord[]>('commentsOfSubject', async (db, ids) =>
  groupInOrder(ids, await findCommentsOf(db, ids), (r) => r.key).map((rows) => rows.map((r) => r.comment)),
);

/** A comment's earlier texts, oldest first. */
export const revisionsOfComment = defineLoader<string, CommentRevisionRecord[]>('revisionsOfComment', async (db, ids) =>
  groupInOrder(ids, await findCommentRevisions(db, ids), (r) => r.commentId),
);

/** Who a subject is assigned to (open first, by due date). */
export const assignmentsOfSubject = defineLoader<string, AssignmentRecord[]>('assignmentsOfSubject', (db, ids) => assignmentsOf(db, ids));
