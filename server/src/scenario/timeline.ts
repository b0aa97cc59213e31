// The capability-planning timeline: for each horizon year, the technologies expected to reach TRL ≥ 7 (become
// deployable) since the previous step, and the capabilities that gain or lose against the baseline of that year.
import { baselineAt } from './baseline.js';
import { cachedDeployments, type DeploymentBasis } from './maturity.js';
import { evaluateIndexed, type IndexedEvaluation } from './propagation.js';
import { EPSILON, round9, timelineYears, type ScenarioEventSpec } from './scenario.model.js';
import { idsOfKind, type ScenarioGraph } from './scenario-graph.js';

export interface MaturingTechnology {
  technologyId: string;
  name: string;
  /** The year it becomes deployable under the scenario. */
  year: number;
  /** The year it would in the baseline; null when not within view. */
  baselineYear: number | null;
  trl: number | null;
  basis: DeploymentBasis;
  /** True when a MATURATION event of the scenario brought it forward. */
  byScenario: boolean;
}

export interface CapabilityChange {
  capabilityId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface TimelineStep {
  year: number;
  /** Reaching TRL ≥ 7 after the previous step (after last year, for the first step) and by this year; by year, then id. */
  maturing: MaturingTechnology[];
  /** Capabilities scoring higher than the baseline of this year, largest gain first. */
  gains: CapabilityChange[];
  /** Capabilities scoring lower than the baseline of this year, largest loss first. */
  losses: CapabilityChange[];
}

const finite = (y: number) => (Number.isFinite(y) ? y : null);

export function timeline(
  graph: ScenarioGraph,
  events: readonly ScenarioEventSpec[],
  horizon: number,
  thisYear: number,
  /** Evaluations already made for the horizon year, reused. */
  atHorizon?: { before: IndexedEvaluation; after: IndexedEvaluation },
): TimelineStep[] {
  const baseline = cachedDeployments(graph, [], thisYear);
  const scenario = cachedDeployments(graph, events, thisYear);
  const steps: TimelineStep[] = [];
  // Technologies in service today are not "reaching" anything, unless the scenario moved them; the rest never will.
  const candidates = idsOfKind(graph, 'Technology').filter((id) => {
    const d = scenario.get(id)!;
    return Number.isFinite(d.year) && (d.year > thisYear || d.basis === 'scenario');
  });
  let previous = thisYear - 1;
  for (const year of timelineYears(horizon, thisYear)) {
    const maturing: MaturingTechnology[] = [];
    for (const id of candidates) {
      const d = scenario.get(id)!;
      const was = baseline.get(id)!;
      const byScenario = d.basis === 'scenario';
      if (d.year <= previous || d.year > year || (d.year <= thisYear && !byScenario)) continue;
      maturing.push({
        technologyId: id,
        name: graph.supply.nodes.get(id)!.name,
        year: d.year,
        baselineYear: finite(was.year),
        trl: d.trl,
        basis: d.basis,
        byScenario,
      });
    }
    maturing.sort((x, y) => x.year - y.year || (x.technologyId < y.technologyId ? -1 : 1));

    const reuse = atHorizon && year === horizon;
    const before = reuse ? atHorizon.before : baselineAt(graph, year, thisYear);
    const after = reuse ? atHorizon.after : evaluateIndexed(graph, events, year, thisYear);
    const changes: CapabilityChange[] = [];
    const { c } = after;
    for (const i of c.capabilities) {
      const b = round9(before.score[i]!);
      const a = round9(after.score[i]!);
      const id = c.ids[i]!;
      if (Math.abs(a - b) > EPSILON) changes.push({ capabilityId: id, name: graph.supply.nodes.get(id)!.name, before: b, after: a, delta: round9(a - b) });
    }
    const byId = (x: CapabilityChange, y: CapabilityChange) => (x.capabilityId < y.capabilityId ? -1 : 1);
    steps.push({
      year,
      maturing,
      gains: changes.filter((c) => c.delta > 0).sort((x, y) => y.delta - x.delta || byId(x, y)),
      losses: changes.filter((c) => c.delta < 0).sort((x, y) => x.delta - y.delta || byId(x, y)),
    });
    previous = year;
  }
  return steps;
}
