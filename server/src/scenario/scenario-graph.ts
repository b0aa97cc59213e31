// What a scenario run reads: the dependency analysis's SupplyGraph (one shared model of supply and dependency),
// plus the two things only scenarios need — when each technology is expected to mature, and which capabilities
// counter which technologies (COUNTERS). Build it by hand in tests, or from repository rows.
import { supplyGraph, type SupplyEdge, type SupplyGraph, type SupplyNode } from '../dependency/supply-graph.js';

export interface ScenarioGraph {
  supply: SupplyGraph;
  /** Technology id → its baseline horizon ("now", "2030", "2035", "2040"); absent when none is given. */
  horizons: ReadonlyMap<string, string>;
  /** Technology id → the capabilities that counter it, sorted by id. */
  counteredBy: ReadonlyMap<string, readonly string[]>;
}

export interface OutlookRow {
  id: string;
  horizon: string | null;
}
export interface CountersRow {
  capabilityId: string;
  technologyId: string;
}

/** Adds the scenario-only facts to a supply graph; rows about nodes the graph does not hold are dropped. */
export function withOutlook(supply: SupplyGraph, outlook: readonly OutlookRow[], counters: readonly CountersRow[]): ScenarioGraph {
  const horizons = new Map<string, string>();
  for (const row of outlook) {
    if (row.horizon && supply.nodes.get(row.id)?.kind === 'Technology') horizons.set(row.id, row.horizon);
  }
  const counteredBy = new Map<string, string[]>();
  for (const row of counters) {
    if (supply.nodes.get(row.capabilityId)?.kind !== 'Capability' || supply.nodes.get(row.technologyId)?.kind !== 'Technology') continue;
    const list = counteredBy.get(row.technologyId) ?? [];
    if (!list.includes(row.capabilityId)) list.push(row.capabilityId);
    counteredBy.set(row.technologyId, list);
  }
  for (const list of counteredBy.values()) list.sort();
  return { supply, horizons, counteredBy };
}

/** A hand-made graph for tests and the worked example. */
export function scenarioGraph(input: {
  nodes: SupplyNode[];
  edges: SupplyEdge[];
  horizons?: Record<string, string>;
  counters?: CountersRow[];
}): ScenarioGraph {
  const supply = supplyGraph({ nodes: input.nodes, edges: input.edges });
  const outlook = Object.entries(input.horizons ?? {}).map(([id, horizon]) => ({ id, horizon }));
  return withOutlook(supply, outlook, input.counters ?? []);
}

const byKind = new WeakMap<ScenarioGraph, Map<string, readonly string[]>>();

/** Ids of one kind, sorted: every loop of the model walks nodes in this order. Remembered per graph object: read only. */
export function idsOfKind(graph: ScenarioGraph, kind: SupplyNode['kind']): readonly string[] {
  let lists = byKind.get(graph);
  if (!lists) byKind.set(graph, (lists = new Map()));
  let ids = lists.get(kind);
  if (!ids) lists.set(kind, (ids = [...graph.supply.nodes.values()].filter((n) => n.kind === kind).map((n) => n.id).sort()));
  return ids;
}
