// The dependency analysis as the API asks for it: validate first, take the one supply graph of the data version
// (supply-graph.service.ts), compute with the pure modules (tree.ts, scores.ts, spof.ts, sovereignty.ts) and present.
// Presented answers are memoised per data version here, and only here: MEMO_KEYS names every key this domain uses.
import type { EntityKind } from '../db/labels.js';
import type { Database } from '../db/database.js';
import { decodeCursor, encodeCursor, MAX_PAGE } from '../graphql/connection.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { intInRange, problems } from '../graphql/validation.js';
import { currentSupplyGraph, subgraphBelow } from '../supply-graph/supply-graph.service.js';
import type { SupplyGraph } from '../supply-graph/supply-graph.js';
import { presentPaths, presentScores, presentSinglePoints, presentSovereignty, presentTreeShape } from './dependency.present.js';
import type { DependencyNode } from './dependency.type.js';
import { rootKind, validateTreeArgs } from './dependency.validation.js';
import { scoreNodes, type CriticalityScore } from './scores.js';
import { sovereigntyReport } from './sovereignty.js';
import { singlePointsOfFailure } from './spof.js';
import { PATH_LIMIT, treeShape, type TreeShape } from './tree.js';
import { enumeratePaths, levelsFrom } from './walk.js';

/** The kinds a dependency tree may start from. */
export const ROOT_KINDS: readonly EntityKind[] = ['Capability', 'Technology', 'Component', 'Material'];

/** Every Database.memo key of the dependency analysis (the supply graph's own are in supply-graph.service.ts). */
export const MEMO_KEYS = {
  tree: (rootId: string, maxDepth: number | null) => `dependency:tree:${maxDepth ?? '-'}:${rootId}`,
  /** The whole ranking below a root (or portfolio-wide), scored once per data version; pages are cut from it. */
  ranking: (rootId: string | null) => `dependency:ranking:${rootId ?? ''}`,
  critical: (rootId: string | null, first: number | null, after: string | null) => `dependency:critical:${first ?? '-'}:${after ?? ''}:${rootId ?? ''}`,
  sovereignty: 'dependency:sovereignty',
} as const;

/**
 * What dependencyTree returns: the presented nodes and edges, and paths enumerated only when `paths`, `cycles` or
 * `truncated` is read (GraphQL's default resolver reads the getters), once per object: a memoised tree is shared by
 * requests, and so are its paths.
 */
export class TreeAnswer {
  declare readonly root: DependencyNode;
  declare readonly nodes: DependencyNode[];
  declare readonly edges: ReturnType<typeof presentTreeShape>['edges'];
  declare readonly maxDepth: number | null;
  #paths: ReturnType<typeof presentPaths> | undefined;

  constructor(
    shape: TreeShape,
    private readonly graph: SupplyGraph,
  ) {
    Object.assign(this, presentTreeShape(shape));
  }
  private all() {
    const positions = () => new Map(this.nodes.map((n, i) => [n.id, i]));
    return (this.#paths ??= presentPaths(enumeratePaths(this.graph, this.root.id, this.maxDepth, PATH_LIMIT), positions()));
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

/** What a root depends on, to maxDepth steps (null: all). */
export async function dependencyTreeOf(db: Database, rootId: string, maxDepth: number | null | undefined): Promise<TreeAnswer> {
  validateTreeArgs(rootId, maxDepth, ROOT_KINDS);
  const depth = maxDepth ?? null;
  const tree = await db.memo(MEMO_KEYS.tree(rootId, depth), async (): Promise<TreeAnswer | null> => {
    const found = await subgraphBelow(db, rootId);
    if (!found) return null;
    return new TreeAnswer(treeShape(found.graph, rootId, depth)!, found.graph);
  });
  if (!tree) throw notFound('entity', rootId, 'rootId');
  return tree;
}

/** Dependencies below a root (or all of them) ranked by criticality; reach is portfolio-wide, so from the whole graph. */
function rankingOf(db: Database, rootId: string | null) {
  return db.memo(MEMO_KEYS.ranking(rootId), async () => {
    const g = (await currentSupplyGraph(db)).supply;
    const root = rootId ? g.nodes.get(rootId) : null;
    if (rootId && !root) return null;
    const ids = root ? [...levelsFrom(g, root.id).keys()].filter((id) => id !== root.id) : undefined;
    return { g, root: root ?? null, scores: scoreNodes(g, ids) };
  });
}

/**
 * One page of the ranking: the `first` after the cursor `after` (all when `first` is omitted). The cursor holds the
 * score and id of the last item of the previous page, so a page after a write starts where that item would rank now.
 */
export async function criticalDependenciesOf(db: Database, rootId: string | null, first: number | null, after: string | null = null) {
  const position = decodeRankCursor(after);
  assertValid(problems(rootId ? rootKind('rootId', rootId, ROOT_KINDS) : null, intInRange('first', first, 1, MAX_PAGE)));
  const answer = await db.memo(MEMO_KEYS.critical(rootId, first, after), async () => {
    const ranking = await rankingOf(db, rootId);
    if (!ranking) return null;
    const { g, root, scores } = ranking;
    const start = position ? scores.findIndex((s) => ranksAfter(s, position)) : 0;
    const from = start < 0 ? scores.length : start;
    const page = first ? scores.slice(from, from + first) : scores.slice(from);
    const last = page.at(-1);
    return {
      ...presentScores(g, root, page),
      totalCount: scores.length,
      pageInfo: { hasNextPage: from + page.length < scores.length, endCursor: last ? encodeCursor({ name: String(last.score), id: last.node.id }) : null },
    };
  });
  if (!answer) throw notFound('entity', rootId!, 'rootId');
  return answer;
}

/** The ranking's order (scores.ts): higher score first, ties by id. */
const ranksAfter = (s: CriticalityScore, p: { score: number; id: string }) => s.score < p.score || (s.score === p.score && s.node.id.localeCompare(p.id) > 0);

function decodeRankCursor(after: string | null): { score: number; id: string } | null {
  const cursor = decodeCursor(after, 'after');
  if (!cursor) return null;
  const score = Number(cursor.name);
  if (cursor.name === '' || !Number.isFinite(score)) {
    throw badInput({ field: 'after', message: 'is not a cursor of this ranking; pass pageInfo.endCursor from the previous page of criticalDependencies.' });
  }
  return { score, id: cursor.id };
}

/** The first `first` capabilities depending on a ranked dependency (0–500; all when omitted). */
export function capabilitiesDependingOn(capabilities: DependencyNode[], first: number | null): DependencyNode[] {
  assertValid(problems(intInRange('first', first, 0, MAX_PAGE)));
  return first === null || first === undefined ? capabilities : capabilities.slice(0, first);
}

/** Nodes whose loss alone makes an enabling technology of the capability unavailable. */
export async function singlePointsOfFailureOf(db: Database, capabilityId: string) {
  assertValid(problems(rootKind('capabilityId', capabilityId, ROOT_KINDS)));
  const found = await subgraphBelow(db, capabilityId);
  if (!found) throw notFound('capability', capabilityId, 'capabilityId');
  return presentSinglePoints(found.graph, singlePointsOfFailure(found.graph, capabilityId)!);
}

/** Technologies and KET areas by their share of supply from outside the EU, and per country who is exposed to it. */
export function sovereigntyReportOf(db: Database) {
  return db.memo(MEMO_KEYS.sovereignty, async () => {
    const g = (await currentSupplyGraph(db)).supply;
    return presentSovereignty(g, sovereigntyReport(g));
  });
}
