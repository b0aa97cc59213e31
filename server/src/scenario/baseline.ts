// The baseline (no events) of a year depends on the graph alone, so it is evaluated once per graph object and year and
// shared by every run on that graph — with the graph cached per data version (scenario.repository.ts), once per write.
import { evaluateIndexed, type IndexedEvaluation } from './propagation.js';
import type { ScenarioGraph } from './scenario-graph.js';

const NO_EVENTS: readonly never[] = [];
/** A run asks for a handful of years (the timeline's); bounded all the same. */
const MAX_YEARS = 16;
const cache = new WeakMap<ScenarioGraph, Map<string, IndexedEvaluation>>();

/** The baseline of `year` seen from `thisYear`. Shared: read only. */
export function baselineAt(graph: ScenarioGraph, year: number, thisYear: number): IndexedEvaluation {
  let byYear = cache.get(graph);
  if (!byYear) cache.set(graph, (byYear = new Map()));
  const key = `${year}|${thisYear}`;
  let e = byYear.get(key);
  if (!e) {
    e = evaluateIndexed(graph, NO_EVENTS, year, thisYear);
    if (byYear.size >= MAX_YEARS) byYear.delete(byYear.keys().next().value!);
    byYear.set(key, e);
  }
  return e;
}
