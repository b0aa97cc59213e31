// The inbox filters live in the URL's hash (#status=new&steep=political&target=tech:drones&from=2026-01-01&to=…&by=cluster),
// next to the shell's query string (?view=signals&focus=<open signal>&q=<search>), so a link shows the same inbox.
// The shell's URL state keeps the hash as it is; this view reads and writes it.
import { STATUS_WORDS, STEEP_WORDS, valueOfWord, type SignalStatus, type Steep } from '../../lib/graphql/vocabulary';
import type { SignalFilter } from './signals.api';

export interface InboxFilters {
  status: SignalStatus | null;
  steep: Steep | null;
  target: string | null;
  from: string | null;
  to: string | null;
  /** How the list is grouped: by cluster of similar signals (#by=cluster), or not at all. */
  by: 'cluster' | null;
}

export const NO_FILTERS: InboxFilters = { status: null, steep: null, target: null, from: null, to: null, by: null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(hash: string): InboxFilters {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = params.get(key)?.trim();
    return v && ok(v) ? v : null;
  };
  // Links carry the words analysts read (#status=new), not the API's names (NEW).
  const word = (key: string) => params.get(key)?.trim() ?? '';
  return {
    status: valueOfWord(STATUS_WORDS, word('status')),
    steep: valueOfWord(STEEP_WORDS, word('steep')),
    target: pick('target', (v) => /^[a-z]+:[a-z0-9][a-z0-9._-]*$/.test(v)),
    from: pick('from', (v) => DAY.test(v)),
    to: pick('to', (v) => DAY.test(v)),
    by: params.get('by')?.trim() === 'cluster' ? 'cluster' : null,
  };
}

export function formatFilters(filters: InboxFilters): string {
  const words: Record<keyof InboxFilters, string | null> = {
    ...filters,
    status: filters.status && STATUS_WORDS[filters.status],
    steep: filters.steep && STEEP_WORDS[filters.steep],
  };
  const parts = (Object.keys(NO_FILTERS) as (keyof InboxFilters)[])
    .filter((key) => words[key])
    .map((key) => `${key}=${encodeURIComponent(words[key]!).replace(/%3A/gi, ':')}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

export function toApiFilter(filters: InboxFilters, text: string): SignalFilter {
  return {
    text: text.trim() || null,
    status: filters.status,
    steep: filters.steep,
    targetId: filters.target,
    publishedFrom: filters.from,
    publishedTo: filters.to,
  };
}

/** The link from a technology (or capability) to its signals. */
export function signalsHref(targetId: string): string {
  return `?view=signals${formatFilters({ ...NO_FILTERS, target: targetId })}`;
}
