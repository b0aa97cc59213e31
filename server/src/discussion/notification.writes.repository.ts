// Writes notifications INSIDE the caller's write transaction, so a notification exists exactly when the change that
// raised it committed. The node shape is the one contract shared with the notification centre (notify branch):
//   (n:Notification {id, kind, subjectId, subjectKind, subjectName, actorId, actorName, message, createdAt, readAt: null})-[:FOR]->(u:User)
import { randomUUID } from 'node:crypto';
import type { WriteTx } from '../db/database.js';
import { AUTH_LABELS, DISCUSSION_LABELS, DISCUSSION_LINKS, ENTITY_LABEL } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';

export type NotificationKind = 'MENTION' | 'ASSIGNED' | 'COMMENTED';

export interface NotificationDraft {
  kind: NotificationKind;
  subjectId: string;
  actorId: string;
  actorName: string;
  message: string;
}

/**
 * One notification per recipient (the actor never notifies themself). The subject's kind and name are read from the
 * subject in the same statement, so the notification still says what it was about after a rename or delete.
 */
export const WRITE_NOTIFICATIONS = `
  UNWIND $rows AS row
  MATCH (u:${AUTH_LABELS.USER} {id: row.userId}) WHERE u.id <> $draft.actorId
  OPTIONAL MATCH (s:${ENTITY_LABEL} {id: $draft.subjectId})
  CREATE (n:${DISCUSSION_LABELS.NOTIFICATION} {
    id: row.id, kind: $draft.kind, subjectId: $draft.subjectId,
    subjectKind: ${KIND_OF('s')}, subjectName: coalesce(s.name, $draft.subjectId),
    actorId: $draft.actorId, actorName: $draft.actorName, message: $draft.message, createdAt: datetime(), readAt: null
  })-[:${DISCUSSION_LINKS.FOR}]->(u)
  RETURN count(n) AS written`;

export async function writeNotifications(tx: WriteTx, draft: NotificationDraft, userIds: readonly string[]): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id !== draft.actorId);
  if (recipients.length === 0) return 0;
  const rows = recipients.map((userId) => ({ userId, id: randomUUID() }));
  const [row] = await tx.run<{ written: number }>(WRITE_NOTIFICATIONS, { rows, draft });
  return row?.written ?? 0;
}
