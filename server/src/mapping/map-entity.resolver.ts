import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { signInRequired } from '../auth/refusals.js';
import { entityById } from '../entity/entity.loaders.js';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import type { LinkRecord } from './link.writes.repository.js';
import type { LinkType } from './mapping-model.js';
import { LinkTypeEnum } from './mapping-model.type.js';
import { UnlinkResult } from './mapping.type.js';
import { createMapEntity, deleteMapEntity, deletionImpact, updateMapEntity } from './map-entity.service.js';
import { CreateEntityInput, DeletionImpact, Link, LinkInput, UpdateEntityInput } from './map-entity.type.js';
import { linkMapEntities, unlinkMapEntities } from './map-link.service.js';

function userOf(ctx: RequestContext) {
  if (!ctx.user) throw signInRequired('make changes');
  return ctx.user;
}

@Resolver(() => Entity)
export class MapEntityResolver {
  @Authorized('analyst')
  @Mutation(() => Entity, { description: 'Create an entity of any kind (KET and critical technology areas: admins only), with its sources.' })
  createEntity(@Arg('input', () => CreateEntityInput) input: CreateEntityInput, @Ctx() ctx: RequestContext) {
    return createMapEntity(ctx.db, input, userOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Entity, { description: 'Edit an entity; refused with CONFLICT when it changed after expectedRevision.' })
  updateEntity(@Arg('input', () => UpdateEntityInput) input: UpdateEntityInput, @Ctx() ctx: RequestContext) {
    return updateMapEntity(ctx.db, input, userOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => DeletionResult, {
    description: 'Delete an entity and its links (analysts: what they created; admins: anything). History keeps it; an admin can restore it.',
  })
  deleteEntity(@Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: RequestContext) {
    return deleteMapEntity(ctx.db, id, comment, userOf(ctx));
  }

  @Query(() => DeletionImpact, { description: 'What deleting the entity would do: links that go, scenarios that reference it, capabilities that change.' })
  deletionImpact(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deletionImpact(ctx.db, id, ctx.user);
  }
}

@Resolver(() => Link)
export class LinkResolver {
  @Authorized('analyst')
  @Mutation(() => Link, { description: 'Map a link of any type with its properties and sources (creates it or replaces its properties).' })
  linkEntities(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() ctx: RequestContext) {
    return linkMapEntities(ctx.db, input, userOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult, { description: 'Remove a link; history keeps it and an admin can restore it.' })
  unlinkEntities(
    @Arg('type', () => LinkTypeEnum) type: LinkType,
    @Arg('fromId', () => ID) fromId: string,
    @Arg('toId', () => ID) toId: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return unlinkMapEntities(ctx.db, type, fromId, toId, comment, userOf(ctx));
  }

  @FieldResolver(() => [Source])
  async sources(@Root() link: LinkRecord, @Ctx() ctx: RequestContext): Promise<EntityRecord[]> {
    const found = await entityById(ctx).loadMany(link.sourceIds ?? []);
    return found.filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
  }

  @FieldResolver(() => Boolean)
  unsourced(@Root() link: LinkRecord): boolean {
    return (link.sourceIds ?? []).length === 0;
  }
}
