/**
 * The supply graph after a write, without fetching it again: each mapping write transaction re-reads, in itself, the
 * entities it touched (their node, if still a supply node, and every supply link touching them, as WHOLE_QUERY's rows;
 * supply-graph.repository.ts CHANGES_QUERY), and `applyDeltas` swaps exactly those into the graph of the version before.
 *
 * The result is a NEW graph object: maps and adjacency lists are copied where they change (the untouched lists and
 * node objects are shared, and never mutated), so a request still holding the old graph never sees it move. The
 * indexes derived per graph object are patched from the old graph's where they can be (`lineageOf`: the downward
 * index, capability reach, scores) and derived again from memory otherwise (scenario/compiled-graph.ts). It equals
 * what `supplyGraphFromRows(WHOLE_QUERY's rows)` builds for the new version (supply-graph.delta.test.ts proves it on
 * random write sequences): same nodes, same edges, the same sorted adjacency lists, the same horizons and COUNTERS.
 *
 * Pure: no I/O. Database.writeTransaction records the deltas, Database.memo (`carry`) hands them to the service.
 */
import { LayeredMap } from './layered-map.js';
import { withOutlook, type CountersRow, type OutlookRow, type SupplyGraphWithOutlook } from './outlook.js';
import {
  SUPPLY_EDGE_TYPES,
  toSupplyEdge,
  toSupplyNode,
  type EdgeRow,
  type NodeRow,
  type SupplyEdge,
  type SupplyGraph,
  type SupplyNode,
} from './supply-graph.js';

/**
 * A write touching more entities than this (a spreadsheet import, say) records no delta: reading them back inside the
 * transaction would cost about what the next whole fetch costs, so the next read fetches the whole graph instead.
 */
export const MAX_DELTA_ENTITIES = 2000;

/** One row of WHOLE_QUERY (and of CHANGES_QUERY): a node (type null) or an edge (kind null). */
export interface SupplyGraphRow {
  kind: string | null;
  props: Record<string, unknown>;
  ketAreas: NodeRow['ketAreas'];
  type: string | null;
  from: string | null;
  to: string | null;
}

/** What one write changed: the touched entity ids, and their current supply rows (node rows and links touching them). */
export interface SupplyGraphDelta {
  touched: string[];
  rows: SupplyGraphRow[];
}

const COUNTERS = 'COUNTERS';
const TECHNOLOGY = 'Technology';

/** Rows split into the graph's nodes and edges and the outlook's horizons and COUNTERS. */
export function splitRows(rows: readonly SupplyGraphRow[]): { nodes: NodeRow[]; edges: EdgeRow[]; outlook: OutlookRow[]; counters: CountersRow[] } {
  const nodes: NodeRow[] = [];
  const edges: EdgeRow[] = [];
  const outlook: OutlookRow[] = [];
  const counters: CountersRow[] = [];
  for (const r of rows) {
    if (r.type === null) {
      nodes.push({ kind: r.kind!, props: r.props, ketAreas: r.ketAreas });
      if (r.kind === TECHNOLOGY && typeof r.props.horizon === 'string') outlook.push({ id: String(r.props.id), horizon: r.props.horizon });
    } else if (r.type === COUNTERS) counters.push({ capabilityId: r.from!, technologyId: r.to! });
    else edges.push({ type: r.type, from: r.from!, to: r.to!, props: r.props });
  }
  return { nodes, edges, outlook, counters };
}

// The adjacency order of supplyGraph(): by type, then far end id, both in the default collation.
const collate = new Intl.Collator().compare;
const byTypeThenTo = (a: SupplyEdge, b: SupplyEdge) => (a.type === b.type ? collate(a.to, b.to) : collate(a.type, b.type));
const byTypeThenFrom = (a: SupplyEdge, b: SupplyEdge) => (a.type === b.type ? collate(a.from, b.from) : collate(a.type, b.type));
const SUPPLY_TYPES = new Set<string>(SUPPLY_EDGE_TYPES);

