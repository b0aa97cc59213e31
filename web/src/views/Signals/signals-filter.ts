// The inbox filters live in the URL's hash (#status=new&steep=political&target=tech:drones&from=2026-01-01&to=…),
// next to the shell's query string (?view=signals&focus=<open signal>&q=<search>), so a link shows the same inbox.
// The shell's URL state keeps the hash as it is; this view reads and writes it.
import { STATUSES, STEEP, type SignalFilter } from './signals.api';

export interface InboxFilters {
  status: string | null;
  steep: string | null;
  target: string | null;
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: InboxFilters = { status: null, steep: null, target: null, from: null, to: null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(hash: string): InboxFilters {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = params.get(key)?.trim();
    return v && ok(v) ? v : null;
  };
  return {
    status: pick('status', (v) => (STATUSES as readonly string[]).includes(v)),
    steep: pick('steep', (v) => (STEEP as readonly string[]).includes(v)),
    target: pick('target', (v) => /^[a-z]+:[a-z0-9][a-z0-9._-]*$/.test(v)),
    from: pick('from', (v) => DAY.test(v)),
    to: pick('to', (v) => DAY.test(v)),
  };
}

export function formatFilters(filters: InboxFilters): string {
  const parts = (Object.keys(NO_FILTERS) as (keyof InboxFilters)[])
    .filter((key) => filters[key])
    .map((key) => `${key}=${encodeURIComponent(filters[key]!).replace(/%3A/gi, ':')}`);
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
