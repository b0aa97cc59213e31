// GET /feeds/notifications/<token>.atom: a user's notifications for their feed reader, at a secret URL. The secret is
// one of the user's API tokens (the Tokens view makes and revokes them), so revoking the token ends the feed; an
// unknown or revoked token answers 404, as if there were nothing there, so the URL gives nothing away.
import type { Request, Response } from 'express';
import type { Database } from '../db/database.js';
import { userOfToken } from '../user/user.repository.js';
import { notificationsAtom } from './notification.feed.js';
import { listNotifications } from './notification.repository.js';

export const NOTIFICATION_FEED_PATH = '/feeds/notifications/:file';
/** How many entries the feed holds, newest first: enough for a reader polling every few hours. */
export const FEED_ENTRIES = 100;
const TOKEN_FILE = /^([A-Za-z0-9_-]{10,200})\.atom$/;

export function notificationFeedRoute(db: Database, now: () => Date = () => new Date()) {
  return async (req: Request, res: Response) => {
    const match = TOKEN_FILE.exec(String(req.params.file ?? ''));
    const user = match ? await userOfToken(db, match[1]!) : null;
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!user) {
      res.status(404).type('text/plain').send('No feed here. Make an API token in the Atlas (API tokens view) and use the feed address shown there.\n');
      return;
    }
    const notifications = await listNotifications(db, user.id, { first: FEED_ENTRIES, unreadFirst: false });
    const baseUrl = `${req.protocol}://${req.get('host')}`;
    res.type('application/atom+xml; charset=utf-8').send(notificationsAtom(user, notifications, baseUrl, `${baseUrl}${req.originalUrl}`, now()));
  };
}
