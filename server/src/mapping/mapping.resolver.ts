import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../request/change-actor.js';
import { citedSources } from '../entity/entity.loaders.js';
import { Source } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import type { DependencyRow, EnablesRow } from './mapping.repository.js';
import { linkDependsOn, linkEnables, unlinkDependsOn, unlinkEnables } from './mapping.service.js';
import { DependencyLink, DependsOnInput, EnablesInput, EnablesLink, UnlinkResult } from './mapping.type.js';

@Resolver(() => EnablesLink)
export class EnablesLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: EnablesRow, @Ctx() ctx: RequestContext) {
    return citedSources(ctx, link.sourceIds);
  }

  @FieldResolver(() => Boolean, { description: 'True when no source backs this link; the web shows it as "unsourced".' })
  unsourced(@Root() link: EnablesRow): boolean {
    return link.sourceIds.length === 0;
  }

  @Authorized('analyst')
  @Mutation(() => EnablesLink, { description: 'Map that a technology enables a capability; updates the link if it exists.' })
  linkEnables(@Arg('input', () => EnablesInput) input: EnablesInput, @Ctx() ctx: RequestContext) {
    return linkEnables(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkEnables(@Arg('technologyId', () => ID) technologyId: string, @Arg('capabilityId', () => ID) capabilityId: string, @Ctx() ctx: RequestContext) {
    return unlinkEnables(ctx.db, technologyId, capabilityId, actorOf(ctx));
  }
}

@Resolver(() => DependencyLink)
export class DependencyLinkResolver {
  @FieldResolver(() => [Source])
  sources(@Root() link: DependencyRow, @Ctx() ctx: RequestContext) {
    return citedSources(ctx, link.sourceIds);
  }

  @FieldResolver(() => Boolean, { description: 'True when no source backs this link; the web shows it as "unsourced".' })
  unsourced(@Root() link: DependencyRow): boolean {
    return link.sourceIds.length === 0;
  }

  @Authorized('analyst')
  @Mutation(() => DependencyLink, { description: 'Map a dependency; updates the link if it exists.' })
  linkDependsOn(@Arg('input', () => DependsOnInput) input: DependsOnInput, @Ctx() ctx: RequestContext) {
    return linkDependsOn(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkDependsOn(@Arg('dependantId', () => ID) dependantId: string, @Arg('dependencyId', () => ID) dependencyId: string, @Ctx() ctx: RequestContext) {
    return unlinkDependsOn(ctx.db, dependantId, dependencyId, actorOf(ctx));
  }
}
