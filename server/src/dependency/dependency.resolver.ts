// Thin resolvers: validate, fetch the supply graph in one Cypher round trip, compute with the pure functions, present.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { entityById } from '../entity/entity.loaders.js';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { assertValid, notFound } from '../graphql/errors.js';
import { MAX_PAGE } from '../graphql/connection.js';
import { intInRange, problems } from '../graphql/validation.js';
import { rootSubgraph, wholeGraph } from './dependency.cache.js';
import { presentPaths, presentScores, presentSinglePoints, presentSovereignty, presentTreeShape } from './dependency.present.js';
import { ROOT_KINDS } from './dependency.repository.js';
import { CriticalDependencies, CriticalDependency, DependencyEdge, DependencyNode, DependencyTree, SinglePointsOfFailure, SovereigntyReport } from './dependency.type.js';
import { rootKind, validateTreeArgs } from './dependency.validation.js';
import { scoreNodes } from './scores.js';
import { sovereigntyReport } from './sovereignty.js';
import { singlePointsOfFailure } from './spof.js';
import { PATH_LIMIT, treeShape, type TreeShape } from './tree.js';
import { enumeratePaths, levelsFrom } from './walk.js';
import type { SupplyGraph } from './supply-graph.js';

/**
 * What dependencyTree returns: the presented nodes and edges, and paths enumerated only when `paths`, `cycles` or
 * `truncated` is read (GraphQL's default resolver reads the getters), once per object: a memoised tree is shared by
 * requests, and so are its paths.
 */
class TreeAnswer {
  declare readonly root: DependencyNode;
  declare readonly nodes: DependencyNode[];
  declare readonly edges: ReturnType<typeof presentTreeShape>['edges'];
  declare readonly maxDepth: number | null;
  #paths: ReturnType<typeof presentPaths> | undefined;

  constructor(shape: TreeShape, private readonly graph: SupplyGraph) {
    Object.assign(this, presentTreeShape(shape));
  }
  private all() {
    return (this.#paths ??= presentPaths(enumeratePaths(this.graph, this.root.id, this.maxDepth, PATH_LIMIT)));
  }
  get paths() {
    return this.all().paths;
  }
  get cycles() {
    return this.all().cycles;
  }
  get truncated() {
    return this.all().truncated;
  }
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

@Resolver(() => CriticalDependency)
export class CriticalDependencyResolver {
  // A hub material can sit under most of the portfolio: the list is capped on request (the view shows a few names and
  // capabilityCount), which keeps a ranking of thousands of dependencies to a response of a few MiB instead of tens.
  @FieldResolver(() => [DependencyNode], { description: 'The capabilities of the portfolio that depend on it (the first `first` of them, 0–500; all when omitted).' })
  capabilities(@Root() item: CriticalDependency, @Arg('first', () => Int, { nullable: true }) first: number | null): DependencyNode[] {
    assertValid(problems(intInRange('first', first, 0, MAX_PAGE)));
    return first === null || first === undefined ? item.capabilities : item.capabilities.slice(0, first);
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
    const depth = maxDepth ?? null;
    const tree = await ctx.db.memo(`dependency:tree:${depth ?? '-'}:${rootId}`, async (): Promise<TreeAnswer | null> => {
      const found = await rootSubgraph(ctx.db, rootId);
      if (!found) return null;
      return new TreeAnswer(treeShape(found.graph, rootId, depth)!, found.graph);
    });
    if (!tree) throw notFound('entity', rootId, 'rootId');
    return tree;
  }

  @Query(() => CriticalDependencies, { description: 'Dependencies below a root ranked by criticality score, or all of them when rootId is null. Capability counts are portfolio-wide.' })
  async criticalDependencies(
    @Arg('rootId', () => ID, { nullable: true }) rootId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1–500), most critical first; all when omitted.' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    assertValid(problems(rootId ? rootKind('rootId', rootId, ROOT_KINDS) : null, intInRange('first', first, 1, MAX_PAGE)));
    // Reach is portfolio-wide, so scores come from the whole graph (memoised with its reach counts per data version).
    const answer = await ctx.db.memo(`dependency:critical:${first ?? '-'}:${rootId ?? ''}`, async () => {
      const g = await wholeGraph(ctx.db);
      const root = rootId ? g.nodes.get(rootId) : null;
      if (rootId && !root) return null;
      const ids = root ? [...levelsFrom(g, root.id).keys()].filter((id) => id !== root.id) : undefined;
      const scores = scoreNodes(g, ids);
      return presentScores(g, root ?? null, first ? scores.slice(0, first) : scores);
    });
    if (!answer) throw notFound('entity', rootId!, 'rootId');
    return answer;
  }

  @Query(() => SinglePointsOfFailure, { description: 'Nodes whose loss alone makes an enabling technology of the capability unavailable (given a technology, component or material: that node itself).' })
  async singlePointsOfFailure(@Arg('capabilityId', () => ID) capabilityId: string, @Ctx() ctx: RequestContext) {
    assertValid(problems(rootKind('capabilityId', capabilityId, ROOT_KINDS)));
    const found = await rootSubgraph(ctx.db, capabilityId);
    if (!found) throw notFound('capability', capabilityId, 'capabilityId');
    return presentSinglePoints(found.graph, singlePointsOfFailure(found.graph, capabilityId)!);
  }

  @Query(() => SovereigntyReport, { description: 'Technologies and KET areas ranked by the share of their supply from outside the EU; per country, the capabilities exposed to it.' })
  async sovereigntyReport(@Ctx() ctx: RequestContext) {
    return ctx.db.memo('dependency:sovereignty', async () => {
      const g = await wholeGraph(ctx.db);
      return presentSovereignty(g, sovereigntyReport(g));
    });
  }
}
