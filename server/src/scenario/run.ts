// A scenario run: the baseline and the scenario evaluated at the horizon, the capabilities that moved (ranked, with the
// paths that carry the change), the nodes that moved, and the capability-planning timeline. Pure and deterministic:
// the same graph, events, horizon and current year give the same result, byte for byte.
import { baselineAt } from './baseline.js';
import { impactPathFinder, PATH_LIMITS, type ImpactPath } from './impact-paths.js';
import { evaluateIndexed, type IndexedEvaluation } from './propagation.js';
import { EPSILON, round9, type ScenarioSpec } from './scenario.model.js';
import type { ScenarioGraph } from './scenario-graph.js';
import { timeline, type TimelineStep } from './timeline.js';
import { eventReadinessNotes, type EventNote } from './readiness-notes.js';

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
  /** Events with little or no effect because of what the map does not know (e.g. a maturing technology's TRL), with the fix. */
  eventNotes: EventNote[];
}

export interface RunOptions {
  currentYear: number;
  /** Skip the timeline (compare does not show it). */
  timeline?: boolean;
}

/** Largest change first, losses before gains of the same size. Lists are built in id order and the sort is stable, so
 *  equal changes stay in id order. */
const byChange = <T extends { delta: number }>(x: T, y: T) => Math.abs(y.delta) - Math.abs(x.delta) || x.delta - y.delta;

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

export function capabilityScores(graph: ScenarioGraph, before: IndexedEvaluation, after: IndexedEvaluation): CapabilityScore[] {
  const { c } = after;
  return [...c.capabilities].map((i) => {
    const id = c.ids[i]!;
    const b = round9(before.score[i]!);
    const a = round9(after.score[i]!);
    return { capabilityId: id, name: graph.supply.nodes.get(id)!.name, before: b, after: a, delta: round9(a - b) };
  });
}

export function runScenario(graph: ScenarioGraph, spec: ScenarioSpec, options: RunOptions): ScenarioResult {
  const thisYear = options.currentYear;
  // An event whose target is gone is skipped entirely (a substitute that replaces nothing, too).
  const events = spec.events.filter((e) => graph.supply.nodes.has(e.targetId) && (!e.replacesId || graph.supply.nodes.has(e.replacesId)));
  // The baseline depends on the graph alone (cached per graph object); only the scenario is evaluated per run.
  const before = baselineAt(graph, spec.horizon, thisYear);
  const after = evaluateIndexed(graph, events, spec.horizon, thisYear);
  const warnings = missingTargetWarnings(graph, spec);
  if (!before.converged || !after.converged) warnings.push('The propagation hit its sweep limit before settling; figures may be slightly high.');

  const scores = capabilityScores(graph, before, after);
  // Paths index the events as given, so the caller's numbering holds even when an event was skipped.
  const pathsOf = impactPathFinder(graph, spec.events, before, after, thisYear);
  const { c } = after;
  const moved = scores.filter((s) => Math.abs(s.delta) > EPSILON).sort(byChange);
  const impacts = moved.map((s, rank): CapabilityImpact => {
    const i = c.index.get(s.capabilityId)!;
    let paths: ImpactPath[] | undefined;
    return {
      capabilityId: s.capabilityId,
      name: s.name,
      before: s.before,
      after: s.after,
      delta: s.delta,
      readinessBefore: round9(before.readiness[i]!),
      readinessAfter: round9(after.readiness[i]!),
      needBefore: round9(before.need[i]!),
      needAfter: round9(after.need[i]!),
      // Worked out when first read (a GraphQL query without `paths` pays nothing), then kept; an enumerable getter,
      // so the result still compares and serialises as plain data.
      get paths() {
        return (paths ??= rank < PATH_LIMITS.capabilities ? pathsOf(s.capabilityId) : []);
      },
      set paths(value) {
        paths = value;
      },
    };
  });
  if (impacts.length > PATH_LIMITS.capabilities) {
    warnings.push(
      `Paths are shown for the ${PATH_LIMITS.capabilities} capabilities that change most; the ` +
        `other ${impacts.length - PATH_LIMITS.capabilities} are listed with their figures only.`,
    );
  }

  const nodes: NodeChange[] = [];
  for (const i of c.others) {
    const b = round9(before.a[i]!);
    const a = round9(after.a[i]!);
    if (Math.abs(a - b) <= EPSILON) continue;
    const node = graph.supply.nodes.get(c.ids[i]!)!;
    nodes.push({ id: node.id, kind: node.kind, name: node.name, before: b, after: a, delta: round9(a - b) });
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
    eventNotes: eventReadinessNotes(graph, spec.events, thisYear),
  };
}
