// The Signals view's state and actions, apart from its markup: the inbox (filters, search, pages, the keyboard
// cursor, triage) and the open signal's page. Every request can be superseded by a newer one (abort), and each
// part has its own loading and error state.
import { isAbort } from '../../lib/graphql/client';
import type { UrlState } from '../../lib/state/url.svelte';
import { loadCounts, loadInbox, loadSignal, loadTargetName, setStatus, type Counts, type EntityRef, type SignalDetails, type SignalRow, type SignalStatus } from './signals.api';
import { formatFilters, NO_FILTERS, parseFilters, toApiFilter, type InboxFilters } from './signals-filter';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export const SEARCH_DEBOUNCE_MS = 250;

export class InboxModel {
  filters = $state.raw<InboxFilters>(NO_FILTERS);
  text = $state('');
  rows = $state.raw<SignalRow[]>([]);
  total = $state(0);
  counts = $state.raw<Counts | null>(null);
  status = $state<Status>('idle');
  error = $state.raw<unknown>(null);
  hasNext = $state(false);
  loadingMore = $state(false);
  /** The row the keyboard is on. */
  cursor = $state(0);
  triageError = $state.raw<unknown>(null);
  /** The technology (or capability…) the inbox is filtered by, with its name. */
  target = $state.raw<EntityRef | null>(null);
  /** Told after a keyboard or list triage (the open signal's page refreshes). */
  ontriaged: ((id: string, status: SignalStatus) => void) | null = null;

  #url: UrlState;
  #endCursor: string | null = null;
  #abort: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: UrlState) {
    this.#url = url;
  }

  get openId(): string | null {
    const focus = this.#url.current.focus;
    return focus?.startsWith('sig:') ? focus : null;
  }

  /** Brings the inbox in line with the URL (first load, back/forward). */
  restore(): void {
    let filters = parseFilters(location.hash);
    const focus = this.#url.current.focus;
    // Arriving from the Explorer with a technology in focus: show its signals.
    if (focus && !focus.startsWith('sig:')) {
      filters = { ...filters, target: focus };
      this.#url.update({ focus: null });
    }
    const text = this.#url.current.q;
    const unchanged = this.status === 'ready' && text === this.text && JSON.stringify(filters) === JSON.stringify(this.filters);
    this.text = text;
    this.#setFilters(filters);
    // Back/forward between opened signals keeps the list as it is.
    if (unchanged) {
      const open = this.openId ? this.rows.findIndex((r) => r.id === this.openId) : -1;
      if (open >= 0) this.cursor = open;
      return;
    }
    void this.reload();
  }

  setFilter(patch: Partial<InboxFilters>): void {
    this.#setFilters({ ...this.filters, ...patch });
    void this.reload();
  }

  typed(text: string): void {
    this.text = text;
    this.#url.update({ q: text });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.reload(), SEARCH_DEBOUNCE_MS);
  }

  async reload(): Promise<void> {
    clearTimeout(this.#timer);
    const controller = this.#renew();
    this.status = 'loading';
    this.error = null;
    try {
      const data = await loadInbox(toApiFilter(this.filters, this.text), null, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.rows = data.signals.edges.map((e) => e.node);
      this.total = data.signals.totalCount;
      this.counts = data.signalCounts;
      this.hasNext = data.signals.pageInfo.hasNextPage;
      this.#endCursor = data.signals.pageInfo.endCursor;
      const open = this.openId ? this.rows.findIndex((r) => r.id === this.openId) : -1;
      this.cursor = open >= 0 ? open : Math.min(this.cursor, Math.max(0, this.rows.length - 1));
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.error = error;
      this.status = 'error';
    }
  }

  async loadMore(): Promise<void> {
    if (!this.hasNext || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const data = await loadInbox(toApiFilter(this.filters, this.text), this.#endCursor);
      this.rows = [...this.rows, ...data.signals.edges.map((e) => e.node)];
      this.hasNext = data.signals.pageInfo.hasNextPage;
      this.#endCursor = data.signals.pageInfo.endCursor;
    } catch (error) {
      this.error = error;
    } finally {
      this.loadingMore = false;
    }
  }

  move(delta: number): void {
    if (this.rows.length === 0) return;
    this.cursor = Math.max(0, Math.min(this.rows.length - 1, this.cursor + delta));
    if (delta > 0 && this.cursor >= this.rows.length - 3) void this.loadMore();
  }

  open(id: string): void {
    const index = this.rows.findIndex((r) => r.id === id);
    if (index >= 0) this.cursor = index;
    this.#url.update({ focus: id }, 'push');
  }

  /** Triage: the cursor's (or given) signal gets a status. Leaves the list when the status tab no longer matches. */
  async triage(status: SignalStatus, id = this.rows[this.cursor]?.id): Promise<void> {
    if (!id) return;
    this.triageError = null;
    try {
      await setStatus([id], status);
      this.applyStatus(id, status);
      this.ontriaged?.(id, status);
      this.counts = await loadCounts(toApiFilter(this.filters, this.text));
    } catch (error) {
      this.triageError = error;
    }
  }

  /** A status changed elsewhere (the signal page, a link): mirror it in the list. */
  applyStatus(id: string, status: SignalStatus): void {
    if (this.filters.status && this.filters.status !== status) {
      this.rows = this.rows.filter((r) => r.id !== id);
      this.total = Math.max(0, this.total - 1);
      this.cursor = Math.min(this.cursor, Math.max(0, this.rows.length - 1));
    } else {
      this.rows = this.rows.map((r) => (r.id === id ? { ...r, status } : r));
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  #setFilters(filters: InboxFilters): void {
    this.filters = filters;
    const hash = formatFilters(filters);
    if (hash !== location.hash && !(hash === '' && location.hash === '')) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
    if (!filters.target) this.target = null;
    else if (this.target?.id !== filters.target) {
      this.target = { id: filters.target, name: filters.target, kind: 'Technology' };
      void loadTargetName(filters.target)
        .then((entity) => {
          if (entity && this.filters.target === entity.id) this.target = entity;
        })
        .catch(() => {});
    }
  }

  #renew(): AbortController {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return this.#abort;
  }
}

/** The open signal's page. */
export class SignalPageModel {
  current = $state.raw<SignalDetails | null>(null);
  status = $state<Status>('idle');
  error = $state.raw<unknown>(null);
  #abort: AbortController | null = null;
  #id: string | null = null;

  get id(): string | null {
    return this.#id;
  }

  async load(id: string | null, quiet = false): Promise<void> {
    this.#abort?.abort();
    this.#id = id;
    if (!id) {
      this.current = null;
      this.status = 'idle';
      return;
    }
    const controller = (this.#abort = new AbortController());
    if (!quiet) this.status = 'loading';
    this.error = null;
    try {
      const signal = await loadSignal(id, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.current = signal;
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.error = error;
      this.status = 'error';
    }
  }

  /** After a change on the page: fetch it again without the spinner. */
  refresh(): Promise<void> {
    return this.load(this.#id, true);
  }

  dispose(): void {
    this.#abort?.abort();
  }
}
