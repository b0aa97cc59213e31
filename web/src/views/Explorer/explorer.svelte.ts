// The Explorer's state and actions, apart from its markup. Three channels, each with its own loading and error
// state and its own abort controller, so a slow search never blocks the map and a newer request always wins:
// search (the results list), map (the drawn neighbourhood) and details (the panel).
import { isAbort } from '../../lib/graphql/client';
import type { EntityDetails, EntityKind, MapEntity, Neighbourhood, SearchHit } from '../../lib/graphql/types';
import { ENTITY_KINDS } from '../../lib/graphql/types';
import { mergeElements, neighbourhoodToElements, type MapElement } from '../../lib/graph/elements';
import type { AtlasUrlState, Depth, UrlState } from '../../lib/state/url.svelte';
import type { Status } from '../../lib/graphql/request.svelte';
import { DetailsChannel } from './details.svelte';
import { EXPAND_LIMIT, loadExplorerView, loadNeighbourhood, searchEntities } from './explorer.api';
import { SearchResultsState } from './search-results.svelte';

export type { Status };

/** Fewer characters than this match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;
/** Pause in typing before searching, in ms. */
export const SEARCH_DEBOUNCE_MS = 250;

export class ExplorerModel {
  // Search
  text = $state('');
  hits = $state.raw<SearchHit[]>([]);
  /** The text the current hits answer (for "No matches for …"). */
  hitsFor = $state('');
  searchStatus = $state<Status>('idle');
  searchError = $state.raw<unknown>(null);
  /** Total, facets, kind filter and paging of the hits. */
  readonly results = new SearchResultsState();

  // Map
  elements = $state.raw<readonly MapElement[]>([]);
  centre = $state.raw<MapEntity | null>(null);
  truncated = $state(false);
  mapStatus = $state<Status>('idle');
  mapError = $state.raw<unknown>(null);
  /** The name (or id) of what the map is loading, for the spinner. */
  loadingName = $state('');
  /** The entity being expanded, if any. */
  expanding = $state<string | null>(null);
  expandError = $state.raw<unknown>(null);

  /** The details panel. */
  readonly details = new DetailsChannel();

