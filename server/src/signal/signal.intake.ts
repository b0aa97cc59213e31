// Pure intake rules: turn raw feed/CSV records into validated drafts, then decide for each whether it is created,
// a duplicate (same canonical URL or same content hash as a stored signal or an earlier record of the same file)
// or rejected (with the reason). The repository supplies what is already stored; nothing here touches the database.
import type { EntityKind } from '../db/labels.js';
import {
  IMPORTED_SUMMARY_MAX,
  INDICATES_TARGETS,
  PUBLISHER_MAX,
  SIGNAL_STATUSES,
  STEEP_CATEGORIES,
  TITLE_MAX,
  URL_MAX,
  type RawSignal,
  type SignalDraft,
  type SignalStatus,
  type Steep,
} from './signal.model.js';
import { canonicalUrl, contentHash, normaliseText, slugOf, toCalendarDay, truncate } from './signal.text.js';

export interface IntakeDefaults {
  steep: Steep;
  status: SignalStatus;
  /** The day the analyst took the signal in (YYYY-MM-DD); also the latest acceptable publication day + 1. */
  observedAt: string;
}

export type CheckedRecord = { raw: RawSignal; draft: SignalDraft; reason?: undefined } | { raw: RawSignal; draft?: undefined; reason: string };

const STEEP_WORDS: Record<string, Steep> = {
  social: 'social',
  society: 'social',
  technological: 'technological',
  technology: 'technological',
  tech: 'technological',
  economic: 'economic',
  economy: 'economic',
  environmental: 'environmental',
  environment: 'environmental',
  political: 'political',
  politics: 'political',
  policy: 'political',
};

/** A STEEP category named by a feed category ("Technology", "politics"…), if any. */
export function steepFromCategories(categories: readonly string[] | undefined): Steep | undefined {
  for (const category of categories ?? []) {
    const steep = STEEP_WORDS[normaliseText(category)];
    if (steep) return steep;
  }
  return undefined;
}

function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Validates one record; every problem is named in the reason, so an analyst can fix the row in one go. */
export function checkRecord(raw: RawSignal, defaults: IntakeDefaults): CheckedRecord {
  const problems: string[] = [];
  if (raw.problem) problems.push(`the row ${raw.problem}`);
  const title = raw.title?.trim() ?? '';
  if (title.length < 2) problems.push('title is missing');
  else if (title.length > TITLE_MAX) problems.push(`title is longer than ${TITLE_MAX} characters`);
  const url = raw.url?.trim() ?? '';
  const canonical = canonicalUrl(url);
  if (url === '') problems.push('url is missing');
  else if (!canonical) problems.push(`url "${truncate(url, 80)}" is not an absolute http(s) URL`);
  else if (Math.max(Buffer.byteLength(url, 'utf8'), Buffer.byteLength(canonical, 'utf8')) > URL_MAX)
    problems.push(`url is longer than ${URL_MAX} bytes in UTF-8 (percent-encoding included)`);
  const publishedAt = toCalendarDay(raw.publishedAt);
  if (!raw.publishedAt?.trim()) problems.push('publication date is missing');
  else if (!publishedAt) problems.push(`publication date "${truncate(raw.publishedAt, 40)}" is not a date`);
  else if (publishedAt < '1900-01-01') problems.push(`publication date ${publishedAt} is before 1900`);
  else if (publishedAt > dayAfter(defaults.observedAt)) problems.push(`publication date ${publishedAt} is in the future`);
  const observedAt = raw.observedAt?.trim() ? toCalendarDay(raw.observedAt) : defaults.observedAt;
  if (!observedAt) problems.push(`observation date "${truncate(raw.observedAt ?? '', 40)}" is not a date`);
  let steep: Steep = steepFromCategories(raw.categories) ?? defaults.steep;
  if (raw.steep?.trim()) {
    const named = STEEP_WORDS[normaliseText(raw.steep)];
    if (named) steep = named;
    else problems.push(`STEEP category "${truncate(raw.steep, 40)}" is not one of ${STEEP_CATEGORIES.join(', ')}`);
  }
  let status: SignalStatus = defaults.status;
  if (raw.status?.trim()) {
    const value = raw.status.trim().toLowerCase();
    if ((SIGNAL_STATUSES as readonly string[]).includes(value)) status = value as SignalStatus;
    else problems.push(`status "${truncate(raw.status, 40)}" is not one of ${SIGNAL_STATUSES.join(', ')}`);
  }
  if (problems.length) return { raw, reason: `${problems.join('; ')}.` };
  const summary = raw.summary?.trim() ? truncate(raw.summary.trim(), IMPORTED_SUMMARY_MAX) : null;
  const publisher = raw.publisher?.trim() ? truncate(raw.publisher.trim(), PUBLISHER_MAX) : null;
  return {
    raw,
    draft: {
      name: title,
      description: summary,
      url,
      canonicalUrl: canonical!,
      contentHash: contentHash(title, summary),
      publisher,
      publishedAt: publishedAt!,
      observedAt: observedAt!,
      steep,
      status,
      targetIds: [...new Set(raw.targetIds ?? [])],
    },
  };
}

