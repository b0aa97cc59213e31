import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { attributesOf } from './attributes.js';
import { entityById, sourcesOfEntity } from './entity.loaders.js';
import { Attribute, Entity, Source, type EntityRecord } from './entity.type.js';

// Field resolvers on the interface apply to every kind that implements it.
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'Any entity of the map by id.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    return entityById(ctx).load(id);
  }

  @FieldResolver(() => [Source], { description: 'The documents this entity was taken from, newest first.' })
  sources(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<EntityRecord[]> {
    return sourcesOfEntity(ctx).load(entity.id);
  }

  @FieldResolver(() => [String])
  aliases(@Root() entity: EntityRecord): string[] {
    return Array.isArray(entity.aliases) ? (entity.aliases as string[]) : [];
  }

  @FieldResolver(() => Int)
  revision(@Root() entity: EntityRecord): number {
    return typeof entity.revision === 'number' ? entity.revision : 0;
  }

  @FieldResolver(() => Boolean)
  async unsourced(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (entity.kind === 'Source') return false;
    return (await sourcesOfEntity(ctx).load(entity.id)).length === 0;
  }

  @FieldResolver(() => [Attribute], { description: 'All other properties as text, for display.' })
  attributes(@Root() entity: EntityRecord): Attribute[] {
    return attributesOf(entity);
  }
}
