import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../history/actor.js';
import { entityById } from '../entity/entity.loaders.js';
import { Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { deleteDependsOn, deleteEnables, upsertDependsOn, upsertEnables, type DependencyRow, type EnablesRow } from './mapping.repository.js';
import { DependencyLink, DependsOnInput, EnablesInput, EnablesLink, UnlinkResult } from './mapping.type.js';
import { validateDependsOn, validateEnables } from './mapping.validation.js';

async function sourcesFor(ctx: RequestContext, ids: string[] | undefined): Promise<EntityRecord[]> {
  const found = await entityById(ctx).loadMany(ids ?? []);
  return found.filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
}

@Resolver(() => EnablesLink)
export class EnablesLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: EnablesRow, @Ctx() ctx: RequestContext) {
    return sourcesFor(ctx, link.sourceIds);
  }

  @FieldResolver(() => Boolean, { description: 'True when no source backs this link; the web shows it as "unsourced".' })
  unsourced(@Root() link: EnablesRow): boolean {
    return link.sourceIds.length === 0;
  }

  @Authorized('analyst')
  @Mutation(() => EnablesLink, { description: 'Map that a technology enables a capability; updates the link if it exists.' })
  linkEnables(@Arg('input', () => EnablesInput) input: EnablesInput, @Ctx() ctx: RequestContext) {
    validateEnables(input);
    return upsertEnables(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  async unlinkEnables(
    @Arg('technologyId', () => ID) technologyId: string,
    @Arg('capabilityId', () => ID) capabilityId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return { removed: await deleteEnables(ctx.db, technologyId, capabilityId, actorOf(ctx)) };
  }
}

@Resolver(() => DependencyLink)
export class DependencyLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: DependencyRow, @Ctx() ctx: RequestContext) {
    return sourcesFor(ctx, link.sourceIds);
  }

  @FieldResolver(() => Boolean, { description: 'True when no source backs this link; the web shows it as "unsourced".' })
  unsourced(@Root() link: DependencyRow): boolean {
    return link.sourceIds.length === 0;
  }

  @Authorized('analyst')
  @Mutation(() => DependencyLink, { description: 'Map a dependency; updates the link if it exists.' })
  linkDependsOn(@Arg('input', () => DependsOnInput) input: DependsOnInput, @Ctx() ctx: RequestContext) {
    validateDependsOn(input);
    return upsertDependsOn(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  async unlinkDependsOn(
    @Arg('dependantId', () => ID) dependantId: string,
    @Arg('dependencyId', () => ID) dependencyId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return { removed: await deleteDependsOn(ctx.db, dependantId, dependencyId, actorOf(ctx)) };
  }
}
