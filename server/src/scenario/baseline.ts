// The baseline (no events) of a year depends on the graph alone, so it is evaluated once per graph object and year and
// shared by every run on that graph — with the graph cached per data version (supply-graph.service.ts), once per
// write. After a write of this process (supply-graph.delta.ts `outlookLineageOf`) the baseline of the graph before is
// carried: only what reads, directly or not, a node the write touched is evaluated again (issue #17: the first run
// after a write evaluated every node for every timeline year).
import { outlookLineageOf } from '../supply-graph/supply-graph.delta.js';
import { compile, type CompiledGraph } from './compiled-graph.js';
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
    e = evaluateIndexed(graph, NO_EVENTS, year, thisYear, carried(graph, key) ?? undefined);
    if (byYear.size >= MAX_YEARS) byYear.delete(byYear.keys().next().value!);
    byYear.set(key, e);
  }
  return e;
}

/** The same baseline of the graph before the write, and what must be evaluated again; null: evaluate everything. */
function carried(graph: ScenarioGraph, key: string) {
  const lineage = outlookLineageOf(graph);
  const before = lineage && cache.get(lineage.prior)?.get(key);
  if (!lineage || !before || !before.converged) return null;
  const c = compile(graph);
  // Same numbering (a patched compiled graph shares it with the one before): no node came or went.
  if (c.ids !== before.c.ids) return null;
  let dirty = dirtyAfterWrite.get(graph);
  if (!dirty) dirtyAfterWrite.set(graph, (dirty = readersOf(graph, c, [...lineage.changed, ...lineage.touched])));
  return { before, dirty };
}

// The same for every year: worked out once per graph.
const dirtyAfterWrite = new WeakMap<ScenarioGraph, Uint8Array>();

/**
 * The nodes whose value may differ: the seeds and everything that reads one of them, directly or not (a dependant
 * reads its requirement and that requirement's substitutes, an item its suppliers, a supplier its countries), over the
 * graph after the write (a node that stopped reading one had its own links changed, so it is a seed).
 */
function readersOf(graph: ScenarioGraph, c: CompiledGraph, seeds: readonly string[]): Uint8Array {
  const g = graph.supply;
  const dirty = new Uint8Array(c.ids.length);
  const queue: string[] = [];
  const add = (id: string) => {
    const i = c.index.get(id);
    if (i === undefined || dirty[i]) return;
    dirty[i] = 1;
    queue.push(id);
  };
  seeds.forEach(add);
  const dependants = (id: string) => {
    for (const e of g.in.get(id) ?? []) if (e.type === 'DEPENDS_ON') add(e.from);
  };
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const e of g.in.get(id) ?? []) if (e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') add(e.from);
    for (const e of g.out.get(id) ?? []) if (e.type === 'SUBSTITUTES') dependants(e.to);
  }
  return dirty;
}
