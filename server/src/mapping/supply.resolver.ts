import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../history/actor.js';
import { entityById } from '../entity/entity.loaders.js';
import { Source, Supplier, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { DeletionResult } from '../technology/technology.type.js';
import { UnlinkResult } from './mapping.type.js';
import { deleteSubstitutes, deleteSuppliedBy, insertSupplier, removeSupplier, upsertSubstitutes, upsertSuppliedBy, type SubstitutesRow, type SuppliedByRow } from './supply.repository.js';
import { SubstitutesInput, SubstitutesLink, SuppliedByInput, SuppliedByLink, SupplierInput } from './supply.type.js';
import { validateSubstitutes, validateSuppliedBy, validateSupplier } from './supply.validation.js';

async function sourcesFor(ctx: RequestContext, ids: string[] | undefined): Promise<EntityRecord[]> {
  const found = await entityById(ctx).loadMany(ids ?? []);
  return found.filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
}

@Resolver(() => SuppliedByLink)
export class SuppliedByLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: SuppliedByRow, @Ctx() ctx: RequestContext) {
    return sourcesFor(ctx, link.sourceIds);
  }

  @Authorized('analyst')
  @Mutation(() => Supplier, { description: 'Add a supplier located in a country.' })
  createSupplier(@Arg('input', () => SupplierInput) input: SupplierInput, @Ctx() ctx: RequestContext) {
    validateSupplier(input);
    return insertSupplier(ctx.db, input, actorOf(ctx));
  }

  @Authorized('admin')
  @Mutation(() => DeletionResult, { description: 'Deletes a supplier and its links.' })
  deleteSupplier(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return removeSupplier(ctx.db, id, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => SuppliedByLink, { description: "Map a supplier's share of a component's or material's supply; the shares of one item may add up to at most 1." })
  linkSuppliedBy(@Arg('input', () => SuppliedByInput) input: SuppliedByInput, @Ctx() ctx: RequestContext) {
    validateSuppliedBy(input);
    return upsertSuppliedBy(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  async unlinkSuppliedBy(@Arg('itemId', () => ID) itemId: string, @Arg('supplierId', () => ID) supplierId: string, @Ctx() ctx: RequestContext) {
    return { removed: await deleteSuppliedBy(ctx.db, itemId, supplierId, actorOf(ctx)) };
  }
}

@Resolver(() => SubstitutesLink)
export class SubstitutesLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: SubstitutesRow, @Ctx() ctx: RequestContext) {
    return sourcesFor(ctx, link.sourceIds);
  }

  @Authorized('analyst')
  @Mutation(() => SubstitutesLink, { description: 'Map that one technology, component or material can replace another.' })
  linkSubstitutes(@Arg('input', () => SubstitutesInput) input: SubstitutesInput, @Ctx() ctx: RequestContext) {
    validateSubstitutes(input);
    return upsertSubstitutes(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  async unlinkSubstitutes(@Arg('substituteId', () => ID) substituteId: string, @Arg('replacesId', () => ID) replacesId: string, @Ctx() ctx: RequestContext) {
    return { removed: await deleteSubstitutes(ctx.db, substituteId, replacesId, actorOf(ctx)) };
  }
}
