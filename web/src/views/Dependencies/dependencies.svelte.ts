// The dependency view's state and actions. The root is the URL's `focus`, the chosen node its `select`, so a link
// reopens the same analysis. Each request has its own abort controller: a newer one always wins.
import { isAbort } from '../../lib/graphql/client';
import type { MapEntity } from '../../lib/graphql/types';
import type { AtlasUrlState, UrlState } from '../../lib/state/url.svelte';
import { loadDependencies, loadNodeDetails, searchRoots } from './dependencies.api';
import type { DependencyViewData, EntitySummary } from './dependencies.types';
import { buildElements, buildRows, GROUP_ABOVE, maxLevelOf, sortRows, visibleIds, type Row, type SortDir, type SortKey } from './dependency-view';

export type DependencyTab = 'graph' | 'flow';

export type Status = 'idle' | 'loading' | 'ready' | 'error';
type Channel = 'search' | 'load' | 'details';

export const MIN_SEARCH_LENGTH = 2;
export const SEARCH_DEBOUNCE_MS = 250;

export class DependencyModel {
  // The root picker
  text = $state('');
  hits = $state.raw<MapEntity[]>([]);
  searchStatus = $state<Status>('idle');
  searchError = $state.raw<unknown>(null);

  // The analysis of the root
  data = $state.raw<DependencyViewData | null>(null);
  status = $state<Status>('idle');
  error = $state.raw<unknown>(null);

  // Display (levels, "only critical", opened supplier groups and the tab live in the URL, see the accessors below)
  sortKey = $state<SortKey>('score');
  sortDir = $state<SortDir>('desc');

  // The chosen node's description and sources
  details = $state.raw<EntitySummary | null>(null);
  detailsStatus = $state<Status>('idle');
  detailsError = $state.raw<unknown>(null);

  readonly rows: Row[] = $derived(this.data ? buildRows(this.data) : []);
  readonly sortedRows: Row[] = $derived(sortRows(this.rows, this.sortKey, this.sortDir));
  readonly deepest: number = $derived(this.data ? maxLevelOf(this.data) : 0);
  readonly visible: Set<string> = $derived(this.data ? visibleIds(this.data, this.rows, { maxLevel: this.maxLevel, onlyCritical: this.onlyCritical }) : new Set());
  readonly tableRows: Row[] = $derived(this.sortedRows.filter((r) => this.visible.has(r.id)));
  /** A large tree groups its suppliers per country (see GROUP_ABOVE). */
  readonly grouped: boolean = $derived(this.visible.size > GROUP_ABOVE);
  readonly expanded: Set<string> = $derived(new Set(this.#openIds()));
  readonly elements = $derived(this.data ? buildElements(this.data, this.rows, this.visible, { group: this.grouped, expanded: this.expanded, reveal: this.selectedId }) : []);

  #url: UrlState;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #aborts: Record<Channel, AbortController | null> = { search: null, load: null, details: null };

  constructor(url: UrlState) {
    this.#url = url;
  }

  get rootId(): string | null {
    return this.#url.current.focus;
  }
  get selectedId(): string | null {
    return this.#url.current.select ?? null;
  }
  #openIds(): string[] {
    return this.#url.current.open ?? [];
  }

  /** The deepest level shown (Infinity: all). */
  get maxLevel(): number {
    return this.#url.current.levels ?? Infinity;
  }
  set maxLevel(level: number) {
    this.#url.update({ levels: Number.isFinite(level) ? level : null });
  }
  get onlyCritical(): boolean {
    return this.#url.current.critical ?? false;
  }
  set onlyCritical(on: boolean) {
    this.#url.update({ critical: on || undefined });
  }
  get tab(): DependencyTab {
    return this.#url.current.tab === 'flow' ? 'flow' : 'graph';
  }
  set tab(tab: DependencyTab) {
    this.#url.update({ tab: tab === 'graph' ? null : tab });
  }

  /** Opens or closes a collapsed entity or a country's group of suppliers (in a summarised tree). */
  toggleGroup(countryId: string): void {
    const open = new Set(this.expanded);
    if (open.has(countryId)) open.delete(countryId);
    else open.add(countryId);
    this.#url.update({ open: [...open].sort() });
  }

  /** A click on the graph: a collapsed box (▸) opens, an opened one (▾) closes; any node is chosen. */
  clicked(id: string | null): void {
    const rootId = this.data?.dependencyTree.root.id;
    const box = id ? this.elements.find((e) => e.group === 'nodes' && e.data.id === id) : undefined;
    if (id && box && /[▸▾]$/.test(box.data.label)) this.toggleGroup(id);
    this.select(id === rootId ? null : id);
  }

  get selectedRow(): Row | null {
    return this.rows.find((r) => r.id === this.selectedId) ?? null;
  }

  /** Brings the view in line with the URL: on first load and after back/forward. */
  restore(state: AtlasUrlState): void {
    if (!state.focus) {
      this.#abort('load');
      this.data = null;
      this.status = 'idle';
    } else if (state.focus !== this.data?.dependencyTree.root.id || this.status === 'error') void this.load(state.focus);
    void this.#loadDetails(state.select ?? null);
  }

  async load(rootId: string): Promise<void> {
    const controller = this.#renew('load');
    this.status = 'loading';
    this.error = null;
    try {
      const data = await loadDependencies(rootId, { signal: controller.signal });
      this.data = data;
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.error = error;
      this.status = 'error';
    }
  }

  retry(): void {
    if (this.rootId) void this.load(this.rootId);
  }

  /** Opens a capability or technology as the root (a step back returns to the previous one). */
  open(entity: MapEntity): void {
    this.text = '';
    this.hits = [];
    this.searchStatus = 'idle';
    this.#url.update({ focus: entity.id, select: null, levels: null, critical: undefined, open: undefined }, 'push');
    void this.load(entity.id);
    void this.#loadDetails(null);
  }

  /** Chooses a node of the graph or table (null clears). */
  select(id: string | null): void {
    this.#url.update({ select: id });
    void this.#loadDetails(id);
  }

  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = key === 'name' || key === 'kind' || key === 'level' ? 'asc' : 'desc';
    }
  }

  typed(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    if (text.trim().length < MIN_SEARCH_LENGTH) {
      this.#abort('search');
      this.hits = [];
      this.searchStatus = 'idle';
      return;
    }
    this.#timer = setTimeout(() => void this.search(text), SEARCH_DEBOUNCE_MS);
  }

  async search(text: string): Promise<void> {
    const controller = this.#renew('search');
    this.searchStatus = 'loading';
    try {
      this.hits = await searchRoots(text, { signal: controller.signal });
      this.searchStatus = 'ready';
      this.searchError = null;
    } catch (error) {
      if (isAbort(error)) return;
      this.searchError = error;
      this.searchStatus = 'error';
    }
  }

  async #loadDetails(id: string | null): Promise<void> {
    if (!id) {
      this.#abort('details');
      this.details = null;
      this.detailsStatus = 'idle';
      return;
    }
    if (this.details?.id === id) return;
    const controller = this.#renew('details');
    this.detailsStatus = 'loading';
    try {
      this.details = await loadNodeDetails(id, { signal: controller.signal });
      this.detailsStatus = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.detailsError = error;
      this.detailsStatus = 'error';
    }
  }

  #renew(channel: Channel): AbortController {
    this.#abort(channel);
    const controller = new AbortController();
    this.#aborts[channel] = controller;
    return controller;
  }

  #abort(channel: Channel): void {
    this.#aborts[channel]?.abort();
    this.#aborts[channel] = null;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const c of Object.keys(this.#aborts) as Channel[]) this.#abort(c);
  }
}
