// Entity.links: every map link touching an entity, with its properties and sources (one batched query per request).
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { WriteTx } from '../db/database.js';
import { Entity, type EntityRecord } from '../entity/entity.type.js';
import { defineLoader, groupInOrder, type RequestContext } from '../graphql/context.js';
import type { LinkRecord } from './link.writes.repository.js';
import { findLinksOfEntities } from './map-entity.repository.js';
import { Link } from './map-entity.type.js';

const linksOfEntity = defineLoader<string, LinkRecord[]>('linksOfEntity', async (db, ids) => {
  const reader: WriteTx = { run: (cypher, params) => db.read(cypher, params) };
  return groupInOrder(ids, await findLinksOfEntities(reader, ids), (r) => r.ownerId);
});

@Resolver(() => Entity)
export class EntityLinksResolver {
  @FieldResolver(() => [Link], { description: 'Every map link touching it (either direction), with its properties and sources.' })
  links(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<LinkRecord[]> {
    return linksOfEntity(ctx).load(entity.id);
  }
}
