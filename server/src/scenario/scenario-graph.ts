// What a scenario run reads: the one SupplyGraph the dependency analysis reads too (server/src/supply-graph), plus the
// two things only scenarios need — when each technology is expected to mature, and which capabilities counter which
// technologies (COUNTERS). Fetched once per data version by supply-graph.service.ts; built by hand in tests here.
import { withOutlook, type CountersRow, type OutlookRow, type SupplyGraphWithOutlook } from '../supply-graph/outlook.js';
import { outlookLineageOf } from '../supply-graph/supply-graph.delta.js';
import { supplyGraph, type SupplyEdge, type SupplyNode } from '../supply-graph/supply-graph.js';

/** What a run reads: the one supply graph of the data version with its horizons and COUNTERS (supply-graph/outlook.ts). */
export type ScenarioGraph = SupplyGraphWithOutlook;
export { withOutlook, type CountersRow, type OutlookRow };

/** A hand-made graph for tests and the worked example. */
export function scenarioGraph(input: { nodes: SupplyNode[]; edges: SupplyEdge[]; horizons?: Record<string, string>; counters?: CountersRow[] }): ScenarioGraph {
  const supply = supplyGraph({ nodes: input.nodes, edges: input.edges });
  const outlook = Object.entries(input.horizons ?? {}).map(([id, horizon]) => ({ id, horizon }));
  return withOutlook(supply, outlook, input.counters ?? []);
}

const byKind = new WeakMap<ScenarioGraph, Map<string, readonly string[]>>();

/**
 * Ids of one kind, sorted: every loop of the model walks nodes in this order. Remembered per graph object (read only);
 * after a write that added or removed no node (supply-graph.delta.ts), the graph before's lists are the same.
 */
export function idsOfKind(graph: ScenarioGraph, kind: SupplyNode['kind']): readonly string[] {
  let lists = byKind.get(graph);
  if (!lists) byKind.set(graph, (lists = sameNodesAsBefore(graph) ?? new Map()));
  let ids = lists.get(kind);
  if (!ids)
    lists.set(
      kind,
      (ids = [...graph.supply.nodes.values()]
        .filter((n) => n.kind === kind)
        .map((n) => n.id)
        .sort()),
    );
  return ids;
}

function sameNodesAsBefore(graph: ScenarioGraph): Map<string, readonly string[]> | null {
  const lineage = outlookLineageOf(graph);
  const before = lineage && byKind.get(lineage.prior);
  return lineage?.sameNodes && before ? new Map(before) : null;
}
