// All Cypher for comments. The model (labels.ts, DISCUSSION_*):
//   (c:Comment {id, subjectId, body, authorId, authorName, createdAt, editedAt, deletedAt, deletedBy, mentionedIds})-[:ON]->(subject)
//   (u:User)-[:WROTE]->(c)
//   (c)-[:EARLIER_VERSION]->(r:CommentRevision {commentId, version, body, editedAt}): the text as it was before each edit
// A delete is soft: deletedAt/deletedBy are set, the body and its earlier versions stay stored (the API hides them).
// Mention notifications are written in the same transaction as the comment or the edit that mentions.
import type { Database, WriteTx } from '../db/database.js';
import { AUTH_LABELS, DISCUSSION_LABELS, DISCUSSION_LINKS, ENTITY_LABEL } from '../db/labels.js';
import { badInput, notFound } from '../graphql/errors.js';
import { notYours, standingOf, type Owner, type Standing } from '../auth/ownership.js';
import { notifyPeople } from '../notification/notification.repository.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';

const { COMMENT, COMMENT_REVISION } = DISCUSSION_LABELS;
const { ON, WROTE, EARLIER_VERSION } = DISCUSSION_LINKS;

export interface CommentRecord {
  id: string;
  subjectId: string;
  body: string;
  authorId: string;
  author: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  deletedBy: string | null;
  /** Names of the users mentioned (in the current text or any earlier version). */
  mentioned: string[];
  mentionedIds: string[];
  revisionCount: number;
}

export interface CommentRevisionRecord {
  commentId: string;
  version: number;
  body: string;
  editedAt: string;
}

const COMMENT_FIELDS = `c { .id, .subjectId, .body, .authorId, author: c.authorName, createdAt: toString(c.createdAt),
  editedAt: toString(c.editedAt), deletedAt: toString(c.deletedAt), .deletedBy,
  mentionedIds: coalesce(c.mentionedIds, []), mentioned: coalesce(c.mentionedNames, []),
  revisionCount: COUNT { (c)-[:${EARLIER_VERSION}]->(:${COMMENT_REVISION}) } }`;

export interface Mentioned {
  id: string;
  name: string;
}

export const INSERT_COMMENT = `
  MATCH (s:${ENTITY_LABEL} {id: $subjectId})
  MATCH (u:${AUTH_LABELS.USER} {id: $authorId})
  CREATE (u)-[:${WROTE}]->(c:${COMMENT} {id: $id, subjectId: $subjectId, body: $body, authorId: u.id, authorName: u.name,
          createdAt: datetime(), mentionedIds: $mentionedIds, mentionedNames: $mentionedNames})-[:${ON}]->(s)
  RETURN ${COMMENT_FIELDS} AS comment`;

function mentionMessage(actor: Owner, body: string): string {
  const excerpt = body.length > 140 ? `${body.slice(0, 139)}…` : body;
  return `${actor.name} mentioned you: “${excerpt}”`;
}

export async function insertComment(db: Database, input: { id: string; subjectId: string; body: string; mentions: Mentioned[] }, actor: Owner) {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ comment: CommentRecord }>(INSERT_COMMENT, {
      ...input,
      authorId: actor.id,
      mentionedIds: input.mentions.map((m) => m.id),
      mentionedNames: input.mentions.map((m) => m.name),
    });
    // The subject was there when validated; gone now means it was deleted meanwhile: nothing is written.
    if (!row) throw badInput({ field: 'subjectId', message: `"${input.subjectId}" no longer exists (deleted just now?). Reload the page.` });
    const notice = { kind: NotificationKind.MENTION, subjectId: input.subjectId, message: mentionMessage(actor, input.body) };
    await notifyPeople(
      tx,
      actor,
      notice,
      input.mentions.map((m) => m.id),
    );
    return row.comment;
  });
}

async function findForChange(tx: WriteTx, id: string, actor: Owner): Promise<{ comment: CommentRecord; standing: Standing }> {
  const [row] = await tx.run<{ comment: CommentRecord }>(`MATCH (c:${COMMENT} {id: $id}) RETURN ${COMMENT_FIELDS} AS comment`, { id });
  if (!row) throw notFound('comment', id);
  if (row.comment.deletedAt) throw badInput({ field: 'id', message: `comment ${id} was deleted; it cannot change. Write a new comment instead.` });
  return { comment: row.comment, standing: standingOf(actor, { author: row.comment.author, authorId: row.comment.authorId }) };
}

