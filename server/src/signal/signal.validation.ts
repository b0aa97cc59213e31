// Field-by-field checks of signal inputs; each problem names its field (input.url, input.links[1].relevance…).
import type { FieldProblem } from '../graphql/errors.js';
import { assertValid } from '../graphql/errors.js';
import { idFormat, numberInRange, oneOf, optionalText, problems, requiredText } from '../graphql/validation.js';
import {
  PUBLISHER_MAX,
  SIGNAL_STATUSES,
  STEEP_CATEGORIES,
  SUMMARY_MAX,
  TITLE_MAX,
  URL_MAX,
  type SignalDraft,
  type SignalStatus,
  type Steep,
} from './signal.model.js';
import { canonicalUrl, contentHash, isCalendarDay, today } from './signal.text.js';
import type { IndicatesInput, SignalFilter, SignalInput, SignalUpdate } from './signal.type.js';

type Check = FieldProblem | null;

function urlCheck(field: string, value: unknown, required: boolean): Check {
  if (value === null || value === undefined) return required ? { field, message: 'is required.' } : null;
  if (typeof value !== 'string' || !canonicalUrl(value)) return { field, message: 'must be an absolute http(s) URL, such as https://example.org/article.' };
  // Both the URL and its canonical form are indexed, and an index limits UTF-8 bytes (an emoji is 4, 12 once percent-encoded).
  const bytes = Math.max(Buffer.byteLength(value, 'utf8'), Buffer.byteLength(canonicalUrl(value) ?? '', 'utf8'));
  if (bytes > URL_MAX) return { field, message: `must be at most ${URL_MAX} bytes in UTF-8, percent-encoding included (got ${bytes}); shorten it.` };
  return null;
}

export function dayCheck(field: string, value: unknown, required = false): Check {
  if (value === null || value === undefined || value === '') return required ? { field, message: 'is required.' } : null;
  if (!isCalendarDay(value)) return { field, message: `must be a date YYYY-MM-DD, got "${String(value)}".` };
  if (value < '1900-01-01') return { field, message: 'must not be before 1900.' };
  return null;
}

/** How far past today a trend may be asked "as of": enough for a window ending next month, no more. */
export const AS_OF_MAX_DAYS_AHEAD = 31;

/** A trend's as-of day: a calendar day from 1900 to today + AS_OF_MAX_DAYS_AHEAD (a far-future day would mean thousands of empty months). */
export function asOfCheck(field: string, value: unknown, now: Date = new Date()): Check {
  const day = dayCheck(field, value);
  if (day || typeof value !== 'string' || value === '') return day;
  const latest = new Date(now.getTime() + AS_OF_MAX_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
  return value > latest ? { field, message: `must be at most ${AS_OF_MAX_DAYS_AHEAD} days after today (${latest} at the latest), got ${value}.` } : null;
}

function notInFuture(field: string, value: unknown, now: Date): Check {
  if (typeof value !== 'string' || !isCalendarDay(value)) return null;
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return value > tomorrow ? { field, message: `must not be in the future (got ${value}).` } : null;
}

/** The shared checks of create and update; `partial` skips required-ness for fields not given. */
function fieldChecks(input: SignalInput | SignalUpdate, partial: boolean, now: Date): Check[] {
  const given = (v: unknown) => !partial || (v !== undefined && v !== null);
  return [
    given(input.title) ? requiredText('input.title', input.title, TITLE_MAX, 2) : null,
    optionalText('input.summary', input.summary, SUMMARY_MAX),
    given(input.url) ? urlCheck('input.url', input.url, true) : null,
    optionalText('input.publisher', input.publisher, PUBLISHER_MAX),
    given(input.publishedAt) ? dayCheck('input.publishedAt', input.publishedAt, true) : null,
    notInFuture('input.publishedAt', input.publishedAt, now),
    dayCheck('input.observedAt', input.observedAt),
    given(input.steep) ? oneOf('input.steep', input.steep, STEEP_CATEGORIES, true) : null,
    oneOf('input.status', input.status, SIGNAL_STATUSES),
  ];
}

export function validateSignalInput(input: SignalInput, now = new Date()): SignalDraft {
  const links = input.links ?? [];
  assertValid(
    problems(
      ...fieldChecks(input, false, now),
      ...links.map((l, i) => numberInRange(`input.links[${i}].relevance`, l.relevance, 0, 1)),
      links.length > 50 ? { field: 'input.links', message: 'must name at most 50 targets.' } : null,
    ),
  );
  return toDraft(
    {
      name: input.title,
      description: input.summary ?? null,
      url: input.url,
      publisher: input.publisher ?? null,
      publishedAt: input.publishedAt,
      observedAt: input.observedAt || today(now),
      steep: input.steep as Steep,
      status: (input.status ?? 'new') as SignalStatus,
    },
    links.map((l) => l.targetId),
  );
}

/** Trims text, blanks become null, and computes both de-duplication keys. */
export function toDraft(fields: Omit<SignalDraft, 'canonicalUrl' | 'contentHash' | 'targetIds'>, targetIds: string[] = []): SignalDraft {
  const name = fields.name.trim();
  const description = fields.description?.trim() || null;
  const url = fields.url.trim();
  return {
    ...fields,
    name,
    description,
    url,
    publisher: fields.publisher?.trim() || null,
    canonicalUrl: canonicalUrl(url) ?? url,
    contentHash: contentHash(name, description),
    targetIds,
  };
}

export function validateSignalUpdate(update: SignalUpdate, now = new Date()): (current: SignalDraft) => SignalDraft {
  assertValid(problems(...fieldChecks(update, true, now)));
  return (current) => {
    const pick = <K extends keyof SignalUpdate>(key: K, fallback: unknown) => (update[key] === undefined || update[key] === null ? fallback : update[key]);
    return toDraft({
      name: pick('title', current.name) as string,
      // An empty summary or publisher clears it; null (or absent) leaves it.
      description: update.summary === '' ? null : (pick('summary', current.description) as string | null),
      url: pick('url', current.url) as string,
      publisher: update.publisher === '' ? null : (pick('publisher', current.publisher) as string | null),
      publishedAt: pick('publishedAt', current.publishedAt) as string,
      observedAt: pick('observedAt', current.observedAt) as string,
      steep: pick('steep', current.steep) as Steep,
      status: pick('status', current.status) as SignalStatus,
    });
  };
}

export function validateFilter(filter: SignalFilter | null | undefined): SignalFilter {
  const f = filter ?? {};
  assertValid(
    problems(
      optionalText('filter.text', f.text, 200),
      oneOf('filter.status', f.status, SIGNAL_STATUSES),
      oneOf('filter.steep', f.steep, STEEP_CATEGORIES),
      dayCheck('filter.publishedFrom', f.publishedFrom),
      dayCheck('filter.publishedTo', f.publishedTo),
      f.publishedFrom && f.publishedTo && f.publishedFrom > f.publishedTo
        ? { field: 'filter.publishedTo', message: 'must not be before publishedFrom.' }
        : null,
    ),
  );
  return { ...f, text: f.text?.trim() || null };
}

export function validateIndicates(input: IndicatesInput): void {
  assertValid(problems(idFormat('input.signalId', input.signalId, 'sig'), numberInRange('input.relevance', input.relevance, 0, 1)));
}

export function validateStatus(status: string, field = 'status'): void {
  assertValid(problems(oneOf(field, status, SIGNAL_STATUSES, true)));
}
