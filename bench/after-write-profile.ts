// What the first answer after one write costs, stage by stage, in memory (no Neo4j, no HTTP): the profile behind the
// after-write rows of docs/benchmarks.md (bench/ANALYSIS.md cites it). The synthetic map of `npm run bench` is built
// as the API builds the whole supply graph; then each write of section 4b (link a DEPENDS_ON from a technology enabling
// the hub to a component, change that technology's TRL, unlink it) is applied as the write's delta, and every index a
// request derives from the graph is timed on the graph after it, against the same stage on a graph built from scratch.
//
//   npm run bench:after-write-profile -- [--nodes 100000] [--seed 7]
import { commandLine } from '../server/src/command-line.js';
import { scoreNodes } from '../server/src/dependency/scores.js';
import { levelsFrom } from '../server/src/dependency/walk.js';
import { baselineAt } from '../server/src/scenario/baseline.js';
import { compile } from '../server/src/scenario/compiled-graph.js';
import { runScenario } from '../server/src/scenario/run.js';
import { timelineYears } from '../server/src/scenario/scenario.model.js';
import { reachingCapabilities } from '../server/src/supply-graph/capability-reach.js';
import { downwardIndex } from '../server/src/supply-graph/downward-index.js';
import type { SupplyGraphWithOutlook } from '../server/src/supply-graph/outlook.js';
import { applyDelta, type SupplyGraphRow } from '../server/src/supply-graph/supply-graph.delta.js';
import { supplyGraphFromRows } from '../server/src/supply-graph/supply-graph.repository.js';
import type { SupplyEdge } from '../server/src/supply-graph/supply-graph.js';
import { scenarioEvents } from './scenario-events.js';
import { generate, technologiesForNodes } from './synthetic-map.js';

const { values } = commandLine({
  usage: 'Usage: npm run bench:after-write-profile -- [--nodes 100000] [--seed 7]',
  options: { nodes: { type: 'string' }, seed: { type: 'string' } },
});
const size = Number(values.nodes ?? 100_000);
const seed = Number(values.seed ?? 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const map = generate({ technologies: technologiesForNodes(size), seed });
const row = (kind: string | null, props: Record<string, unknown>, type: string | null = null, from: string | null = null, to: string | null = null) =>
  ({ kind, props, ketAreas: kind === 'Technology' ? [] : null, type, from, to }) as SupplyGraphRow;
const nodeRows = new Map(map.data.nodes.flatMap((n) => n.records.map((r) => [String(r.id), row(n.kind, r)] as const)));
const rows = [...nodeRows.values(), ...map.data.links.flatMap((l) => l.records.map((r) => row(null, r, l.type, String(r.from), String(r.to))))];
const scratch = () => supplyGraphFromRows(rows);

let graph = scratch();
const g0 = graph.supply;
const hub = [...g0.nodes.values()]
  .filter((n) => n.kind === 'Capability')
  .map((n) => n.id)
  .sort()[0]!;
const tech = g0.in.get(hub)!.find((e) => e.type === 'ENABLES')!.from;
const component = map.ids.components.find((c) => !g0.out.get(tech)!.some((e) => e.to === c))!;
const year = new Date().getUTCFullYear();
const spec = { horizon: year + 9, events: scenarioEvents(map, seed + size) };

/** Every stage a request derives, each timed once (after a full GC, when node runs with --expose-gc). */
function stages(g: SupplyGraphWithOutlook): Record<string, number> {
  const out: Record<string, number> = {};
  const time = (label: string, f: () => unknown) => {
    gc();
    const t0 = performance.now();
    f();
    out[label] = performance.now() - t0;
  };
  time('downward index', () => downwardIndex(g.supply));
  time('capability reach', () => reachingCapabilities(g.supply));
  time("hub's ranking (levels + scores)", () =>
    scoreNodes(
      g.supply,
      [...levelsFrom(g.supply, hub).keys()].filter((id) => id !== hub),
    ),
  );
  time('compiled scenario graph', () => compile(g));
  time('baselines (timeline years)', () => timelineYears(spec.horizon, year).forEach((y) => baselineAt(g, y, year)));
  time('scenario run, first', () => runScenario(g, spec, { currentYear: year }));
  time('scenario run, again', () => runScenario(g, spec, { currentYear: year }));
  return out;
}

/** The rows CHANGES_QUERY reads after a write touching `ids`: their nodes and every supply link touching them. */
function delta(ids: string[], nodes: Map<string, SupplyGraphRow>, edges: SupplyEdge[]) {
  const touching = edges.filter((e) => ids.includes(e.from) || ids.includes(e.to));
  return { touched: ids, rows: [...ids.map((id) => nodes.get(id)!), ...touching.map((e) => row(null, { ...e }, e.type, e.from, e.to))] };
}
const linked: SupplyEdge = { type: 'DEPENDS_ON', from: tech, to: component, criticality: 0.6, substitutability: 0.3, sourceIds: [], rationale: null };
const edgesNow = (extra: SupplyEdge[] = [], without?: SupplyEdge) =>
  [...graph.supply.out.get(tech)!, ...graph.supply.in.get(tech)!, ...graph.supply.out.get(component)!, ...graph.supply.in.get(component)!]
    .filter((e) => !without || !(e.from === without.from && e.to === without.to && e.type === without.type))
    .concat(extra);
const trl = (value: number) => new Map([[tech, row('Technology', { ...nodeRows.get(tech)!.props, trl: value })]]);

console.log(`# After one write, in memory: ${g0.nodes.size} supply nodes, ${g0.edges.length} edges (${size} entities, seed ${seed})\n`);
const columns: [string, Record<string, number>][] = [['from scratch', stages(graph)]];
const writes: [string, () => ReturnType<typeof delta>][] = [
  ['link', () => delta([tech, component], nodeRows, edgesNow([linked]))],
  ['TRL', () => delta([tech], trl(graph.supply.nodes.get(tech)!.trl === 6 ? 7 : 6), edgesNow())],
  ['unlink', () => delta([tech, component], nodeRows, edgesNow([], linked))],
];
for (const [name, make] of writes) {
  const d = make();
  gc();
  const t0 = performance.now();
  graph = applyDelta(graph, d);
  const applied = performance.now() - t0;
  columns.push([`after ${name}`, { 'apply the delta': applied, ...stages(graph) }]);
}
const labels = ['apply the delta', ...Object.keys(columns[0]![1])];
console.log(`| Stage (ms) | ${columns.map(([c]) => c).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---:').join('|')}|`);
for (const label of labels) console.log(`| ${label} | ${columns.map(([, v]) => (v[label] === undefined ? '–' : v[label]!.toFixed(1))).join(' | ')} |`);
