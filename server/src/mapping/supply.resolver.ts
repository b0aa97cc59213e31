import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../request/change-actor.js';
import { citedSources } from '../entity/entity.loaders.js';
import { Source, Supplier } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import { UnlinkResult } from './mapping.type.js';
import type { SubstitutesRow, SuppliedByRow } from './supply.repository.js';
import { createSupplier, deleteSupplier, linkSubstitutes, linkSuppliedBy, unlinkSubstitutes, unlinkSuppliedBy } from './supply.service.js';
import { SubstitutesInput, SubstitutesLink, SuppliedByInput, SuppliedByLink, SupplierInput } from './supply.type.js';

@Resolver(() => SuppliedByLink)
export class SuppliedByLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: SuppliedByRow, @Ctx() ctx: RequestContext) {
    return citedSources(ctx, link.sourceIds);
  }

  @Authorized('analyst')
  @Mutation(() => Supplier, { description: 'Add a supplier located in a country.' })
  createSupplier(@Arg('input', () => SupplierInput) input: SupplierInput, @Ctx() ctx: RequestContext) {
    return createSupplier(ctx.db, input, actorOf(ctx));
  }

  @Authorized('admin')
  @Mutation(() => DeletionResult, { description: 'Deletes a supplier and its links.' })
  deleteSupplier(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteSupplier(ctx.db, id, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => SuppliedByLink, {
    description: "Map a supplier's share of a component's or material's supply; the shares of one item may add up to at most 1.",
  })
  linkSuppliedBy(@Arg('input', () => SuppliedByInput) input: SuppliedByInput, @Ctx() ctx: RequestContext) {
    return linkSuppliedBy(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkSuppliedBy(@Arg('itemId', () => ID) itemId: string, @Arg('supplierId', () => ID) supplierId: string, @Ctx() ctx: RequestContext) {
    return unlinkSuppliedBy(ctx.db, itemId, supplierId, actorOf(ctx));
  }
}

@Resolver(() => SubstitutesLink)
export class SubstitutesLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: SubstitutesRow, @Ctx() ctx: RequestContext) {
    return citedSources(ctx, link.sourceIds);
  }

  @Authorized('analyst')
  @Mutation(() => SubstitutesLink, { description: 'Map that one technology, component or material can replace another.' })
  linkSubstitutes(@Arg('input', () => SubstitutesInput) input: SubstitutesInput, @Ctx() ctx: RequestContext) {
    return linkSubstitutes(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkSubstitutes(@Arg('substituteId', () => ID) substituteId: string, @Arg('replacesId', () => ID) replacesId: string, @Ctx() ctx: RequestContext) {
    return unlinkSubstitutes(ctx.db, substituteId, replacesId, actorOf(ctx));
  }
}
