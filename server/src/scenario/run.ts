// A scenario run: the baseline and the scenario evaluated at the horizon, the capabilities that moved (ranked, with the
// paths that carry the change), the nodes that moved, and the capability-planning timeline. Pure and deterministic:
// the same graph, events, horizon and current year give the same result, byte for byte.
import { impactPaths, type ImpactPath } from './impact-paths.js';
import { evaluate, type Evaluation } from './propagation.js';
import { EPSILON, round9, type ScenarioSpec } from './scenario.model.js';
import { idsOfKind, type ScenarioGraph } from './scenario-graph.js';
import { timeline, type TimelineStep } from './timeline.js';

export interface CapabilityScore {
  capabilityId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface CapabilityImpact extends CapabilityScore {
  readinessBefore: number;
  readinessAfter: number;
  needBefore: number;
  needAfter: number;
  paths: ImpactPath[];
}

export interface NodeChange {
  id: string;
  kind: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface ScenarioResult {
  horizon: number;
  currentYear: number;
  /** Capabilities evaluated (all of the map). */
  capabilityCount: number;
  /** Capabilities whose score changed: largest change first, losses before gains of the same size, then by id. */
  impacts: CapabilityImpact[];
  /** Every capability's score before and after, by id (compare reads it; unchanged ones have delta 0). */
  scores: CapabilityScore[];
  /** Technologies, components, materials, suppliers and countries whose availability changed, most lost first. */
  nodes: NodeChange[];
  timeline: TimelineStep[];
  warnings: string[];
}

export interface RunOptions {
  currentYear: number;
  /** Skip the timeline (compare does not show it). */
  timeline?: boolean;
}

const byChange = <T extends { delta: number; id: string }>(x: T, y: T) =>
  Math.abs(y.delta) - Math.abs(x.delta) || x.delta - y.delta || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Events whose target (or replaced node) is not in the graph, e.g. deleted since the scenario was saved. */
export function missingTargetWarnings(graph: ScenarioGraph, spec: ScenarioSpec): string[] {
  const warnings: string[] = [];
  spec.events.forEach((e, i) => {
    for (const id of [e.targetId, e.replacesId].filter((x): x is string => !!x)) {
      if (!graph.supply.nodes.has(id)) warnings.push(`Event ${i + 1} (${e.type}) refers to ${id}, which is no longer on the map; it was skipped.`);
    }
  });
  return warnings;
}

export function capabilityScores(graph: ScenarioGraph, before: Evaluation, after: Evaluation): CapabilityScore[] {
  return idsOfKind(graph, 'Capability').map((id) => {
    const b = round9(before.score.get(id)!);
    const a = round9(after.score.get(id)!);
    return { capabilityId: id, name: graph.supply.nodes.get(id)!.name, before: b, after: a, delta: round9(a - b) };
  });
}

export function runScenario(graph: ScenarioGraph, spec: ScenarioSpec, options: RunOptions): ScenarioResult {
  const thisYear = options.currentYear;
  // An event whose target is gone is skipped entirely (a substitute that replaces nothing, too).
  const events = spec.events.filter((e) => graph.supply.nodes.has(e.targetId) && (!e.replacesId || graph.supply.nodes.has(e.replacesId)));
  const before = evaluate(graph, [], spec.horizon, thisYear);
  const after = evaluate(graph, events, spec.horizon, thisYear);
  const warnings = missingTargetWarnings(graph, spec);
  if (!before.converged || !after.converged) warnings.push('The propagation hit its sweep limit before settling; figures may be slightly high.');

  const scores = capabilityScores(graph, before, after);
  const impacts: CapabilityImpact[] = scores
    .filter((s) => Math.abs(s.delta) > EPSILON)
    .map((s) => ({
      ...s,
      readinessBefore: round9(before.readiness.get(s.capabilityId)!),
      readinessAfter: round9(after.readiness.get(s.capabilityId)!),
      needBefore: round9(before.need.get(s.capabilityId)!),
      needAfter: round9(after.need.get(s.capabilityId)!),
      // Paths index the events as given, so the caller's numbering holds even when an event was skipped.
      paths: impactPaths(graph, spec.events, before, after, s.capabilityId, thisYear),
    }))
    .map((x) => ({ ...x, id: x.capabilityId }))
    .sort(byChange)
    .map(({ id: _id, ...x }) => x);

  const nodes: NodeChange[] = [];
  for (const [id, value] of after.availability) {
    const b = round9(before.availability.get(id)!);
    const a = round9(value);
    if (Math.abs(a - b) <= EPSILON) continue;
    const node = graph.supply.nodes.get(id)!;
    nodes.push({ id, kind: node.kind, name: node.name, before: b, after: a, delta: round9(a - b) });
  }
  nodes.sort(byChange);

  return {
    horizon: spec.horizon,
    currentYear: thisYear,
    capabilityCount: scores.length,
    impacts,
    scores,
    nodes,
    timeline: options.timeline === false ? [] : timeline(graph, events, spec.horizon, thisYear, { before, after }),
    warnings,
  };
}