/**
 * Untouched technologies that list a touched KET area: a KET area's technologies are touched only while they still
 * link to it (CHANGES_QUERY runs after the write), so these lost the link — the area was deleted, or merged away.
 */
function staleKetAreas(prior: SupplyGraphWithOutlook, touched: ReadonlySet<string>, nodeRows: readonly NodeRow[]): SupplyNode[] {
  const supplyNow = new Set(nodeRows.map((r) => String(r.props.id)));
  const others = [...touched].filter((id) => !prior.supply.nodes.has(id) && !supplyNow.has(id));
  if (others.length === 0) return [];
  const gone = new Set(others);
  const stale: SupplyNode[] = [];
  for (const node of prior.supply.nodes.values())
    if (node.ketAreas?.length && !touched.has(node.id) && node.ketAreas.some((k) => gone.has(k.id))) stale.push(node);
  return stale;
}

/** The graph after each delta in turn (oldest first). */
export function applyDeltas(prior: SupplyGraphWithOutlook, deltas: readonly SupplyGraphDelta[]): SupplyGraphWithOutlook {
  const changed = new Set<string>();
  const next = deltas.reduce((graph, delta) => updated(graph, delta, changed), prior);
  const touched = new Set(deltas.flatMap((d) => d.touched));
  if (next !== prior) recordLineage(next, prior, changed, touched);
  return next;
}

/** The graph after one delta: every touched id's node and links replaced by the delta's rows. */
export function applyDelta(prior: SupplyGraphWithOutlook, delta: SupplyGraphDelta): SupplyGraphWithOutlook {
  return applyDeltas(prior, [delta]);
}

/**
 * Where a graph made by applyDeltas came from: the graph before, and every node whose own fields or adjacency lists
 * differ from it (the touched entities and the far ends of links added or removed). Every other node has the same
 * object and the same list objects in both, so an index derived from the graph before can be patched at `changed`
 * instead of derived again (downward-index.ts, dependency/scores.ts). Only the newest step is kept: the graph before
 * forgets its own origin, so a chain of versions never holds more than one older graph alive.
 */
export interface Lineage {
  prior: SupplyGraph;
  changed: ReadonlySet<string>;
}

const lineages = new WeakMap<SupplyGraph, Lineage>();
/** With the outlook: also every id the writes touched (a horizon or COUNTERS change leaves the supply lists alone). */
export interface OutlookLineage {
  prior: SupplyGraphWithOutlook;
  changed: ReadonlySet<string>;
  touched: ReadonlySet<string>;
  /** No node came or went (an added or deleted node is always changed): indexes numbered by node can keep their numbering. */
  sameNodes: boolean;
}
const outlookLineages = new WeakMap<SupplyGraphWithOutlook, OutlookLineage>();

export const lineageOf = (g: SupplyGraph): Lineage | undefined => lineages.get(g);

/** The same for the graph with its outlook (scenario/compiled-graph.ts reads COUNTERS too: compare `counteredBy`). */
export const outlookLineageOf = (g: SupplyGraphWithOutlook): OutlookLineage | undefined => outlookLineages.get(g);

/**
 * An index kept per graph object (a WeakMap): the one already made, else patched from the graph before's when a write
 * made this graph from it and that one was made (`patch` may decline with null), else derived from scratch.
 */
export function keptPerGraph<G extends object, L extends { prior: G }, T>(
  kept: WeakMap<G, T>,
  g: G,
  lineage: L | undefined,
  patch: (before: T, lineage: L) => T | null,
  fresh: () => T,
): T {
  const known = kept.get(g);
  if (known) return known;
  const before = lineage && kept.get(lineage.prior);
  const value = (before && lineage && patch(before, lineage)) || fresh();
  kept.set(g, value);
  return value;
}

