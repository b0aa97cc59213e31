// A user's notifications as an Atom 1.0 feed, for feed readers, built with the `feed` library (it escapes the XML).
// Pure: the HTTP route (notification.http.ts) reads the notifications and the base URL.
import { Feed } from 'feed';
import type { NotificationRecord } from './notification.repository.js';
import { KIND_WORDS, subjectPath } from './notification.model.js';

export interface FeedOwner {
  id: string;
  name: string;
}

/**
 * `feedUrl` is the feed's own address (it holds the secret token, so it is only ever given back to the one who asked);
 * entry ids are tag-style URNs of the notification ids, stable across feed fetches.
 */
export function notificationsAtom(owner: FeedOwner, notifications: readonly NotificationRecord[], baseUrl: string, feedUrl: string, now: Date): string {
  const newest = notifications.reduce<Date | null>((latest, n) => {
    const at = new Date(n.createdAt);
    return latest === null || at > latest ? at : latest;
  }, null);
  const feed = new Feed({
    id: `urn:foresight-atlas:notifications:${owner.id}`,
    title: `Foresight Atlas: notifications for ${owner.name}`,
    description: 'What changed on the things you follow, and who mentioned or assigned you.',
    link: `${baseUrl}/?view=notifications`,
    updated: newest ?? now,
    generator: 'Foresight Atlas',
    feedLinks: { atom: feedUrl },
    author: { name: 'Foresight Atlas' },
    copyright: 'Foresight Atlas',
  });
  for (const n of notifications) {
    feed.addItem({
      id: `urn:foresight-atlas:notification:${n.id}`,
      title: `${KIND_WORDS[n.kind] ?? n.kind}: ${n.subjectName ?? n.subjectId}`,
      link: `${baseUrl}${subjectPath(n.subjectKind, n.subjectId)}`,
      date: new Date(n.createdAt),
      description: n.message,
      author: n.actorName ? [{ name: n.actorName }] : undefined,
    });
  }
  return feed.atom1();
}
