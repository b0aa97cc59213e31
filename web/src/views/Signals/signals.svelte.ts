// The Signals view's state and actions, apart from its markup: the inbox (filters, search, pages, the keyboard
// cursor, triage) and the open signal's page. Every request can be superseded by a newer one (abort), and each
// part has its own loading and error state.
import type { UrlState } from '../../lib/state/url.svelte';
import {
  loadClusters,
  loadCounts,
  loadInbox,
  loadSignal,
  loadTargetName,
  setStatus,
  type ClusterPage,
  type Counts,
  type EntityRef,
  type InboxPage,
  type SignalDetails,
  type SignalRow,
  type SignalStatus,
} from './signals.api';
import { formatFilters, NO_FILTERS, parseFilters, toApiFilter, type InboxFilters } from './signals-filter';

import { describeError } from '../../lib/graphql/client';
import { Request, type Status } from '../../lib/graphql/request.svelte';

export type { Status };

export const SEARCH_DEBOUNCE_MS = 250;

/** The cluster a row belongs to in the inbox grouped by cluster; `id` null for the signals like no other. */
export interface RowGroup {
  id: string | null;
  label: string;
  terms: string[];
  /** Signals in the whole cluster (the filter may show fewer). */
  size: number;
}

export const UNCLUSTERED: RowGroup = { id: null, label: 'Similar to no other signal', terms: [], size: 0 };

/** The grouped inbox as flat rows (the keyboard walks them in order) and each row's group. */
export function flattenClusters(page: ClusterPage): { rows: SignalRow[]; groupOf: Map<string, RowGroup> } {
  const rows: SignalRow[] = [];
  const groupOf = new Map<string, RowGroup>();
  for (const c of page.signalClusters.clusters) {
    const group: RowGroup = { id: c.id, label: c.label, terms: c.terms, size: c.size };
    for (const row of c.signals) {
      rows.push(row);
      groupOf.set(row.id, group);
    }
  }
  const alone = { ...UNCLUSTERED, size: page.signalClusters.unclustered.length };
  for (const row of page.signalClusters.unclustered) {
    rows.push(row);
    groupOf.set(row.id, alone);
  }
  return { rows, groupOf };
}

export class InboxModel {
  filters = $state.raw<InboxFilters>(NO_FILTERS);
  text = $state('');
  rows = $state.raw<SignalRow[]>([]);
  total = $state(0);
  counts = $state.raw<Counts | null>(null);
  hasNext = $state(false);
  loadingMore = $state(false);
  /** Why the last "Load more" failed (the list stays as it was; the button tries again), null when it did not. */
  moreError = $state<string | null>(null);
  /** The row the keyboard is on. */
  cursor = $state(0);
  /** Grouped by cluster (#by=cluster): each row's cluster; empty otherwise. */
  groupOf = $state.raw<Map<string, RowGroup>>(new Map());
  triageError = $state.raw<unknown>(null);
  /** The technology (or capability…) the inbox is filtered by, with its name. */
  target = $state.raw<EntityRef | null>(null);
  /** Told after a keyboard or list triage (the open signal's page refreshes). */
  ontriaged: ((id: string, status: SignalStatus) => void) | null = null;

  #url: UrlState;
  #endCursor: string | null = null;
  #request = new Request();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: UrlState) {
    this.#url = url;
  }

  get status(): Status {
    return this.#request.status;
  }

  get error(): unknown {
    return this.#request.error;
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
    await this.#request.run(
      async (signal): Promise<{ byCluster: true; page: ClusterPage } | { byCluster: false; page: InboxPage }> => {
        const filter = toApiFilter(this.filters, this.text);
        if (this.filters.by === 'cluster') return { byCluster: true, page: await loadClusters(filter, { signal }) };
        return { byCluster: false, page: await loadInbox(filter, null, { signal }) };
      },
      (answer) => {
        if (answer.byCluster) {
          const { rows, groupOf } = flattenClusters(answer.page);
          this.rows = rows;
          this.groupOf = groupOf;
          this.total = rows.length;
          this.counts = answer.page.signalCounts;
          this.hasNext = false;
          this.#endCursor = null;
        } else {
          const data = answer.page;
          this.rows = data.signals.edges.map((e) => e.node);
          this.groupOf = new Map();
          this.total = data.signals.totalCount;
          this.counts = data.signalCounts;
          this.hasNext = data.signals.pageInfo.hasNextPage;
          this.#endCursor = data.signals.pageInfo.endCursor;
        }
        const open = this.openId ? this.rows.findIndex((r) => r.id === this.openId) : -1;
        this.cursor = open >= 0 ? open : Math.min(this.cursor, Math.max(0, this.rows.length - 1));
      },
    );
  }

  /** Grouped by cluster: the cursor jumps to the first signal of the next (1) or previous (-1) cluster. */
  moveGroup(delta: 1 | -1): void {
    if (this.groupOf.size === 0 || this.rows.length === 0) return;
    const groupAt = (i: number) => this.groupOf.get(this.rows[i]!.id);
    let i = this.cursor;
    if (delta > 0) {
      const current = groupAt(i);
      while (i < this.rows.length && groupAt(i) === current) i++;
      if (i < this.rows.length) this.cursor = i;
    } else {
      // To the start of this group, or of the previous one when already at a start.
      if (i > 0 && groupAt(i - 1) === groupAt(i)) {
        while (i > 0 && groupAt(i - 1) === groupAt(this.cursor)) i--;
      } else if (i > 0) {
        const previous = groupAt(i - 1);
        i--;
        while (i > 0 && groupAt(i - 1) === previous) i--;
      }
      this.cursor = i;
    }
  }

  async loadMore(): Promise<void> {
    if (!this.hasNext || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = null;
    try {
      const data = await loadInbox(toApiFilter(this.filters, this.text), this.#endCursor);
      this.rows = [...this.rows, ...data.signals.edges.map((e) => e.node)];
      this.hasNext = data.signals.pageInfo.hasNextPage;
      this.#endCursor = data.signals.pageInfo.endCursor;
    } catch (error) {
      // The list stays as it is and the button stays to try again; the analyst is told why nothing came.
      this.moreError = describeError(error);
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
    this.#request.abort();
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
}

/** The open signal's page. */
export class SignalPageModel {
  current = $state.raw<SignalDetails | null>(null);
  #request = new Request();
  #id: string | null = null;

  get id(): string | null {
    return this.#id;
  }

  get status(): Status {
    return this.#request.status;
  }

  get error(): unknown {
    return this.#request.error;
  }

  async load(id: string | null, quiet = false): Promise<void> {
    this.#id = id;
    if (!id) {
      this.#request.reset();
      this.current = null;
      return;
    }
    await this.#request.run(
      (signal) => loadSignal(id, { signal }),
      (signal) => (this.current = signal),
      { quiet },
    );
  }

  /** After a change on the page: fetch it again without the spinner. */
  refresh(): Promise<void> {
    return this.load(this.#id, true);
  }

  dispose(): void {
    this.#request.abort();
  }
}
