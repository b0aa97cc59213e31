import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '../request/change-actor.js';
import type { RequestContext } from '../graphql/context.js';
import { checkFirst, decodeCursor, toPage } from '../graphql/connection.js';
import { entityById } from '../entity/entity.loaders.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { enablersOfCapability } from '../mapping/mapping.loaders.js';
import { EnablesLink } from '../mapping/mapping.type.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import { listCapabilities } from './capability.repository.js';
import { createCapability, deleteCapability, updateCapability } from './capability.service.js';
import { Capability, CapabilityConnection, CapabilityFilter, CapabilityInput, CapabilityUpdate } from './capability.type.js';

@Resolver(() => Capability)
export class CapabilityResolver {
  @Query(() => [Capability], { description: 'Capabilities ordered by name; `after` takes an endCursor from capabilityPage.' })
  async capabilities(
    @Arg('filter', () => CapabilityFilter, { nullable: true }) filter: CapabilityFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return (await this.capabilityPage(filter, first, after, ctx)).edges.map((edge) => edge.node);
  }

  @Query(() => CapabilityConnection, { description: 'Capabilities ordered by name, a page at a time, with a total and cursors.' })
  async capabilityPage(
    @Arg('filter', () => CapabilityFilter, { nullable: true }) filter: CapabilityFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    checkFirst(first);
    const { rows, total } = await listCapabilities(ctx.db, filter ?? {}, first, decodeCursor(after));
    return toPage(rows, first, total);
  }

  @Query(() => Capability, { nullable: true })
  async capability(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const entity = await entityById(ctx).load(id);
    return entity?.kind === 'Capability' ? entity : null;
  }

  @FieldResolver(() => [EnablesLink], { description: 'The technologies that enable it, strongest first.' })
  enabledBy(@Root() capability: EntityRecord, @Ctx() ctx: RequestContext) {
    return enablersOfCapability(ctx).load(capability.id);
  }

  @Authorized('analyst')
  @Mutation(() => Capability)
  createCapability(@Arg('input', () => CapabilityInput) input: CapabilityInput, @Ctx() ctx: RequestContext) {
    return createCapability(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Capability)
  updateCapability(@Arg('id', () => ID) id: string, @Arg('input', () => CapabilityUpdate) input: CapabilityUpdate, @Ctx() ctx: RequestContext) {
    return updateCapability(ctx.db, id, input, actorOf(ctx));
  }

  @Authorized('admin')
  @Mutation(() => DeletionResult, { description: 'Deletes a capability and its links.' })
  deleteCapability(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteCapability(ctx.db, id, actorOf(ctx));
  }
}
