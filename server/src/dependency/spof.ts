/**
 * Single points of failure of a capability: the nodes whose loss ALONE makes one of its enabling technologies
 * unavailable, under the availability semantics of availability.ts (AND over dependencies, OR over substitutes and
 * suppliers, a country cut cuts its suppliers). Found by removing each candidate in turn and re-evaluating — not by
 * dominators: a dominator ignores that a second supplier or a substitute keeps the chain alive. The enabling
 * technologies themselves are not listed (losing one trivially loses it).
 *
 * Given a technology (or a component or material) instead of a capability, it plays the one "enabler" role.
 */
import { evaluateAvailability, type Status } from './availability.js';
import { enablersOf, suppliersOf, type SupplyGraph, type SupplyNode } from '../supply-graph/supply-graph.js';
import { enumeratePaths, levelsFrom } from './walk.js';

export interface SinglePoint {
  node: SupplyNode;
  /** The enabling technologies its loss makes unavailable. */
  technologyIds: string[];
  /** True when those are all the enablers, so the capability itself is lost. */
  capabilityLost: boolean;
  /** The nodes one step above it that fall with it (what it directly breaks), for the explanation. */
  breaks: string[];
  /** Why, in words. */
  reason: string;
  /** The node is a component or material with no supplier data (its suppliers may be single points too). */
  unknownSupply: boolean;
  /** Shortest distance from the root. */
  level: number;
}

export interface SinglePointsResult {
  root: SupplyNode;
  baseline: Status;
  enablers: { technology: SupplyNode; status: Status }[];
  points: SinglePoint[];
}

function reasonFor(g: SupplyGraph, node: SupplyNode, breaks: string[]): string {
  const names = breaks.map((id) => g.nodes.get(id)?.name ?? id).join(', ');
  switch (node.kind) {
    case 'Country':
      return `Every supplier of ${names} is located in ${node.name}.`;
    case 'Supplier':
      return `${node.name} is the only supplier of ${names}.`;
    default: {
      const noData = suppliersOf(g, node.id).length === 0 && (node.kind === 'Component' || node.kind === 'Material');
      return `${names} need${breaks.length === 1 ? 's' : ''} ${node.name}, with no substitute mapped${noData ? '; its supply is unknown' : ''}.`;
    }
  }
}

export function singlePointsOfFailure(g: SupplyGraph, rootId: string): SinglePointsResult | null {
  const root = g.nodes.get(rootId);
  if (!root) return null;
  const enablerIds =
    root.kind === 'Capability'
      ? enablersOf(g, rootId)
          .filter((e) => e.strength > 0)
          .map((e) => e.from)
      : [rootId];
  const base = evaluateAvailability(g);
  const level = levelsFrom(g, rootId);
  const candidates = [...level.keys()].filter((id) => id !== rootId && !enablerIds.includes(id)).sort();
  const points: SinglePoint[] = [];
  for (const id of candidates) {
    const after = evaluateAvailability(g, new Set([id]));
    const broken = enablerIds.filter((t) => base.get(t) !== 'unavailable' && after.get(t) === 'unavailable');
    if (broken.length === 0) continue;
    // What falls one step above it: its dependants, the items it supplies, the suppliers located in it.
    const above = [...(g.in.get(id) ?? [])].filter((e) => e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN').map((e) => e.from);
    let breaks = [...new Set(above)].filter((a) => level.has(a) && base.get(a) !== 'unavailable' && after.get(a) === 'unavailable');
    // A country breaks items through its suppliers: name the items, not the suppliers.
    if (g.nodes.get(id)!.kind === 'Country') {
      breaks = [...new Set(breaks.flatMap((s) => (g.in.get(s) ?? []).filter((e) => e.type === 'SUPPLIED_BY').map((e) => e.from)))]
        .filter((item) => level.has(item) && after.get(item) === 'unavailable')
        .sort();
    }
    const node = g.nodes.get(id)!;
    const unknownSupply = (node.kind === 'Component' || node.kind === 'Material') && suppliersOf(g, id).length === 0;
    points.push({
      node,
      technologyIds: broken,
      capabilityLost: root.kind === 'Capability' ? enablerIds.every((t) => after.get(t) === 'unavailable') : true,
      breaks: breaks.sort(),
      reason: reasonFor(g, node, breaks.sort()),
      unknownSupply,
      level: level.get(id)!,
    });
  }
  points.sort((a, b) => Number(b.capabilityLost) - Number(a.capabilityLost) || a.level - b.level || a.node.id.localeCompare(b.node.id));
  return {
    root,
    baseline: base.get(rootId) ?? 'unknown',
    enablers: enablerIds.map((t) => ({ technology: g.nodes.get(t)!, status: base.get(t)! })),
    points,
  };
}

/** The paths from the root to one node (for "why is this here"), at most `limit`. */
export function pathsTo(g: SupplyGraph, rootId: string, nodeId: string, limit = 50) {
  return enumeratePaths(g, rootId)
    .paths.filter((p) => p.nodeIds.at(-1) === nodeId && !p.cycle)
    .slice(0, limit);
}
