// All Cypher of notifications: raising them inside the transaction of the change that causes them (so a rolled-back
// change raises none and a committed one raises each exactly once), and reading and marking them for their user.
// The discussion domain raises its MENTION and ASSIGNED notifications through notifyPeople. The node's shape:
//   (n:Notification {id, kind, subjectId, subjectKind, subjectName, actorId, actorName, message, createdAt, readAt})-[:FOR]->(u:User)
import { randomUUID } from 'node:crypto';
import type { Database, WriteTx } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, NOTIFICATION_LABEL, SAVED_SEARCH_LABEL, WATCH_LINKS } from '../db/labels.js';
import { FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import { int } from '../db/values.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { toLuceneQuery } from '../fulltext/lucene-query.js';
import type { Actor, ChangeInput } from '../history/history.model.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';
import { concernedIds, describeChange, kindOfChange, planNotifications, type FollowedThing, type NotificationDraft } from './notification.model.js';

const { USER } = AUTH_LABELS;
const { FOLLOWS, FOR } = WATCH_LINKS;

/** "user|subject" pairs already notified in one transaction attempt (a retried attempt gets a new tx, so a new set). */
const notifiedIn = new WeakMap<WriteTx, Set<string>>();

function alreadyNotified(tx: WriteTx): Set<string> {
  let set = notifiedIn.get(tx);
  if (!set) notifiedIn.set(tx, (set = new Set()));
  return set;
}

/** Followers of deleted users are skipped: a tombstone reads nothing. */
export const FOLLOWED_THINGS_QUERY = `UNWIND $ids AS key
  MATCH (x:${ENTITY_LABEL} {id: key})
  OPTIONAL MATCH (u:${USER})-[:${FOLLOWS}]->(x) WHERE u.id <> $actorId AND coalesce(u.status, 'active') <> 'deleted'
  RETURN x.id AS id, ${KIND_OF('x')} AS kind, coalesce(x.name, x.id) AS name, collect(u.id) AS followerIds`;

export async function followedThings(tx: WriteTx, ids: readonly string[], actorId: string): Promise<FollowedThing[]> {
  if (ids.length === 0) return [];
  return tx.run<FollowedThing>(FOLLOWED_THINGS_QUERY, { ids, actorId });
}

/**
 * The one statement that creates notifications. A draft that does not name its subject's kind and name (a mention, an
 * assignment) takes them from the subject as it is now, so the notification still says what it was about after a
 * rename or delete (then the id stands for the name).
 */
export const INSERT_NOTIFICATIONS_QUERY = `UNWIND $drafts AS d
  MATCH (u:${USER} {id: d.userId})
  OPTIONAL MATCH (s:${ENTITY_LABEL} {id: d.subjectId})
  CREATE (n:${NOTIFICATION_LABEL} {id: d.id, kind: d.kind, subjectId: d.subjectId,
                                  subjectKind: coalesce(d.subjectKind, ${KIND_OF('s')}), subjectName: coalesce(d.subjectName, s.name, d.subjectId),
                                  actorId: $actorId, actorName: $actorName, message: d.message, createdAt: datetime(), readAt: null})-[:${FOR}]->(u)
  RETURN count(n) AS written`;

type Draft = Omit<NotificationDraft, 'subjectKind' | 'subjectName'> & { subjectKind: string | null; subjectName: string | null };

/** Returns how many were written: a recipient who is not a user gets none. */
export async function insertNotifications(tx: WriteTx, actor: Actor, drafts: readonly Draft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const [row] = await tx.run<{ written: number }>(INSERT_NOTIFICATIONS_QUERY, {
    drafts: drafts.map((d) => ({ ...d, id: randomUUID() })),
    // No id: the Atlas itself (a scenario rerun), shown by name.
    actorId: actor.id || null,
    actorName: actor.name,
  });
  return row?.written ?? 0;
}

/** What a discussion tells the people it names: a mention, an assignment. */
export interface PersonalNotice {
  kind: NotificationKind;
  subjectId: string;
  message: string;
}

/**
 * Notifies the people a comment or an assignment names, inside its transaction: one notification each, never to the
 * actor, never twice in one call. Returns how many were written.
 */
export async function notifyPeople(tx: WriteTx, actor: Actor, notice: PersonalNotice, userIds: readonly string[]): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id !== actor.id);
  return insertNotifications(
    tx,
    actor,
    recipients.map((userId) => ({ userId, ...notice, subjectKind: null, subjectName: null })),
  );
}

