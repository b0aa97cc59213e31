// Typed calls of the dependency view's documents: one round trip each.
import { gql } from '../../lib/graphql/client';
import type * as Api from '../../lib/graphql/api-types';
import { DEPENDENCY_NODE_DETAILS, DEPENDENCY_ROOT_SEARCH, DEPENDENCY_SCORES_PAGE, DEPENDENCY_VIEW } from './dependencies.operations';
import type { DependencyViewData, EntitySummary } from './dependencies.types';

type Signal = { signal?: AbortSignal };

export const ROOT_SEARCH_PAGE = 12;

/** Scores per request (the API's largest page): the view joins every node's score into its table. */
export const SCORES_PAGE = 500;

/** The view's data; scores beyond the first page are fetched page by page and joined, so the view sees all of them. */
export async function loadDependencies(rootId: string, options: Signal = {}): Promise<DependencyViewData> {
  const data = await gql<Api.DependencyViewQuery, Api.DependencyViewQueryVariables>(DEPENDENCY_VIEW, { rootId, scoresFirst: SCORES_PAGE }, options);
  const items = [...data.criticalDependencies.items];
  let page = data.criticalDependencies.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const next = await gql<Api.DependencyScoresPageQuery, Api.DependencyScoresPageQueryVariables>(
      DEPENDENCY_SCORES_PAGE,
      { rootId, first: SCORES_PAGE, after: page.endCursor },
      options,
    );
    items.push(...next.criticalDependencies.items);
    page = next.criticalDependencies.pageInfo;
  }
  // Paths come as positions in the tree's nodes (a smaller answer); the view reads them as ids.
  const tree = data.dependencyTree;
  const ids = tree.nodes.map((n) => n.id);
  const withIds = (p: { nodes: number[]; cycle: boolean }) => ({ cycle: p.cycle, nodeIds: p.nodes.map((i) => ids[i]!) });
  return {
    ...data,
    dependencyTree: { ...tree, paths: tree.paths.map(withIds), cycles: tree.cycles.map(withIds) },
    criticalDependencies: { ...data.criticalDependencies, items, pageInfo: page },
  };
}

export async function searchRoots(text: string, options: Signal = {}) {
  const data = await gql<Api.DependencyRootSearchQuery, Api.DependencyRootSearchQueryVariables>(
    DEPENDENCY_ROOT_SEARCH,
    { text, first: ROOT_SEARCH_PAGE },
    options,
  );
  return data.search.map((h) => h.entity);
}

export async function loadNodeDetails(id: string, options: Signal = {}): Promise<EntitySummary | null> {
  const data = await gql<Api.DependencyNodeDetailsQuery, Api.DependencyNodeDetailsQueryVariables>(DEPENDENCY_NODE_DETAILS, { id }, options);
  return data.entity;
}
