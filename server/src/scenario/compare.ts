// Scenarios side by side: each against its own baseline, and the capabilities whose change differs between them,
// ranked by how far apart the changes are (largest spread first, then by id).
import { EPSILON, round9 } from './scenario.model.js';
import type { CapabilityScore, ScenarioResult } from './run.js';

export interface ComparisonCell {
  scenarioId: string;
  before: number;
  after: number;
  delta: number;
}

export interface ComparisonRow {
  capabilityId: string;
  name: string;
  /** One cell per scenario, in the order the scenarios were given. */
  cells: ComparisonCell[];
  /** Largest minus smallest change across the scenarios. */
  spread: number;
}

export function compareResults(runs: readonly { scenarioId: string; result: ScenarioResult }[]): ComparisonRow[] {
  const byScenario = runs.map((r) => ({ scenarioId: r.scenarioId, scores: new Map(r.result.scores.map((s) => [s.capabilityId, s])) }));
  const ids = [...new Set(runs.flatMap((r) => r.result.scores.map((s) => s.capabilityId)))].sort();
  const rows: ComparisonRow[] = [];
  for (const id of ids) {
    let name = id;
    const cells = byScenario.map(({ scenarioId, scores }) => {
      const s: CapabilityScore | undefined = scores.get(id);
      if (s) name = s.name;
      return { scenarioId, before: s?.before ?? 1, after: s?.after ?? 1, delta: s?.delta ?? 0 };
    });
    const deltas = cells.map((c) => c.delta);
    const spread = round9(Math.max(...deltas) - Math.min(...deltas));
    if (spread > EPSILON) rows.push({ capabilityId: id, name, cells, spread });
  }
  return rows.sort((x, y) => y.spread - x.spread || (x.capabilityId < y.capabilityId ? -1 : 1));
}