function recordLineage(next: SupplyGraphWithOutlook, prior: SupplyGraphWithOutlook, changed: ReadonlySet<string>, touched: ReadonlySet<string>): void {
  lineages.delete(prior.supply);
  outlookLineages.delete(prior);
  lineages.set(next.supply, { prior: prior.supply, changed });
  const sameNodes = [...changed].every((id) => prior.supply.nodes.has(id) === next.supply.nodes.has(id));
  outlookLineages.set(next, { prior, changed, touched, sameNodes });
}

// Rows are converted the same way every time, so equal content gives equal JSON (same keys in the same order).
/** True when two versions of a node or link differ in content (not only in object). */
export const differs = (a: SupplyNode | SupplyEdge | undefined, b: SupplyNode | SupplyEdge | undefined) => a !== b && JSON.stringify(a) !== JSON.stringify(b);
export const listDiffers = (a: readonly SupplyEdge[] | undefined, b: readonly SupplyEdge[] | undefined) =>
  a !== b && (a?.length !== b?.length || (a ?? []).some((e, i) => differs(e, b![i])));

/**
 * The whole edge list is read by few (tests, a fresh index) and costs a pass over every edge (~60 ms at 100k): after
 * a delta it is made on first read, from the last list made and the deltas since (touched ids and links now), which
 * hold no older graph alive. More than EDGE_STEPS pending deltas are applied at once.
 */
const EDGE_STEPS = 16;
interface PendingEdges {
  base: SupplyEdge[];
  steps: { touched: ReadonlySet<string>; added: SupplyEdge[] }[];
}
const pendingEdges = new WeakMap<SupplyGraph, PendingEdges>();

function withEdgesLater(prior: SupplyGraph, lists: Omit<SupplyGraph, 'edges'>, touched: ReadonlySet<string>, added: SupplyEdge[]): SupplyGraph {
  const before = pendingEdges.get(prior) ?? { base: prior.edges, steps: [] };
  const pending: PendingEdges = { base: before.base, steps: [...before.steps, { touched, added }] };
  const edgesNow = () =>
    pending.steps.reduce((list, step) => list.filter((e) => !step.touched.has(e.from) && !step.touched.has(e.to)).concat(step.added), pending.base);
  if (pending.steps.length > EDGE_STEPS) return { ...lists, edges: edgesNow() };
  let edges: SupplyEdge[] | undefined;
  const graph: SupplyGraph = {
    ...lists,
    get edges() {
      if (!edges) {
        edges = edgesNow();
        pendingEdges.delete(graph);
      }
      return edges;
    },
  };
  pendingEdges.set(graph, pending);
  return graph;
}

