// `npm run digest -- --out <dir> [--user <email>] [--since <ISO>] [--base-url <url>] [--from <address>]`
// Writes, per user, the notifications of the last day (or since --since) as an HTML page and an email-ready .eml:
// <dir>/<email>.html and <dir>/<email>.eml. Sends nothing. Works with `npm start` running (reuses its Neo4j, or NEO4J_URI).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { digestEml, digestHtml } from '../server/src/notification/digest.js';
import { digestRecipients } from '../server/src/notification/digest.repository.js';
import { listNotifications } from '../server/src/notification/notification.repository.js';

const USAGE = `Usage: npm run digest -- --out <dir> [--user <email>] [--since <ISO date-time>] [--base-url <url>] [--from <address>]

  --out       folder to write <email>.html and <email>.eml into (created when missing)
  --user      only this user (by email); default: every user with a notification in the period
  --since     start of the period; default: 24 hours ago
  --base-url  where the Atlas is reached, for the links; default: http://localhost:<PORT>
  --from      the digest's sender; default: "Foresight Atlas <no-reply@foresight-atlas.invalid>"`;

/** The most notifications one digest lists: a day's worth for a busy watchlist. */
const DIGEST_MAX = 500;

async function main(): Promise<void> {
  const { values } = commandLine({
    usage: USAGE,
    options: {
      out: { type: 'string' },
      user: { type: 'string' },
      since: { type: 'string' },
      'base-url': { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (!values.out) failUsage(USAGE, '--out is needed: the folder to write the digests into.');
  const until = new Date();
  const since = values.since ? new Date(values.since) : new Date(until.getTime() - 24 * 60 * 60 * 1000);
  if (Number.isNaN(since.getTime())) failUsage(USAGE, `--since must be an ISO date or date-time such as 2026-12-01T08:00:00Z, got "${values.since}".`);
  const config = readConfig();
  const baseUrl = (values['base-url'] ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  const from = values.from ?? 'Foresight Atlas <no-reply@foresight-atlas.invalid>';
  const open = await openDatabase(config, () => {}, { reuseRunning: true });
  try {
    const users = await digestRecipients(open.db, since.toISOString(), values.user ?? null);
    if (values.user && users.length === 0) {
      console.error(`No user with the email ${values.user.trim().toLowerCase()}; check the address (npm run user:add lists none, the Users view does).`);
      process.exitCode = 1;
      return;
    }
    mkdirSync(values.out, { recursive: true });
    for (const user of users) {
      const notifications = await listNotifications(open.db, user.id, { first: DIGEST_MAX, unreadFirst: false, since: since.toISOString() });
      const input = { user, notifications, since, until, baseUrl, from };
      const file = user.email.replace(/[^A-Za-z0-9@._-]/g, '_');
      writeFileSync(join(values.out, `${file}.html`), digestHtml(input));
      writeFileSync(join(values.out, `${file}.eml`), await digestEml(input));
      console.log(`${user.email}: ${notifications.length} notification(s) → ${join(values.out, `${file}.html`)} and .eml`);
    }
    if (users.length === 0) console.log('Nobody has a notification in the period: no digest written.');
  } finally {
    await open.close();
  }
}

main().catch((error) => {
  console.error(`Could not write the digest: ${(error as Error).message}`);
  process.exit(1);
});