/** Called by history's recordChange for every map change: the followers of what it touches hear of it. */
export async function notifyChange(tx: WriteTx, actor: Actor, change: ChangeInput): Promise<void> {
  const ids = concernedIds(change);
  const things = await followedThings(tx, ids, actor.id);
  if (!things.some((t) => t.followerIds.length > 0)) return;
  const byId = new Map(things.map((t) => [t.id, t]));
  const kind = kindOfChange(change);
  const message = describeChange(change, actor, byId);
  await insertNotifications(
    tx,
    actor,
    planNotifications(things, ids, actor, () => ({ kind, message }), alreadyNotified(tx)),
  );
}

/** An annotation written on a followed signal or entity (SIGNAL_ANNOTATED) or its ratings changed (RATING_CHANGED). */
export async function notifyAnnotation(
  tx: WriteTx,
  actor: Actor,
  targetId: string,
  kind: NotificationKind,
  describe: (targetName: string) => string,
): Promise<void> {
  const things = await followedThings(tx, [targetId], actor.id);
  await insertNotifications(
    tx,
    actor,
    planNotifications(things, [targetId], actor, (t) => ({ kind, message: describe(t.name) }), alreadyNotified(tx)),
  );
}

/** Saved searches someone follows that may hear of new signals: no kinds named, or Signal among them. */
export const FOLLOWED_SIGNAL_SEARCHES_QUERY = `MATCH (u:${USER})-[:${FOLLOWS}]->(s:${SAVED_SEARCH_LABEL})
  WHERE u.id <> $actorId AND coalesce(u.status, 'active') <> 'deleted' AND (size(coalesce(s.kinds, [])) = 0 OR 'Signal' IN s.kinds)
  RETURN s.id AS id, s.name AS name, s.query AS query, collect(u.id) AS followerIds`;