/** What the database already holds for the keys of one import. */
export interface ExistingKeys {
  byUrl: ReadonlyMap<string, string>;
  byHash: ReadonlyMap<string, string>;
  /** Ids in use (any kind), among the candidate ids of this import. */
  takenIds: ReadonlySet<string>;
  /** Kinds of the link targets named by records (absent = unknown id). */
  targetKinds: ReadonlyMap<string, EntityKind>;
}

export type Outcome = 'created' | 'duplicate' | 'rejected';

export interface PlannedItem {
  position: number;
  line: number | null;
  title: string | null;
  url: string | null;
  outcome: Outcome;
  reason: string | null;
  signalId: string | null;
  duplicateOf: string | null;
  draft: SignalDraft | null;
}

/** The id a new signal gets: its publication day and title, like the seed's ("sig:2024-05-03-crma-published"). */
export function candidateId(draft: Pick<SignalDraft, 'publishedAt' | 'name'>): string {
  return `sig:${draft.publishedAt}-${slugOf(draft.name, 60)}`;
}

export function alternativeId(draft: Pick<SignalDraft, 'publishedAt' | 'name' | 'contentHash'>): string {
  return `${candidateId(draft)}-${draft.contentHash.slice(0, 8)}`;
}

/**
 * Decides each record's fate, in file order. A record is a duplicate when its canonical URL or content hash is
 * already stored, or belongs to an earlier record of the same import (then duplicateOf is that record's new id).
 */
export function planImport(checked: readonly CheckedRecord[], existing: ExistingKeys): PlannedItem[] {
  const byUrl = new Map(existing.byUrl);
  const byHash = new Map(existing.byHash);
  const taken = new Set(existing.takenIds);
  return checked.map(({ raw, draft, reason }): PlannedItem => {
    const base = { position: raw.position, line: raw.line, title: raw.title?.trim() || null, url: raw.url?.trim() || null };
    if (!draft) return { ...base, outcome: 'rejected', reason: reason!, signalId: null, duplicateOf: null, draft: null };
    const badTargets = draft.targetIds.filter((id) => {
      const kind = existing.targetKinds.get(id);
      return !kind || !(INDICATES_TARGETS as readonly string[]).includes(kind);
    });
    if (badTargets.length) {
      const reasonText =
        `links to ${badTargets.map((id) => `"${id}"`).join(', ')}, which ${badTargets.length === 1 ? 'is' : 'are'} not a ` +
        `known ${INDICATES_TARGETS.join(', ')}.`;
      return { ...base, outcome: 'rejected', reason: reasonText, signalId: null, duplicateOf: null, draft: null };
    }
    const sameUrl = byUrl.get(draft.canonicalUrl);
    const sameContent = byHash.get(draft.contentHash);
    if (sameUrl || sameContent) {
      const duplicateOf = (sameUrl ?? sameContent)!;
      const why = sameUrl ? `same URL as ${duplicateOf}` : `same title and summary as ${duplicateOf}`;
      return { ...base, outcome: 'duplicate', reason: `${why}.`, signalId: null, duplicateOf, draft: null };
    }
    let id = candidateId(draft);
    if (taken.has(id)) id = alternativeId(draft);
    for (let n = 2; taken.has(id); n++) id = `${alternativeId(draft)}-${n}`;
    taken.add(id);
    byUrl.set(draft.canonicalUrl, id);
    byHash.set(draft.contentHash, id);
    return { ...base, outcome: 'created', reason: null, signalId: id, duplicateOf: null, draft };
  });
}

/** The counts of a plan, as the import report shows them. */
export function tally(items: readonly PlannedItem[]) {
  return {
    total: items.length,
    created: items.filter((i) => i.outcome === 'created').length,
    duplicates: items.filter((i) => i.outcome === 'duplicate').length,
    rejected: items.filter((i) => i.outcome === 'rejected').length,
  };
}
