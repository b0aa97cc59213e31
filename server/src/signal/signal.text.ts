// Pure text helpers for signals: canonical URLs and content hashes (the two de-duplication keys),
// plain text out of feed HTML, and calendar dates. No I/O, unit-tested in signal.text.test.ts.
import { createHash } from 'node:crypto';

/**
 * The URL two copies of the same article share: lower-case host (and scheme), no fragment, no utm_* tracking
 * parameters, no trailing slash. Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  // URL already lower-cases the scheme and host and drops a default port.
  const kept = [...url.searchParams].filter(([key]) => !key.toLowerCase().startsWith('utm_'));
  const search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  let path = url.pathname;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/') path = '';
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}${path}${search}`;
}

/** Lower case, accents removed, every run of punctuation or white space one space: "Drones, drones!" → "drones drones". */
export function normaliseText(text: string | null | undefined): string {
  if (!text) return '';
  const folded = text.normalize('NFKD').toLowerCase();
  let out = '';
  let pendingSpace = false;
  for (const ch of folded) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents left by NFKD
    if (/\p{L}|\p{N}/u.test(ch)) {
      if (pendingSpace && out) out += ' ';
      pendingSpace = false;
      out += ch;
    } else {
      pendingSpace = true;
    }
  }
  return out;
}

/** The content key: SHA-256 of the normalised title and summary, so re-worded punctuation or case still match. */
export function contentHash(title: string | null | undefined, summary: string | null | undefined): string {
  return createHash('sha256')
    .update(`${normaliseText(title)}\n${normaliseText(summary)}`)
    .digest('hex');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(name: string): string | null {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const code = Number.parseInt(name.slice(2), 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  if (name.startsWith('#')) {
    const code = Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED_ENTITIES[name] ?? null;
}

/**
 * Feed summaries are often HTML. Keeps the text: drops tags (a tag boundary becomes a space), decodes the
 * common entities and collapses white space. A single pass over the characters; not a full HTML parser,
 * which a one-paragraph summary does not need.
 */
export function plainText(html: string | null | undefined): string {
  if (!html) return '';
  let out = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const close = html.indexOf('>', i + 1);
      if (close === -1) {
        out += html.slice(i);
        break;
      }
      out += ' ';
      i = close + 1;
      continue;
    }
    if (ch === '&') {
      const semi = html.indexOf(';', i + 1);
      if (semi !== -1 && semi - i <= 10) {
        const decoded = decodeEntity(html.slice(i + 1, semi));
        if (decoded !== null) {
          out += decoded;
          i = semi + 1;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return out.split(/\s+/).filter(Boolean).join(' ');
}

/** Shortens to at most max characters at a word boundary, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day YYYY-MM-DD that exists (2024-02-30 does not). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/**
 * The UTC calendar day of a feed or CSV date: "2025-06-03", "2025-06-03T09:00:00+02:00" (ISO 8601, Atom)
 * or "Tue, 03 Jun 2025 09:00:00 GMT" (RFC 822, RSS). Null when it cannot be read.
 */
export function toCalendarDay(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (value === '') return null;
  if (ISO_DAY.test(value)) return isCalendarDay(value) ? value : null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A readable id part from a title, cut at a word boundary: "China limits gallium exports!" → "china-limits-gallium-exports". */
export function slugOf(text: string, max = 60): string {
  const slug = normaliseText(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'untitled';
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}