  readonly hiddenKinds: ReadonlySet<EntityKind> = $derived(
    new Set(ENTITY_KINDS.filter((k) => this.#url.current.kinds !== null && !this.#url.current.kinds.includes(k))),
  );

  #url: UrlState;
  #drawnDepth: Depth | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #aborts: Record<'search' | 'map', AbortController | null> = { search: null, map: null };
  #retry: Record<'search' | 'map' | 'expand', (() => void) | null> = { search: null, map: null, expand: null };

  constructor(url: UrlState) {
    this.#url = url;
  }

  get focus(): string | null {
    return this.#url.current.focus;
  }

  get depth(): Depth {
    return this.#url.current.depth;
  }

  /** The name drawn for an entity on the map, or its id. */
  nameOf(id: string): string {
    return this.#entityOnMap(id).name;
  }

  isOnMap(id: string): boolean {
    return this.elements.some((e) => e.group === 'nodes' && e.data.id === id);
  }

  /** Brings the Explorer in line with the URL: on first load, and after back/forward. One request at most. */
  restore(state: AtlasUrlState): void {
    clearTimeout(this.#searchTimer);
    this.text = state.q;
    const q = state.q.trim();
    const wantSearch = q.length >= MIN_SEARCH_LENGTH && state.q !== this.hitsFor;
    if (q.length < MIN_SEARCH_LENGTH) this.#clearHits();

    const focus = state.focus;
    const alreadyDrawn = !!focus && this.isOnMap(focus) && this.#drawnDepth === state.depth;
    if (!focus) this.#clearMap();
    else if (alreadyDrawn) {
      // A map still loading for another step of history must not replace the one this step shows.
      this.#cancelMapLoad();
      this.details.show(this.#entityOnMap(focus));
    }
    const wantMap = !!focus && !alreadyDrawn;
    // The map is drawn around its centre (the focus unless the analyst chose another entity since), then the
    // entities the analyst expanded are expanded again, in order: what was on screen comes back.
    const centre = state.centre ?? focus;
    const reopen = () => this.#reopen(state);

    if (wantSearch && wantMap) void this.#loadView({ ...state, focus: centre }).then(reopen);
    else if (wantSearch) void this.#search(state.q);
    else if (wantMap) void this.#draw(centre!, state.depth).then(reopen);
  }

  async #reopen(state: AtlasUrlState): Promise<void> {
    if (this.mapStatus !== 'ready') return;
    for (const id of state.open ?? []) {
      if (this.centre?.id !== (state.centre ?? state.focus)) return; // the analyst opened another map meanwhile
      await this.expand(id, { restoring: true });
    }
    if (state.focus && this.isOnMap(state.focus)) {
      this.#url.update({ focus: state.focus });
      this.details.show(this.#entityOnMap(state.focus));
    }
  }

  /** Search-as-you-type: updates the URL now, asks the API once typing pauses. */
  typed(text: string): void {
    this.text = text;
    this.#url.update({ q: text });
    clearTimeout(this.#searchTimer);
    if (text.trim().length < MIN_SEARCH_LENGTH) {
      this.#clearHits();
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#search(text), SEARCH_DEBOUNCE_MS);
  }

  /**
   * Enter in the search box while the results are still for older text: search now, without waiting for the
   * pause, and open the best match (what the analyst asked for by pressing Enter).
   */
  async submit(text: string): Promise<void> {
    clearTimeout(this.#searchTimer);
    if (text.trim().length < MIN_SEARCH_LENGTH) return;
    await this.#search(text);
    // Only if the analyst is still on that text (not typing on, nor gone back in history).
    const best = this.hitsFor === text && this.text === text ? this.hits[0] : undefined;
    if (best) this.open(best.entity);
  }

  /** Narrows the hits to one kind (a facet chip), or back to all kinds with null. */
  filterResults(kind: EntityKind | null): void {
    if (this.hitsFor) void this.#search(this.hitsFor, kind);
  }

  /** Appends the next page of hits ("More results"). */
  async moreResults(): Promise<void> {
    const { results } = this;
    if (!results.hasMore || results.moreStatus === 'loading') return;
    const text = this.hitsFor;
    const controller = this.#renew('search');
    results.moreStatus = 'loading';
    try {
      const page = await searchEntities(text, { after: results.endCursor, kinds: results.kind ? [results.kind] : null }, { signal: controller.signal });
      if (controller.signal.aborted || text !== this.hitsFor) return;
      this.hits = [...this.hits, ...page.hits];
      results.append(page);
    } catch (error) {
      if (isAbort(error)) return;
      results.moreError = error;
      results.moreStatus = 'error';
    }
  }

  clearSearch(): void {
    clearTimeout(this.#searchTimer);
    this.text = '';
    this.#url.update({ q: '' });
    this.#clearHits();
  }

  /** Opens a search result: draws its neighbourhood as a new map (a step back returns to the previous one). */
  open(entity: MapEntity): void {
    this.#url.update({ focus: entity.id, centre: null, open: undefined }, 'push');
    this.loadingName = entity.name;
    void this.#draw(entity.id, this.depth);
  }

  /** Chooses an entity already on the map: the details panel follows. */
  select(id: string): void {
    this.#url.update({ focus: id, centre: this.#centreFor(id) });
    this.details.show(this.#entityOnMap(id));
  }

  /** Merges an entity's direct neighbours into the map. */
  async expand(id: string, { restoring = false } = {}): Promise<void> {
    const opened = this.#url.current.open ?? [];
    this.#url.update({ focus: id, centre: this.#centreFor(id), open: restoring || opened.includes(id) ? opened : [...opened, id] });
    this.expanding = id;
    this.expandError = null;
    const controller = this.#renew('map');
    try {
      const data = await loadNeighbourhood({ id, depth: 1, limit: EXPAND_LIMIT }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.elements = mergeElements(this.elements, neighbourhoodToElements(data.neighbours)).elements;
      this.truncated ||= data.neighbours.truncated;
      if (data.entity) this.details.set(data.entity);
    } catch (error) {
      if (isAbort(error)) return;
      this.expandError = error;
      this.#retry.expand = () => void this.expand(id);
    } finally {
      if (this.expanding === id && !controller.signal.aborted) this.expanding = null;
    }
  }

  /** The URL's centre when `id` becomes the focus: the map's centre, unless that is `id` itself. */
  #centreFor(id: string): string | null {
    return this.centre && this.centre.id !== id ? this.centre.id : null;
  }

  /** Redraws the focus's neighbourhood at another depth. */
  setDepth(depth: Depth): void {
    if (depth === this.depth) return;
    this.#url.update({ depth, centre: null, open: undefined });
    if (this.focus) {
      this.loadingName = this.nameOf(this.focus);
      void this.#draw(this.focus, depth);
    }
  }

  setKindShown(kind: EntityKind, shown: boolean): void {
    const hidden = new Set(this.hiddenKinds);
    if (shown) hidden.delete(kind);
    else hidden.add(kind);
    this.#url.update({ kinds: hidden.size === 0 ? null : ENTITY_KINDS.filter((k) => !hidden.has(k)) });
  }

  showAllKinds(): void {
    this.#url.update({ kinds: null });
  }

  /**
   * After a change to the map (create, edit, link, delete): forget cached details and redraw what is shown, around
   * the same centre, keeping the selected entity's details in the panel.
   */
  async refresh(): Promise<void> {
    this.details.invalidate();
    const focus = this.focus;
    if (!focus) {
      this.#clearMap();
      return;
    }
    const centre = this.centre && this.centre.id !== focus && this.isOnMap(focus) ? this.centre.id : focus;
    const state = this.#url.current;
    await this.#draw(centre, this.depth);
    // The entities the analyst had expanded are expanded again, so a change does not fold the map back.
    await this.#reopen({ ...state, centre, focus });
  }

  retry(channel: 'search' | 'map' | 'details' | 'expand'): void {
    if (channel === 'details') this.details.retry();
    else this.#retry[channel]?.();
  }

  dispose(): void {
    clearTimeout(this.#searchTimer);
    for (const controller of Object.values(this.#aborts)) controller?.abort();
    this.details.dispose();
  }

  #renew(channel: 'search' | 'map'): AbortController {
    this.#aborts[channel]?.abort();
    const controller = new AbortController();
    this.#aborts[channel] = controller;
    return controller;
  }

  #cancelMapLoad(): void {
    this.#aborts.map?.abort();
    this.expanding = null;
    if (this.mapStatus === 'loading') this.mapStatus = this.elements.length ? 'ready' : 'idle';
    this.loadingName = '';
  }

  #clearHits(): void {
    this.#aborts.search?.abort();
    this.hits = [];
    this.hitsFor = '';
    this.searchStatus = 'idle';
    this.searchError = null;
    this.results.clear();
  }

  #clearMap(): void {
    this.#cancelMapLoad();
    this.elements = [];
    this.centre = null;
    this.truncated = false;
    this.mapStatus = 'idle';
    this.#drawnDepth = null;
    this.details.clear();
  }

  async #search(text: string, kind: EntityKind | null = null): Promise<void> {
    const controller = this.#renew('search');
    this.searchStatus = 'loading';
    this.searchError = null;
    try {
      const page = await searchEntities(text, { kinds: kind ? [kind] : null }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.hits = page.hits;
      this.results.start(page, kind);
      this.hitsFor = text;
      this.searchStatus = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.searchError = error;
      this.searchStatus = 'error';
      this.#retry.search = () => void this.#search(text, kind);
    }
  }

  async #draw(id: string, depth: Depth): Promise<void> {
    const controller = this.#renew('map');
    this.mapStatus = 'loading';
    this.mapError = null;
    this.expandError = null;
    this.expanding = null;
    if (!this.loadingName) this.loadingName = id;
    try {
      const data = await loadNeighbourhood({ id, depth }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.#showNeighbourhood(data, depth);
    } catch (error) {
      if (isAbort(error)) return;
      this.#mapFailed(error, () => void this.#draw(id, depth));
    }
  }

  async #loadView(state: AtlasUrlState): Promise<void> {
    const controller = this.#renew('map');
    this.#aborts.search?.abort();
    this.searchStatus = 'loading';
    this.mapStatus = 'loading';
    this.loadingName ||= state.focus ?? '';
    // The search part of this request ends with it, whichever way.
    const settleSearch = () => {
      if (this.searchStatus === 'loading' && !this.#aborts.search) this.searchStatus = this.hits.length ? 'ready' : 'idle';
    };
    this.#aborts.search = null;
    try {
      const data = await loadExplorerView(state, { signal: controller.signal });
      if (controller.signal.aborted) return settleSearch();
      this.hits = data.searchResults?.hits ?? [];
      if (data.searchResults) this.results.start(data.searchResults, null);
      else this.results.clear();
      this.hitsFor = state.q;
      this.searchStatus = 'ready';
      if (data.neighbours) this.#showNeighbourhood({ neighbours: data.neighbours, entity: data.entity ?? null }, state.depth);
    } catch (error) {
      settleSearch();
      if (isAbort(error)) return;
      this.#mapFailed(error, () => void this.#loadView(state));
    }
  }

  #showNeighbourhood(data: { neighbours: Neighbourhood; entity: EntityDetails | null }, depth: Depth): void {
    this.elements = neighbourhoodToElements(data.neighbours);
    this.centre = data.neighbours.centre;
    this.truncated = data.neighbours.truncated;
    this.#drawnDepth = depth;
    this.mapStatus = 'ready';
    this.loadingName = '';
    if (data.entity) this.details.set(data.entity);
  }

  #mapFailed(error: unknown, retry: () => void): void {
    this.mapError = error;
    this.mapStatus = 'error';
    this.loadingName = '';
    this.#retry.map = retry;
  }

  /** What the map knows of an entity (name and kind), to show at once while its details load. */
  #entityOnMap(id: string): MapEntity {
    const node = this.elements.find((e) => e.group === 'nodes' && e.data.id === id);
    const data = node?.data as { label: string; kind: EntityKind } | undefined;
    return { id, name: data?.label ?? id, kind: data?.kind ?? 'Technology' };
  }
}
