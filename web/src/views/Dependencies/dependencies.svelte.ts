// The dependency view's state and actions. The root is the URL's `focus`, the chosen node its `select`, so a link
// reopens the same analysis. Each request has its own channel (lib/graphql/request.svelte.ts): a newer one always wins.
import { Request, type Status } from '../../lib/graphql/request.svelte';
import type { MapEntity } from '../../lib/graphql/types';
import type { AtlasUrlState, UrlState } from '../../lib/state/url.svelte';
import { loadDependencies, loadNodeDetails, searchRoots } from './dependencies.api';
import type { DependencyViewData, EntitySummary } from './dependencies.types';
import { buildElements, buildRows, GROUP_ABOVE, maxLevelOf, sortRows, visibleIds, type Row, type SortDir, type SortKey } from './dependency-view';

export type DependencyTab = 'graph' | 'flow';

export type { Status };

export const MIN_SEARCH_LENGTH = 2;
export const SEARCH_DEBOUNCE_MS = 250;

export class DependencyModel {
  // The root picker
  text = $state('');
  hits = $state.raw<MapEntity[]>([]);

  // The analysis of the root
  data = $state.raw<DependencyViewData | null>(null);

  // Display (levels, "only critical", opened supplier groups and the tab live in the URL, see the accessors below)
  sortKey = $state<SortKey>('score');
  sortDir = $state<SortDir>('desc');

  // The chosen node's description and sources
  details = $state.raw<EntitySummary | null>(null);

  readonly rows: Row[] = $derived(this.data ? buildRows(this.data) : []);
  readonly sortedRows: Row[] = $derived(sortRows(this.rows, this.sortKey, this.sortDir));
  readonly deepest: number = $derived(this.data ? maxLevelOf(this.data) : 0);
  readonly visible: Set<string> = $derived(
    this.data ? visibleIds(this.data, this.rows, { maxLevel: this.maxLevel, onlyCritical: this.onlyCritical }) : new Set(),
  );
  readonly tableRows: Row[] = $derived(this.sortedRows.filter((r) => this.visible.has(r.id)));
  /** A large tree groups its suppliers per country (see GROUP_ABOVE). */
  readonly grouped: boolean = $derived(this.visible.size > GROUP_ABOVE);
  readonly expanded: Set<string> = $derived(new Set(this.#openIds()));
  readonly elements = $derived(
    this.data ? buildElements(this.data, this.rows, this.visible, { group: this.grouped, expanded: this.expanded, reveal: this.selectedId }) : [],
  );

  #url: UrlState;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #search = new Request();
  #load = new Request();
  #details = new Request();

  constructor(url: UrlState) {
    this.#url = url;
  }

  get searchStatus(): Status {
    return this.#search.status;
  }
  get searchError(): unknown {
    return this.#search.error;
  }
  get status(): Status {
    return this.#load.status;
  }
  get error(): unknown {
    return this.#load.error;
  }
  get detailsStatus(): Status {
    return this.#details.status;
  }
  get detailsError(): unknown {
    return this.#details.error;
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
      this.#load.reset();
      this.data = null;
    } else if (state.focus !== this.data?.dependencyTree.root.id || this.status === 'error') void this.load(state.focus);
    void this.#loadDetails(state.select ?? null);
  }

  async load(rootId: string): Promise<void> {
    await this.#load.run(
      (signal) => loadDependencies(rootId, { signal }),
      (data) => (this.data = data),
    );
  }

  retry(): void {
    if (this.rootId) void this.load(this.rootId);
  }

  /** Opens a capability or technology as the root (a step back returns to the previous one). */
  open(entity: MapEntity): void {
    this.text = '';
    this.hits = [];
    this.#search.reset();
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
      this.#search.reset();
      this.hits = [];
      return;
    }
    this.#timer = setTimeout(() => void this.search(text), SEARCH_DEBOUNCE_MS);
  }

  async search(text: string): Promise<void> {
    await this.#search.run(
      (signal) => searchRoots(text, { signal }),
      (hits) => (this.hits = hits),
    );
  }

  async #loadDetails(id: string | null): Promise<void> {
    if (!id) {
      this.#details.reset();
      this.details = null;
      return;
    }
    if (this.details?.id === id) return;
    await this.#details.run(
      (signal) => loadNodeDetails(id, { signal }),
      (details) => (this.details = details),
    );
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const request of [this.#search, this.#load, this.#details]) request.abort();
  }
}
