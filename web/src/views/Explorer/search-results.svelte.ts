// What the search list shows beyond its hits: the total over all pages, the counts per kind (facets), the kind the
// list is narrowed to, and whether a next page exists. The ExplorerModel fills it from each searchResults answer.
import type { EntityKind, SearchFacet, SearchPage } from '../../lib/graphql/types';
import type { Status } from './details.svelte';

export class SearchResultsState {
  /** Matches in all pages, within the kind filter. */
  total = $state(0);
  /** Matches per kind, whatever the filter (so every chip keeps its count). */
  facets = $state.raw<SearchFacet[]>([]);
  /** The kind the list is narrowed to, or null for all kinds. */
  kind = $state<EntityKind | null>(null);
  endCursor = $state<string | null>(null);
  hasMore = $state(false);
  /** Loading the next page ("More results"), apart from the search itself. */
  moreStatus = $state<Status>('idle');
  moreError = $state.raw<unknown>(null);

  /** A first page (new text or a new kind filter). */
  start(page: SearchPage, kind: EntityKind | null): void {
    this.total = page.total;
    this.facets = page.facets;
    this.kind = kind;
    this.#next(page);
  }

  /** A further page of the same search. */
  append(page: SearchPage): void {
    this.total = page.total;
    this.#next(page);
  }

  clear(): void {
    this.total = 0;
    this.facets = [];
    this.kind = null;
    this.endCursor = null;
    this.hasMore = false;
    this.moreStatus = 'idle';
    this.moreError = null;
  }

  #next(page: SearchPage): void {
    this.endCursor = page.pageInfo.endCursor;
    this.hasMore = page.pageInfo.hasNextPage;
    this.moreStatus = 'idle';
    this.moreError = null;
  }
}