export const REVISE_COMMENT = `
  MATCH (c:${COMMENT} {id: $id})
  CREATE (c)-[:${EARLIER_VERSION}]->(:${COMMENT_REVISION} {commentId: c.id, body: c.body, editedAt: coalesce(c.editedAt, c.createdAt),
          version: COUNT { (c)-[:${EARLIER_VERSION}]->(:${COMMENT_REVISION}) } + 1})
  SET c.body = $body, c.editedAt = datetime(),
      c.mentionedIds = coalesce(c.mentionedIds, []) + $mentionedIds, c.mentionedNames = coalesce(c.mentionedNames, []) + $mentionedNames
  RETURN ${COMMENT_FIELDS} AS comment`;

/**
 * An edit by the author: the earlier text becomes a revision. Only users not mentioned before are notified (an edit
 * that fixes a typo must not ping everyone again). An edit that changes nothing writes nothing.
 */
export async function reviseComment(db: Database, id: string, body: string, mentions: Mentioned[], actor: Owner) {
  return db.writeTransaction(async (tx) => {
    const { comment, standing } = await findForChange(tx, id, actor);
    // Admins may remove a comment, not put words in someone's mouth.
    if (standing !== 'owner') throw notYours('comment', comment.author, 'Reply with a comment of your own; an administrator may delete it.');
    if (comment.body === body) return comment;
    const fresh = mentions.filter((m) => !comment.mentionedIds.includes(m.id));
    const [row] = await tx.run<{ comment: CommentRecord }>(REVISE_COMMENT, {
      id,
      body,
      mentionedIds: fresh.map((m) => m.id),
      mentionedNames: fresh.map((m) => m.name),
    });
    const notice = { kind: NotificationKind.MENTION, subjectId: comment.subjectId, message: mentionMessage(actor, body) };
    await notifyPeople(
      tx,
      actor,
      notice,
      fresh.map((m) => m.id),
    );
    return row!.comment;
  });
}

export const DELETE_COMMENT = `
  MATCH (c:${COMMENT} {id: $id})
  SET c.deletedAt = datetime(), c.deletedBy = $by
  RETURN ${COMMENT_FIELDS} AS comment`;

/** A soft delete by the author or an administrator: the text is hidden, kept with its history. */
export async function softDeleteComment(db: Database, id: string, actor: Owner) {
  return db.writeTransaction(async (tx) => {
    const { comment, standing } = await findForChange(tx, id, actor);
    if (standing === 'other') throw notYours('comment', comment.author, 'Ask its author or an administrator to remove it.');
    const [row] = await tx.run<{ comment: CommentRecord }>(DELETE_COMMENT, { id, by: actor.name });
    return row!.comment;
  });
}

export const COMMENTS_OF_SUBJECTS = `
  UNWIND $ids AS key
  MATCH (c:${COMMENT})-[:${ON}]->(:${ENTITY_LABEL} {id: key})
  RETURN key, ${COMMENT_FIELDS} AS comment
  ORDER BY c.createdAt, c.id`;

/** The thread of each subject, oldest first (deleted comments included: the thread shows where they were). */
export async function findCommentsOf(db: Database, ids: readonly string[]) {
  return db.read<{ key: string; comment: CommentRecord }>(COMMENTS_OF_SUBJECTS, { ids });
}

export const REVISIONS_OF_COMMENTS = `
  UNWIND $ids AS key
  MATCH (:${COMMENT} {id: key})-[:${EARLIER_VERSION}]->(r:${COMMENT_REVISION})
  RETURN r { .commentId, .version, .body, editedAt: toString(r.editedAt) } AS revision
  ORDER BY r.version`;

/** The earlier versions of each comment, oldest first. */
export async function findCommentRevisions(db: Database, ids: readonly string[]) {
  return (await db.read<{ revision: CommentRevisionRecord }>(REVISIONS_OF_COMMENTS, { ids })).map((r) => r.revision);
}
