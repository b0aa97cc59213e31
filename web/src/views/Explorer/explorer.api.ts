// Typed calls of the Explorer's GraphQL documents. One function per user action, one round trip each.
import { gql } from '../../lib/graphql/client';
import type * as Api from '../../lib/graphql/api-types';
import type { EntityKind } from '../../lib/graphql/types';
import type { Depth } from '../../lib/state/url-codec';
import { ENTITY_DETAILS_QUERY, EXPLORER_NEIGHBOURHOOD, EXPLORER_SEARCH, EXPLORER_VIEW } from './explorer.operations';

/** Search results asked for at once ("More results" asks for the next as many). */
export const SEARCH_PAGE = 20;

/** Entities asked for around a focus, by depth: deeper neighbourhoods grow fast, the map must stay legible. */
export const NEIGHBOURHOOD_LIMIT: Record<Depth, number> = { 1: 300, 2: 600, 3: 1200 };

/** Entities merged in by one "Expand". */
export const EXPAND_LIMIT = 300;

type Signal = { signal?: AbortSignal };

export type ExplorerViewData = Api.ExplorerViewQuery;

/** Everything a (re)loaded Explorer shows, for the URL's `q` and `focus`, in one request. */
export function loadExplorerView(args: { q: string; focus: string | null; depth: Depth }, options: Signal = {}) {
  return gql<Api.ExplorerViewQuery, Api.ExplorerViewQueryVariables>(
    EXPLORER_VIEW,
    {
      text: args.q,
      hasText: args.q.trim().length > 0,
      focus: args.focus ?? '',
      hasFocus: !!args.focus,
      depth: args.depth,
      limit: NEIGHBOURHOOD_LIMIT[args.depth],
      first: SEARCH_PAGE,
    },
    options,
  );
}

export async function searchEntities(
  text: string,
  page: { after?: string | null; kinds?: EntityKind[] | null } = {},
  options: Signal = {},
): Promise<Api.SearchPageFieldsFragment> {
  const data = await gql<Api.ExplorerSearchQuery, Api.ExplorerSearchQueryVariables>(
    EXPLORER_SEARCH,
    { text, first: SEARCH_PAGE, after: page.after ?? null, kinds: page.kinds ?? null },
    options,
  );
  return data.searchResults;
}

export function loadNeighbourhood(args: { id: string; depth: Depth; limit?: number }, options: Signal = {}) {
  return gql<Api.ExplorerNeighbourhoodQuery, Api.ExplorerNeighbourhoodQueryVariables>(
    EXPLORER_NEIGHBOURHOOD,
    { id: args.id, depth: args.depth, limit: args.limit ?? NEIGHBOURHOOD_LIMIT[args.depth] },
    options,
  );
}

export async function loadDetails(id: string, options: Signal = {}) {
  const data = await gql<Api.EntityDetailsPanelQuery, Api.EntityDetailsPanelQueryVariables>(ENTITY_DETAILS_QUERY, { id }, options);
  return data.entity;
}
