// Who gets a digest: one named user (by email, even with nothing new, so they see "nothing new"), or every live user
// with a notification since the start of the period.
import type { Database } from '../db/database.js';
import { AUTH_LABELS, NOTIFICATION_LABEL, WATCH_LINKS } from '../db/labels.js';
import { normaliseEmail } from '../user/user.repository.js';

const { USER } = AUTH_LABELS;
const { FOR } = WATCH_LINKS;

export const DIGEST_RECIPIENTS_QUERY = `MATCH (u:${USER})
  WHERE coalesce(u.status, 'active') = 'active' AND u.email IS NOT NULL
    AND CASE WHEN $email IS NULL THEN EXISTS { (n:${NOTIFICATION_LABEL})-[:${FOR}]->(u) WHERE n.createdAt >= datetime($since) } ELSE u.email = $email END
  RETURN u.id AS id, u.name AS name, u.email AS email
  ORDER BY u.email`;

export async function digestRecipients(db: Database, since: string, email: string | null): Promise<{ id: string; name: string; email: string }[]> {
  return db.read(DIGEST_RECIPIENTS_QUERY, { since, email: email === null ? null : normaliseEmail(email) });
}
