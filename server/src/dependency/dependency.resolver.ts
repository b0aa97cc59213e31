// Thin resolvers: validate, fetch the supply graph in one Cypher round trip, compute with the pure functions, present.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { entityById } from '../entity/entity.loaders.js';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { assertValid, notFound } from '../graphql/errors.js';
import { problems } from '../graphql/validation.js';
import { presentScores, presentSinglePoints, presentSovereignty, presentTree } from './dependency.present.js';
import { fetchSubgraph, fetchWholeGraph, ROOT_KINDS } from './dependency.repository.js';
import { CriticalDependencies, DependencyEdge, DependencyNode, DependencyTree, SinglePointsOfFailure, SovereigntyReport } from './dependency.type.js';
import { rootKind, validateTreeArgs } from './dependency.validation.js';
import { scoreNodes } from './scores.js';
import { sovereigntyReport } from './sovereignty.js';
import { singlePointsOfFailure } from './spof.js';
import { dependencyTree } from './tree.js';
import { levelsFrom } from './walk.js';

async function subgraphOf(ctx: RequestContext, rootId: string) {
  const found = await fetchSubgraph(ctx.db, rootId);
  if (!found) throw notFound('entity', rootId, 'rootId');
  return found.graph;
}

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

@Resolver()
export class DependencyResolver {
  @Query(() => DependencyTree, { description: 'What a capability, technology, component or material depends on, down to supplier countries, to maxDepth steps (default: all).' })
  async dependencyTree(
    @Arg('rootId', () => ID) rootId: string,
    @Arg('maxDepth', () => Int, { nullable: true }) maxDepth: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    validateTreeArgs(rootId, maxDepth, ROOT_KINDS);
    return presentTree(dependencyTree(await subgraphOf(ctx, rootId), rootId, maxDepth ?? null)!);
  }

  @Query(() => CriticalDependencies, { description: 'Dependencies below a root ranked by criticality score, or all of them when rootId is null. Capability counts are portfolio-wide.' })
  async criticalDependencies(
    @Arg('rootId', () => ID, { nullable: true }) rootId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, most critical first.' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    assertValid(problems(rootId ? rootKind('rootId', rootId, ROOT_KINDS) : null, first !== null && first !== undefined && (!Number.isInteger(first) || first < 1) ? { field: 'first', message: `must be a whole number of at least 1, got ${first}.` } : null));
    const g = await fetchWholeGraph(ctx.db);
    const root = rootId ? g.nodes.get(rootId) : null;
    if (rootId && !root) throw notFound('entity', rootId, 'rootId');
    const ids = root ? [...levelsFrom(g, root.id).keys()].filter((id) => id !== root.id) : undefined;
    const scores = scoreNodes(g, ids);
    return presentScores(g, root ?? null, first ? scores.slice(0, first) : scores);
  }

  @Query(() => SinglePointsOfFailure, { description: 'Nodes whose loss alone makes an enabling technology of the capability unavailable (given a technology, component or material: that node itself).' })
  async singlePointsOfFailure(@Arg('capabilityId', () => ID) capabilityId: string, @Ctx() ctx: RequestContext) {
    assertValid(problems(rootKind('capabilityId', capabilityId, ROOT_KINDS)));
    const found = await fetchSubgraph(ctx.db, capabilityId);
    if (!found) throw notFound('capability', capabilityId, 'capabilityId');
    return presentSinglePoints(found.graph, singlePointsOfFailure(found.graph, capabilityId)!);
  }

  @Query(() => SovereigntyReport, { description: 'Technologies and KET areas ranked by the share of their supply from outside the EU; per country, the capabilities exposed to it.' })
  async sovereigntyReport(@Ctx() ctx: RequestContext) {
    const g = await fetchWholeGraph(ctx.db);
    return presentSovereignty(g, sovereigntyReport(g));
  }
}
