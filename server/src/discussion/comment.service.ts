// Comments: validation first (body, subject, mentions), then one write transaction each (comment.repository.ts).
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/roles.js';
import { hasRole } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { assertValid, badInput, type FieldProblem } from '../graphql/errors.js';
import { optionalText } from '../graphql/validation.js';
import { findCommentRevisions, insertComment, reviseComment, softDeleteComment, type CommentRecord, type Mentioned } from './comment.repository.js';
import { mentionsIn, resolveMentions } from './mentions.js';
import { findMentionable, findSubject } from './people.repository.js';

/** Long enough for a paragraph of reasoning; an essay belongs in an annotation or a briefing. */
export const MAX_COMMENT_LENGTH = 5000;

function bodyProblem(field: string, body: string): FieldProblem | null {
  if (body.trim().length === 0) return { field, message: 'must not be empty: write what you want to say.' };
  return optionalText(field, body, MAX_COMMENT_LENGTH);
}

/** The users the body mentions; refuses (naming each) mentions of nobody, or of several people. */
async function mentionedUsers(db: Database, field: string, body: string): Promise<Mentioned[]> {
  const mentions = mentionsIn(body);
  if (mentions.length === 0) return [];
  const candidates = await findMentionable(
    db,
    mentions.map((m) => m.written.toLowerCase()),
  );
  const { users, unknown, ambiguous } = resolveMentions(mentions, candidates);
  const problems: FieldProblem[] = [
    ...unknown.map((written) => ({
      field,
      message: `No user called @${written.includes(' ') ? `"${written}"` : written}: check the spelling, mention someone by the start of their e-mail (@ana for ana@…) or their name in quotes (@"Ana Martin"), or remove the @.`,
    })),
    ...ambiguous.map(({ written, candidates: names }) => ({
      field,
      message: `@${written} fits ${names.length} users (${names.join(', ')}): mention them by the start of their e-mail instead.`,
    })),
  ];
  assertValid(problems);
  return users.map((u) => ({ id: u.id, name: u.name }));
}

export async function addComment(db: Database, subjectId: string, body: string, actor: AuthUser): Promise<CommentRecord> {
  assertValid([bodyProblem('body', body)].filter((p): p is FieldProblem => p !== null));
  const subject = await findSubject(db, subjectId);
  if (!subject) {
    throw badInput({
      field: 'subjectId',
      message: `no entity, signal, saved scenario or annotation has the id "${subjectId}". Open the subject in the Atlas and comment there.`,
    });
  }
  const text = body.trim();
  const mentions = await mentionedUsers(db, 'body', text);
  return insertComment(db, { id: `comment:${randomUUID()}`, subjectId, body: text, mentions }, actor);
}

export async function editComment(db: Database, id: string, body: string, actor: AuthUser): Promise<CommentRecord> {
  assertValid([bodyProblem('body', body)].filter((p): p is FieldProblem => p !== null));
  const text = body.trim();
  const mentions = await mentionedUsers(db, 'body', text);
  return reviseComment(db, id, text, mentions, actor);
}

export function deleteComment(db: Database, id: string, actor: AuthUser): Promise<CommentRecord> {
  return softDeleteComment(db, id, actor);
}

/** What the caller may do with a comment (the web shows only the buttons that work). */
export function permissionsOn(comment: CommentRecord, user: AuthUser | null) {
  const live = !comment.deletedAt;
  const own = user !== null && user.id === comment.authorId;
  const writer = user !== null && hasRole(user.role, 'analyst');
  return { canEdit: live && own && writer, canDelete: live && writer && (own || hasRole(user.role, 'admin')) };
}

export { findCommentRevisions };