/** The new signals among the hits of one saved search's Lucene query (the index sees the transaction's own writes). */
export const SIGNALS_MATCHING_QUERY = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node
  WITH node WHERE node:Signal AND node.id IN $signalIds
  RETURN node.id AS id, node.name AS name`;

/** New signals (a form or an import) that match a saved search: its followers hear of each, once per signal. */
export async function notifySavedSearchMatches(tx: WriteTx, actor: Actor, signalIds: readonly string[]): Promise<void> {
  if (signalIds.length === 0) return;
  const searches = await tx.run<{ id: string; name: string; query: string; followerIds: string[] }>(FOLLOWED_SIGNAL_SEARCHES_QUERY, { actorId: actor.id });
  const already = alreadyNotified(tx);
  const drafts: NotificationDraft[] = [];
  for (const search of searches) {
    const query = toLuceneQuery(search.query);
    if (!query) continue;
    const hits = await tx.run<{ id: string; name: string }>(SIGNALS_MATCHING_QUERY, { index: FULLTEXT_INDEX, query, signalIds });
    for (const hit of hits) {
      const thing: FollowedThing = { id: hit.id, kind: 'Signal', name: hit.name, followerIds: search.followerIds };
      drafts.push(
        ...planNotifications(
          [thing],
          [hit.id],
          actor,
          () => ({
            kind: NotificationKind.SAVED_SEARCH_MATCH,
            message: `New signal “${hit.name}” matches your saved search “${search.name}”.`,
          }),
          already,
        ),
      );
    }
  }
  await insertNotifications(tx, actor, drafts);
}

/**
 * Signals created by an import (which records no change per signal): the followers of a target hear once per import
 * of the signals now linked to it (SIGNAL_LINKED), and the followers of matching saved searches of each new signal.
 */
export async function notifyImportedSignals(tx: WriteTx, actor: Actor, signals: readonly { id: string; name: string; targetIds: string[] }[]): Promise<void> {
  const targetIds = [...new Set(signals.flatMap((s) => s.targetIds))];
  const things = await followedThings(tx, targetIds, actor.id);
  const already = alreadyNotified(tx);
  const drafts = things.flatMap((thing) => {
    const names = signals.filter((s) => s.targetIds.includes(thing.id)).map((s) => `“${s.name}”`);
    const message =
      names.length === 1
        ? `${actor.name} imported signal ${names[0]}, linked to “${thing.name}”.`
        : `${actor.name} imported ${names.length} signals linked to “${thing.name}”: ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}.`;
    return planNotifications([thing], [thing.id], actor, () => ({ kind: NotificationKind.SIGNAL_LINKED, message }), already);
  });
  await insertNotifications(tx, actor, drafts);
  await notifySavedSearchMatches(
    tx,
    actor,
    signals.map((s) => s.id),
  );
}

// --- reading and marking ------------------------------------------------------------------------------------------

export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  subjectId: string;
  subjectKind: string | null;
  subjectName: string | null;
  actorId: string | null;
  actorName: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

const NOTIFICATION_FIELDS = `n { .id, .kind, .subjectId, .subjectKind, .subjectName, .actorId, .actorName, .message,
  createdAt: toString(n.createdAt), readAt: toString(n.readAt) }`;

/** Unread first, then newest first; `since` keeps those created at or after it (the feed and the digest). */
export const LIST_NOTIFICATIONS_QUERY = `MATCH (n:${NOTIFICATION_LABEL})-[:${FOR}]->(:${USER} {id: $userId})
  WHERE ($unreadOnly = false OR n.readAt IS NULL) AND ($since IS NULL OR n.createdAt >= datetime($since))
  WITH n ORDER BY CASE WHEN $unreadFirst AND n.readAt IS NULL THEN 0 ELSE 1 END, n.createdAt DESC, n.id DESC
  LIMIT $limit
  RETURN ${NOTIFICATION_FIELDS} AS n`;

export interface ListOptions {
  first: number;
  unreadOnly?: boolean;
  unreadFirst?: boolean;
  since?: string | null;
}

export async function listNotifications(db: Database, userId: string, options: ListOptions): Promise<NotificationRecord[]> {
  const rows = await db.read<{ n: NotificationRecord }>(LIST_NOTIFICATIONS_QUERY, {
    userId,
    unreadOnly: options.unreadOnly ?? false,
    unreadFirst: options.unreadFirst ?? true,
    since: options.since ?? null,
    limit: int(options.first),
  });
  return rows.map((r) => r.n);
}

export const COUNT_NOTIFICATIONS_QUERY = `MATCH (u:${USER} {id: $userId})
  RETURN COUNT { (n:${NOTIFICATION_LABEL})-[:${FOR}]->(u) } AS total,
         COUNT { (n:${NOTIFICATION_LABEL})-[:${FOR}]->(u) WHERE n.readAt IS NULL } AS unread`;

export async function countNotifications(db: Database, userId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db.read<{ total: number; unread: number }>(COUNT_NOTIFICATIONS_QUERY, { userId });
  return row ?? { total: 0, unread: 0 };
}

/** Marks the user's notifications read (the given ids, or all when null); returns how many changed. Others' are never touched. */
export const MARK_READ_QUERY = `MATCH (n:${NOTIFICATION_LABEL})-[:${FOR}]->(:${USER} {id: $userId})
  WHERE n.readAt IS NULL AND ($ids IS NULL OR n.id IN $ids)
  SET n.readAt = datetime()
  RETURN count(n) AS changed`;

export async function markRead(db: Database, userId: string, ids: readonly string[] | null): Promise<number> {
  const [row] = await db.write<{ changed: number }>(MARK_READ_QUERY, { userId, ids });
  return row?.changed ?? 0;
}

/** Which of these ids are the user's notifications (to refuse unknown ones by name). */
export async function findOwnNotificationIds(db: Database, userId: string, ids: readonly string[]): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `UNWIND $ids AS key MATCH (n:${NOTIFICATION_LABEL} {id: key})-[:${FOR}]->(:${USER} {id: $userId}) RETURN n.id AS id`,
    { ids, userId },
  );
  return rows.map((r) => r.id);
}
