// What a notification says and who gets one, decided without I/O: from a change record (history/history.model.ts) or
// an annotation write, and the followers of what it touches. The repository looks the followers up and writes the drafts.
import type { Actor, ChangeInput } from '../history/history.model.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';

/** A thing someone follows, as the change touches it, with the users following it (never the actor). */
export interface FollowedThing {
  id: string;
  kind: string;
  name: string;
  followerIds: string[];
}

export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  subjectId: string;
  subjectKind: string;
  subjectName: string;
  message: string;
}

/** What a change concerns, by id: the entity, both ends of a link, what a merge folded in, and a new signal's targets. */
export function concernedIds(change: ChangeInput): string[] {
  const ids = [change.entityId, change.fromId, change.toId, change.mergedId];
  if (change.kind === 'CREATE' && change.entityKind === 'Signal') ids.push(...indicatedTargets(change));
  // A deleted entity takes its FOLLOWS with it; the things it was linked to lost a link, and their followers hear of it.
  if (change.kind === 'DELETE' && change.snapshot && 'links' in change.snapshot) {
    for (const link of change.snapshot.links) ids.push(link.fromId, link.toId);
  }
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}

function indicatedTargets(change: ChangeInput): string[] {
  const field = change.fields.find((f) => f.field === 'indicates');
  return Array.isArray(field?.after) ? field.after.filter((x): x is string => typeof x === 'string') : [];
}

function quoted(name: string): string {
  return `“${name}”`;
}

function nameOf(id: string | null | undefined, things: ReadonlyMap<string, FollowedThing>, fallback: string | null | undefined): string {
  return (id && things.get(id)?.name) || fallback || id || 'something';
}

/** One sentence in the analysts' words, naming who did what to which thing. */
export function describeChange(change: ChangeInput, actor: Actor, things: ReadonlyMap<string, FollowedThing>): string {
  const who = actor.name;
  const entity = quoted(nameOf(change.entityId, things, change.entityName));
  const from = quoted(nameOf(change.fromId, things, null));
  const to = quoted(nameOf(change.toId, things, null));
  const fields = change.fields.map((f) => f.field).filter((f) => f !== 'indicates');
  switch (change.kind) {
    case 'CREATE':
      if (change.entityKind === 'Signal') {
        const targets = indicatedTargets(change).map((id) => quoted(nameOf(id, things, null)));
        return targets.length ? `${who} recorded signal ${entity}, linked to ${targets.join(', ')}.` : `${who} recorded signal ${entity}.`;
      }
      return `${who} created ${entity}.`;
    case 'UPDATE':
      return `${who} changed ${fields.length ? fields.join(', ') : 'the fields'} of ${entity}.`;
    case 'DELETE':
      return `${who} deleted ${entity}.`;
    case 'LINK':
      if (change.linkType === 'INDICATES') return `${who} linked signal ${from} to ${to}.`;
      return `${who} linked ${from} to ${to} (${change.linkType ?? 'link'}).`;
    case 'UNLINK':
      return `${who} removed the link ${from} → ${to} (${change.linkType ?? 'link'}).`;
    case 'MERGE':
      return `${who} merged ${quoted(nameOf(change.mergedId, things, change.mergedId))} into ${entity}.`;
    case 'RESTORE':
      return `${who} restored ${change.entityId ? entity : `the link ${from} → ${to}`}.`;
  }
}

/** A signal tied to a followed thing is SIGNAL_LINKED (a new signal with links, or a new INDICATES link); anything else is a mapping change. */
export function kindOfChange(change: ChangeInput): NotificationKind {
  if (change.kind === 'LINK' && change.linkType === 'INDICATES') return NotificationKind.SIGNAL_LINKED;
  if (change.kind === 'CREATE' && change.entityKind === 'Signal' && indicatedTargets(change).length > 0) return NotificationKind.SIGNAL_LINKED;
  return NotificationKind.MAPPING_CHANGED;
}

/**
 * One notification per follower per change: a follower of both ends of a link hears of it once, about the first end
 * they follow (the entity itself, then the link's start, then its end). `already` holds "user|subject" pairs notified
 * earlier in the same transaction (a link and the status change it causes are one event for the signal's followers);
 * it is updated here.
 */
export function planNotifications(
  things: readonly FollowedThing[],
  order: readonly string[],
  actor: Actor,
  build: (thing: FollowedThing) => { kind: NotificationKind; message: string },
  already: Set<string>,
): NotificationDraft[] {
  const byId = new Map(things.map((t) => [t.id, t]));
  const heard = new Set<string>();
  const drafts: NotificationDraft[] = [];
  for (const id of order) {
    const thing = byId.get(id);
    if (!thing) continue;
    for (const userId of thing.followerIds) {
      if (userId === actor.id || heard.has(userId) || already.has(`${userId}|${thing.id}`)) continue;
      heard.add(userId);
      already.add(`${userId}|${thing.id}`);
      const { kind, message } = build(thing);
      drafts.push({ userId, kind, subjectId: thing.id, subjectKind: thing.kind, subjectName: thing.name, message });
    }
  }
  return drafts;
}

/** The ratings of an annotation in words: "impact 4, likelihood 3". */
export function ratingWords(ratings: Record<string, unknown>): string {
  return Object.entries(ratings)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k === 'horizonYear' ? 'horizon' : k} ${String(v)}`)
    .join(', ');
}

/** Where the web app shows a notification's subject (the same place `url.go` takes the notification centre's links). */
export function subjectPath(subjectKind: string | null, subjectId: string): string {
  const id = encodeURIComponent(subjectId).replace(/%3A/gi, ':');
  switch (subjectKind) {
    case 'Signal':
      return `/?view=signals&focus=${id}`;
    case 'Scenario':
      return `/?view=scenarios&focus=${id}`;
    default:
      return `/?view=explorer&focus=${id}`;
  }
}

/** A notification kind in the analysts' words (the feed, the digest; the web has its own map). */
export const KIND_WORDS: Record<NotificationKind, string> = {
  [NotificationKind.SIGNAL_LINKED]: 'Signal linked',
  [NotificationKind.SIGNAL_ANNOTATED]: 'Annotated',
  [NotificationKind.RATING_CHANGED]: 'Rating changed',
  [NotificationKind.MAPPING_CHANGED]: 'Map changed',
  [NotificationKind.SCENARIO_IMPACT_CHANGED]: 'Scenario impact changed',
  [NotificationKind.SAVED_SEARCH_MATCH]: 'Saved search matched',
  [NotificationKind.MENTION]: 'Mentioned you',
  [NotificationKind.ASSIGNED]: 'Assigned to you',
  [NotificationKind.COMMENTED]: 'New comment',
};
