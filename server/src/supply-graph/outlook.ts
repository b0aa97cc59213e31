// The supply graph as fetched once per data version, with the two facts only scenarios read: when each technology is
// expected to mature (its horizon) and which capabilities counter which technologies (COUNTERS). They come in the
// same query as the supply graph, so the dependency and scenario engines share one fetch and one graph object.
import type { SupplyGraph } from './supply-graph.js';

export interface SupplyGraphWithOutlook {
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
export function withOutlook(supply: SupplyGraph, outlook: readonly OutlookRow[], counters: readonly CountersRow[]): SupplyGraphWithOutlook {
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
