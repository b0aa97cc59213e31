import { defineLoader, groupInOrder } from '../graphql/context.js';
import { findEntitiesByIds, findSourcesOfEntities } from './entity.repository.js';
import type { EntityRecord } from './entity.type.js';

export const entityById = defineLoader<string, EntityRecord | null>('entityById', findEntitiesByIds);

export const sourcesOfEntity = defineLoader<string, EntityRecord[]>('sourcesOfEntity', async (db, ids) => {
  const rows = await findSourcesOfEntities(db, ids);
  return groupInOrder(ids, rows, (r) => r.ownerId).map((group) => group.map((r) => r.source));
});