/** One delta applied; adds the nodes whose fields or lists it changed to `changed`. */
function updated(prior: SupplyGraphWithOutlook, delta: SupplyGraphDelta, changed: Set<string>): SupplyGraphWithOutlook {
  const g = prior.supply;
  const touched = new Set(delta.touched);
  const rows = splitRows(delta.rows);
  const unlinkedKetAreas = staleKetAreas(prior, touched, rows.nodes);
  // A write that touched no supply node (a source, a signal): the same object, so its derived indexes stay.
  if (delta.rows.length === 0 && unlinkedKetAreas.length === 0 && !delta.touched.some((id) => g.nodes.has(id))) return prior;

  // Nodes: a new map only when a node's fields changed (a link write re-reads its ends as they were); an unchanged
  // node keeps its object, so what is kept per node object (scores) stays valid.
  const now = new Map<string, SupplyNode>();
  for (const row of rows.nodes) {
    const node = toSupplyNode(row);
    if (node) now.set(node.id, node);
  }
  const renewed = [...touched].filter((id) => differs(g.nodes.get(id), now.get(id)));
  let nodes = g.nodes;
  if (renewed.length || unlinkedKetAreas.length) {
    const changes = new Map<string, SupplyNode | undefined>(renewed.map((id) => [id, now.get(id)]));
    for (const node of unlinkedKetAreas) changes.set(node.id, { ...node, ketAreas: node.ketAreas!.filter((k) => !touched.has(k.id)) });
    nodes = LayeredMap.over(g.nodes, changes);
  }

  // The links touching a touched entity, as they are now (once each, both ends in the graph: as supplyGraph() keeps them).
  const added: SupplyEdge[] = [];
  const seen = new Set<string>();
  for (const row of rows.edges) {
    if (!SUPPLY_TYPES.has(row.type)) continue;
    const e = toSupplyEdge(row);
    const key = `${row.from}|${row.type}|${row.to}`;
    if (!e || !nodes.has(e.from) || !nodes.has(e.to) || seen.has(key)) continue;
    seen.add(key);
    added.push(e);
  }

  // Untouched nodes whose lists change: the far ends of the links removed and of those added.
  const affected = new Set<string>();
  for (const id of touched) {
    for (const e of g.out.get(id) ?? []) if (!touched.has(e.to)) affected.add(e.to);
    for (const e of g.in.get(id) ?? []) if (!touched.has(e.from)) affected.add(e.from);
  }
  for (const e of added) {
    if (!touched.has(e.from)) affected.add(e.from);
    if (!touched.has(e.to)) affected.add(e.to);
  }
  const keep = (e: SupplyEdge) => !touched.has(e.from) && !touched.has(e.to);

  // New lists only where they change; the prior graph's lists and maps are never written to (layered-map.ts).
  const outNow = new Map<string, SupplyEdge[] | undefined>();
  const inNow = new Map<string, SupplyEdge[] | undefined>();
  for (const id of touched) {
    outNow.set(id, nodes.has(id) ? [] : undefined);
    inNow.set(id, nodes.has(id) ? [] : undefined);
  }
  for (const id of affected) {
    outNow.set(id, g.out.get(id)!.filter(keep));
    inNow.set(id, g.in.get(id)!.filter(keep));
  }
  for (const e of added) {
    outNow.get(e.from)!.push(e);
    inNow.get(e.to)!.push(e);
  }
  for (const list of outNow.values()) if (list && list.length > 1) list.sort(byTypeThenTo);
  for (const list of inNow.values()) if (list && list.length > 1) list.sort(byTypeThenFrom);
  const out = LayeredMap.over(g.out, outNow);
  const inn = LayeredMap.over(g.in, inNow);
  const supply = withEdgesLater(g, { nodes, out, in: inn }, touched, added);
  // What really differs: a delta re-reads every link of a touched entity, most of them as they were.
  for (const id of [...touched, ...affected]) {
    if (differs(g.nodes.get(id), nodes.get(id)) || listDiffers(g.out.get(id), out.get(id)) || listDiffers(g.in.get(id), inn.get(id))) changed.add(id);
  }
  for (const node of unlinkedKetAreas) changed.add(node.id);

  // The outlook: touched technologies' horizons and every COUNTERS link touching a touched entity, as they are now.
  const fresh = withOutlook(supply, rows.outlook, rows.counters);
  const horizons = LayeredMap.over(prior.horizons, new Map([...touched].map((id) => [id, fresh.horizons.get(id)])));
  const counters = new Map<string, readonly string[] | undefined>();
  for (const tech of touched) if (prior.counteredBy.has(tech)) counters.set(tech, undefined);
  // Lists naming a touched capability (only a capability can be in one: no scan otherwise).
  if ([...touched].some((id) => prior.supply.nodes.get(id)?.kind === 'Capability')) {
    for (const [tech, caps] of prior.counteredBy) {
      if (touched.has(tech) || !caps.some((c) => touched.has(c))) continue;
      const left = caps.filter((c) => !touched.has(c));
      counters.set(tech, left.length ? left : undefined);
    }
  }
  for (const [tech, caps] of fresh.counteredBy) {
    const known = counters.has(tech) ? (counters.get(tech) ?? []) : (prior.counteredBy.get(tech) ?? []);
    counters.set(tech, [...new Set([...known, ...caps])].sort());
  }
  const counteredBy = LayeredMap.over(prior.counteredBy, counters);
  return { supply, horizons, counteredBy };
}
