// Typed calls of the dependency view's documents: one round trip each.
import { gql } from '../../lib/graphql/client';
import type { MapEntity } from '../../lib/graphql/types';
import { DEPENDENCY_NODE_DETAILS, DEPENDENCY_ROOT_SEARCH, DEPENDENCY_VIEW } from './dependencies.operations';
import type { DependencyViewData, EntitySummary } from './dependencies.types';

type Signal = { signal?: AbortSignal };

export const ROOT_SEARCH_PAGE = 12;

export function loadDependencies(rootId: string, options: Signal = {}): Promise<DependencyViewData> {
  return gql<DependencyViewData>(DEPENDENCY_VIEW, { rootId }, options);
}

export async function searchRoots(text: string, options: Signal = {}): Promise<MapEntity[]> {
  const data = await gql<{ search: { entity: MapEntity }[] }>(DEPENDENCY_ROOT_SEARCH, { text, first: ROOT_SEARCH_PAGE }, options);
  return data.search.map((h) => h.entity);
}

export async function loadNodeDetails(id: string, options: Signal = {}): Promise<EntitySummary | null> {
  const data = await gql<{ entity: EntitySummary | null }>(DEPENDENCY_NODE_DETAILS, { id }, options);
  return data.entity;
}
