// The daily digest: one user's notifications of a period as a self-contained HTML page and as an email-ready .eml
// (MIME, text/html with a plain-text alternative, From/To/Subject/Date), composed by nodemailer's MailComposer, which
// encodes headers and bodies correctly. Nothing is sent: `npm run digest` writes the files (docs/notifications.md).
import MailComposer from 'nodemailer/lib/mail-composer';
import { KIND_WORDS, subjectPath } from './notification.model.js';
import type { NotificationRecord } from './notification.repository.js';

export interface DigestInput {
  user: { name: string; email: string };
  notifications: readonly NotificationRecord[];
  since: Date;
  until: Date;
  /** Where the Atlas is reached, for the links (no trailing slash). */
  baseUrl: string;
  from: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const day = (d: Date) => d.toISOString().slice(0, 10);
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function digestSubject(input: DigestInput): string {
  const n = input.notifications.length;
  return `Foresight Atlas digest for ${day(input.until)}: ${n === 0 ? 'nothing new' : n === 1 ? '1 notification' : `${n} notifications`}`;
}

/** The page: a heading, then one row per notification (oldest last), grouped by nothing: the list is short. */
export function digestHtml(input: DigestInput): string {
  const rows = input.notifications
    .map((n) => {
      const href = `${input.baseUrl}${subjectPath(n.subjectKind, n.subjectId)}`;
      return `<tr><td class="when">${escapeHtml(time(n.createdAt))} UTC</td><td class="kind">${escapeHtml(KIND_WORDS[n.kind] ?? n.kind)}</td>
<td><a href="${escapeHtml(href)}">${escapeHtml(n.subjectName ?? n.subjectId)}</a><br>${escapeHtml(n.message)}</td></tr>`;
    })
    .join('\n');
  const body =
    input.notifications.length === 0
      ? '<p>Nothing you follow changed in this period.</p>'
      : `<table><thead><tr><th>When</th><th>What</th><th>About</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(digestSubject(input))}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;color:#1f2933;max-width:48rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #d9dee3}
.when{white-space:nowrap;color:#52606d}.kind{white-space:nowrap;font-weight:600}a{color:#1d4ed8}</style></head>
<body><h1>Your Foresight Atlas digest</h1>
<p>For ${escapeHtml(input.user.name)}: what happened from ${escapeHtml(time(input.since.toISOString()))} to ${escapeHtml(time(input.until.toISOString()))} UTC
on the things you follow. <a href="${escapeHtml(input.baseUrl)}/?view=notifications">Open the notification centre</a>.</p>
${body}
</body></html>
`;
}

export function digestText(input: DigestInput): string {
  const lines = input.notifications.map(
    (n) => `- ${time(n.createdAt)} UTC, ${KIND_WORDS[n.kind] ?? n.kind}: ${n.message}\n  ${input.baseUrl}${subjectPath(n.subjectKind, n.subjectId)}`,
  );
  return `${digestSubject(input)}\n\n${lines.length ? lines.join('\n') : 'Nothing you follow changed in this period.'}\n`;
}

/** The .eml file's bytes (RFC 5322 with MIME parts), ready for any mail client or a later sending job. */
export function digestEml(input: DigestInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from,
    to: { name: input.user.name, address: input.user.email },
    subject: digestSubject(input),
    date: input.until,
    text: digestText(input),
    html: digestHtml(input),
  });
  return composer.compile().build();
}
