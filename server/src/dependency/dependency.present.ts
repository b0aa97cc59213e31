// Turns analysis results (ids into a SupplyGraph) into the plain objects the GraphQL types describe. Pure.
import type { CriticalityScore } from './scores.js';
import type { SovereigntyReport } from './sovereignty.js';
import type { SinglePointsResult } from './spof.js';
import type { SupplyEdge, SupplyGraph, SupplyNode } from '../supply-graph/supply-graph.js';
import type { TreeShape } from './tree.js';
import type { TreePath, TreeResult } from './walk.js';
import { FACTOR_KEYS, FACTOR_LABELS, REACH_SATURATION, SCORE_WEIGHTS } from './weights.js';
import type { AvailabilityStatus, DependencyEdge, DependencyNode } from './dependency.type.js';
import type { SupplyBasis } from '../vocabulary/vocabularies.js';

export function presentNode(n: SupplyNode, level?: number): DependencyNode {
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    trl: n.trl ?? null,
    eu: n.eu ?? null,
    iso2: n.iso2 ?? null,
    criticalRawMaterial: n.criticalRawMaterial ?? null,
    level: level ?? null,
  };
}

const nodeIn = (g: SupplyGraph) => (id: string) => presentNode(g.nodes.get(id) ?? { id, kind: 'Component', name: id });

export function presentEdge(e: SupplyEdge): Omit<DependencyEdge, 'sources'> {
  return {
    id: `${e.from}|${e.type}|${e.to}`,
    type: e.type,
    from: e.from,
    to: e.to,
    strength: e.type === 'ENABLES' ? e.strength : null,
    criticality: e.type === 'DEPENDS_ON' ? e.criticality : null,
    substitutability: e.type === 'DEPENDS_ON' ? e.substitutability : null,
    share: e.type === 'SUPPLIED_BY' ? e.share : null,
    year: e.type === 'SUPPLIED_BY' ? (e.year ?? null) : null,
    // Stored values are checked on every write (seed spec, mapping model), so a stored basis is one of the vocabulary's.
    basis: e.type === 'SUPPLIED_BY' ? ((e.basis ?? null) as SupplyBasis | null) : null,
    rationale: 'rationale' in e ? (e.rationale ?? null) : null,
    sourceIds: e.sourceIds,
  };
}

/**
 * A path as GraphQL sees it; its steps are presented only when a query selects them. `nodes` gives its nodes as
 * positions in the tree's `nodes` list (a few bytes each, where ids repeat every path's prefix: thousands of paths).
 */
export class PresentedPath {
  constructor(
    private readonly path: TreePath,
    private readonly positions: ReadonlyMap<string, number>,
  ) {}
  get nodeIds() {
    return this.path.nodeIds;
  }
  get nodes() {
    return this.path.nodeIds.map((id) => this.positions.get(id)!);
  }
  get cycle() {
    return this.path.cycle;
  }
  get steps() {
    return this.path.steps.map(presentEdge);
  }
}

/** `positions`: each node's position in the tree's presented `nodes` (the root's included). */
export function presentPaths(r: TreeResult, positions: ReadonlyMap<string, number>) {
  const paths = r.paths.map((p) => new PresentedPath(p, positions));
  // Cycles are entries of `paths`: present each once.
  const byPath = new Map(r.paths.map((p, i) => [p, paths[i]!]));
  return { paths, cycles: r.cycles.map((p) => byPath.get(p) ?? new PresentedPath(p, positions)), truncated: r.truncated };
}

export function presentTreeShape(t: TreeShape) {
  return {
    root: presentNode(t.root, 0),
    nodes: t.nodes.map((n) => presentNode(n.node, n.level)),
    edges: t.edges.map(presentEdge),
    maxDepth: t.maxDepth,
  };
}

export function presentScore(g: SupplyGraph, s: CriticalityScore) {
  const node = nodeIn(g);
  return {
    ...s,
    node: presentNode(s.node),
    capabilityCount: s.capabilityIds.length,
    capabilities: s.capabilityIds.map(node),
    suppliers: s.suppliers.map((x) => ({
      supplier: presentNode(x.supplier),
      country: x.country ? presentNode(x.country) : null,
      share: x.share,
      estimated: x.estimated,
    })),
  };
}

export function presentScores(g: SupplyGraph, root: SupplyNode | null, scores: CriticalityScore[]) {
  return {
    root: root ? presentNode(root) : null,
    items: scores.map((s) => presentScore(g, s)),
    weights: FACTOR_KEYS.map((key) => ({ key, label: FACTOR_LABELS[key], weight: SCORE_WEIGHTS[key] })),
    reachSaturation: REACH_SATURATION,
  };
}

export function presentSinglePoints(g: SupplyGraph, r: SinglePointsResult) {
  const node = nodeIn(g);
  return {
    root: presentNode(r.root),
    status: r.baseline as AvailabilityStatus,
    enablers: r.enablers.map((e) => ({ technology: presentNode(e.technology), status: e.status as AvailabilityStatus })),
    points: r.points.map((p) => ({ ...p, node: presentNode(p.node, p.level), technologies: p.technologyIds.map(node), breaks: p.breaks.map(node) })),
  };
}

export function presentSovereignty(g: SupplyGraph, r: SovereigntyReport) {
  const node = nodeIn(g);
  return {
    technologies: r.technologies.map((t) => ({
      ...t,
      technology: presentNode(t.technology),
      unknownSupplyItems: t.unknownSupplyItems.map(node),
      mostExposedItem: t.mostExposedItemId ? node(t.mostExposedItemId) : null,
    })),
    ketAreas: r.ketAreas.map((k) => ({ ...k, technologies: k.technologyIds.map(node) })),
    countries: r.countries.map((c) => ({
      ...c,
      country: presentNode(c.country),
      suppliers: c.supplierIds.map(node),
      capabilities: c.capabilities.map((x) => ({ ...x, capability: presentNode(x.capability), items: x.itemIds.map(node) })),
    })),
  };
}
