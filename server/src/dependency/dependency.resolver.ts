// Thin resolvers: one call each into dependency.service.ts (validation, the supply graph, memo keys, presentation).
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { entityById } from '../entity/entity.loaders.js';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { capabilitiesDependingOn, criticalDependenciesOf, dependencyTreeOf, singlePointsOfFailureOf, sovereigntyReportOf } from './dependency.service.js';
import {
  CriticalDependencies,
  CriticalDependency,
  DependencyEdge,
  DependencyNode,
  DependencyTree,
  SinglePointsOfFailure,
  SovereigntyReport,
} from './dependency.type.js';

@Resolver(() => DependencyNode)
export class DependencyNodeResolver {
  @FieldResolver(() => Entity, { nullable: true })
  entity(@Root() node: DependencyNode, @Ctx() ctx: RequestContext) {
    return entityById(ctx).load(node.id);
  }
}

@Resolver(() => DependencyEdge)
export class DependencyEdgeResolver {
  @FieldResolver(() => [Source])
  async sources(@Root() edge: DependencyEdge, @Ctx() ctx: RequestContext) {
    const found = await entityById(ctx).loadMany(edge.sourceIds);
    return found.filter((s): s is EntityRecord => s !== null && !(s instanceof Error));
  }
}

@Resolver(() => CriticalDependency)
export class CriticalDependencyResolver {
  // A hub material can sit under most of the portfolio: the list is capped on request (the view shows a few names and
  // capabilityCount), which keeps a ranking of thousands of dependencies to a response of a few MiB instead of tens.
  @FieldResolver(() => [DependencyNode], {
    description: 'The capabilities of the portfolio that depend on it (the first `first` of them, 0–500; all when omitted).',
  })
  capabilities(@Root() item: CriticalDependency, @Arg('first', () => Int, { nullable: true }) first: number | null): DependencyNode[] {
    return capabilitiesDependingOn(item.capabilities, first);
  }
}

@Resolver()
export class DependencyResolver {
  @Query(() => DependencyTree, {
    description: 'What a capability, technology, component or material depends on, down to supplier countries, to maxDepth steps (default: all).',
  })
  async dependencyTree(
    @Arg('rootId', () => ID) rootId: string,
    @Arg('maxDepth', () => Int, { nullable: true }) maxDepth: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return dependencyTreeOf(ctx.db, rootId, maxDepth);
  }

  @Query(() => CriticalDependencies, {
    description: 'Dependencies below a root ranked by criticality score, or all of them when rootId is null. Capability counts are portfolio-wide.',
  })
  async criticalDependencies(
    @Arg('rootId', () => ID, { nullable: true }) rootId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1–500), most critical first; all when omitted.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor of the previous page: the next page starts after it.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return criticalDependenciesOf(ctx.db, rootId, first, after);
  }

  @Query(() => SinglePointsOfFailure, {
    description:
      'Nodes whose loss alone makes an enabling technology of the capability unavailable (given a technology, component or material: that node itself).',
  })
  async singlePointsOfFailure(@Arg('capabilityId', () => ID) capabilityId: string, @Ctx() ctx: RequestContext) {
    return singlePointsOfFailureOf(ctx.db, capabilityId);
  }

  @Query(() => SovereigntyReport, {
    description: 'Technologies and KET areas ranked by the share of their supply from outside the EU; per country, the capabilities exposed to it.',
  })
  async sovereigntyReport(@Ctx() ctx: RequestContext) {
    return sovereigntyReportOf(ctx.db);
  }
}
