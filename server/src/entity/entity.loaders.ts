import { defineLoader, groupInOrder, type RequestContext } from '../graphql/context.js';
import { findEntitiesByIds, findSourcesOfEntities } from './entity.repository.js';
import type { EntityRecord } from './entity.type.js';

export const entityById = defineLoader<string, EntityRecord | null>('entityById', findEntitiesByIds);

export const sourcesOfEntity = defineLoader<string, EntityRecord[]>('sourcesOfEntity', async (db, ids) => {
  const rows = await findSourcesOfEntities(db, ids);
  return groupInOrder(ids, rows, (r) => r.ownerId).map((group) => group.map((r) => r.source));
});

/** The sources a link cites, by id, through the request's entity loader (unknown ids are left out). */
export async function citedSources(ctx: RequestContext, ids: readonly string[] | undefined): Promise<EntityRecord[]> {
  const found = await entityById(ctx).loadMany([...(ids ?? [])]);
  return found.filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
}
