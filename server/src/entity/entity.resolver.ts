import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { aliasesOf, attributesOf } from './attributes.js';
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

  @FieldResolver(() => [String], { description: 'Other names analysts use for it: acronyms, synonyms, names in other languages. Search matches them.' })
  aliases(@Root() entity: EntityRecord): string[] {
    return aliasesOf(entity);
  }

  @FieldResolver(() => [Attribute], { description: 'All other properties as text, for display.' })
  attributes(@Root() entity: EntityRecord): Attribute[] {
    return attributesOf(entity);
  }
}
