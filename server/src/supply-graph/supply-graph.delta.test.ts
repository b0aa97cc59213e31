// The supply graph updated by write deltas equals the graph fetched whole, on random write sequences (fast-check):
// nodes added, changed and deleted (with their links), links added, changed and removed (cycles arise freely), KET
// areas renamed, COUNTERS and horizons, several changes in one transaction. A tiny in-memory "database" stands in for
// Neo4j: `wholeRows` returns what WHOLE_QUERY returns, `deltaOf` what CHANGES_QUERY returns for the touched ids (the
// integration test supply-graph.delta.int.test.ts runs the real queries through a real mapping mutation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreNodes } from '../dependency/scores.js';
import { compile } from '../scenario/compiled-graph.js';
import { baselineAt } from '../scenario/baseline.js';
import { reachingCapabilities } from './capability-reach.js';
import { downwardIndex } from './downward-index.js';
import type { SupplyGraphWithOutlook } from './outlook.js';
import { applyDelta, applyDeltas, type SupplyGraphDelta, type SupplyGraphRow } from './supply-graph.delta.js';
import { supplyGraphFromRows } from './supply-graph.repository.js';
import type { SupplyEdge } from './supply-graph.js';

// ---- the stand-in database ------------------------------------------------------------------------------------------

type Kind = 'Capability' | 'Technology' | 'Component' | 'Material' | 'Supplier' | 'Country' | 'KetArea' | 'Source';
interface Node {
  kind: Kind;
  props: Record<string, unknown>;
}
interface Rel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}
interface Db {
  nodes: Map<string, Node>;
  rels: Map<string, Rel>;
}
const SUPPLY = new Set<Kind>(['Capability', 'Technology', 'Component', 'Material', 'Supplier', 'Country']);
const GRAPH_TYPES = new Set(['ENABLES', 'DEPENDS_ON', 'SUBSTITUTES', 'SUPPLIED_BY', 'LOCATED_IN', 'COUNTERS']);
const KIND_OF_PREFIX: Record<string, Kind> = {
  cap: 'Capability',
  tech: 'Technology',
  comp: 'Component',
  mat: 'Material',
  sup: 'Supplier',
  country: 'Country',
  ket: 'KetArea',
  src: 'Source',
};
const kindOf = (id: string) => KIND_OF_PREFIX[id.split(':')[0]!]!;
const IDS = {
  cap: ['cap:1', 'cap:2', 'cap:3'],
  tech: ['tech:a', 'tech:b', 'tech:c', 'tech:d'],
  comp: ['comp:x', 'comp:y', 'comp:z'],
  mat: ['mat:m', 'mat:n', 'mat:o'],
  sup: ['sup:s', 'sup:t', 'sup:u'],
  country: ['country:cn', 'country:de'],
  ket: ['ket:ai', 'ket:photonics'],
  src: ['src:report'],
};
const ALL_IDS = Object.values(IDS).flat();

/** The model's links (kinds at each end), so the derived indexes see meaningful graphs; COUNTERS and IN_KET_AREA too. */
const LINKS: { type: string; from: string[]; to: string[] }[] = [
  { type: 'ENABLES', from: IDS.tech, to: IDS.cap },
  { type: 'DEPENDS_ON', from: [...IDS.tech, ...IDS.comp], to: [...IDS.tech, ...IDS.comp, ...IDS.mat] },
  { type: 'SUBSTITUTES', from: [...IDS.tech, ...IDS.comp, ...IDS.mat], to: [...IDS.tech, ...IDS.comp, ...IDS.mat] },
  { type: 'SUPPLIED_BY', from: [...IDS.comp, ...IDS.mat], to: IDS.sup },
  { type: 'LOCATED_IN', from: IDS.sup, to: IDS.country },
  { type: 'COUNTERS', from: IDS.cap, to: IDS.tech },
  { type: 'IN_KET_AREA', from: IDS.tech, to: IDS.ket },
];

/** What WHOLE_QUERY returns: supply nodes (technologies with their KET areas) and graph links between supply nodes. */
function wholeRows(db: Db): SupplyGraphRow[] {
  const rows: SupplyGraphRow[] = [];
  for (const id of db.nodes.keys()) if (SUPPLY.has(db.nodes.get(id)!.kind)) rows.push(nodeRow(db, id));
  for (const r of db.rels.values()) if (GRAPH_TYPES.has(r.type) && isSupply(db, r.from) && isSupply(db, r.to)) rows.push(relRow(r));
  return rows;
}
const isSupply = (db: Db, id: string) => SUPPLY.has(db.nodes.get(id)?.kind as Kind);
function nodeRow(db: Db, id: string): SupplyGraphRow {
  const n = db.nodes.get(id)!;
  const ketAreas =
    n.kind === 'Technology'
      ? [...db.rels.values()].filter((r) => r.type === 'IN_KET_AREA' && r.from === id).map((r) => ({ id: r.to, name: String(db.nodes.get(r.to)!.props.name) }))
      : null;
  return { kind: n.kind, props: { id, ...n.props }, ketAreas, type: null, from: null, to: null };
}
const relRow = (r: Rel): SupplyGraphRow => ({ kind: null, props: r.props, ketAreas: null, type: r.type, from: r.from, to: r.to });

/** What CHANGES_QUERY returns for the touched ids: a KET area's technologies join them; their rows and links. */
function deltaOf(db: Db, ids: Iterable<string>): SupplyGraphDelta {
  const touched = new Set(ids);
  for (const id of [...touched])
    if (db.nodes.get(id)?.kind === 'KetArea') for (const r of db.rels.values()) if (r.type === 'IN_KET_AREA' && r.to === id) touched.add(r.from);
  const rows: SupplyGraphRow[] = [];
  for (const id of touched) if (isSupply(db, id)) rows.push(nodeRow(db, id));
  for (const r of db.rels.values())
    if (GRAPH_TYPES.has(r.type) && isSupply(db, r.from) && isSupply(db, r.to) && (touched.has(r.from) || touched.has(r.to))) rows.push(relRow(r));
  return { touched: [...touched], rows };
}

// ---- writes ---------------------------------------------------------------------------------------------------------

type Write =
  | { op: 'upsertNode'; id: string; trl: number | null; horizon: string | null; name: string; flag: boolean | null }
  | { op: 'deleteNode'; id: string }
  | { op: 'link'; type: string; from: string; to: string; weight: number; share: number | null }
  | { op: 'unlink'; type: string; from: string; to: string };

function propsFor(id: string, w: Extract<Write, { op: 'upsertNode' }>): Record<string, unknown> {
  const kind = kindOf(id);
  const props: Record<string, unknown> = { name: w.name };
  if (kind === 'Technology') Object.assign(props, { trl: w.trl, horizon: w.horizon });
  if (kind === 'Country') Object.assign(props, { eu: w.flag, iso2: id.slice(-2).toUpperCase() });
  if (kind === 'Material') props.criticalRawMaterial = w.flag;
  return props;
}

/** Applies one write to the stand-in database and names the entities it touched (as recordChange does). */
function apply(db: Db, w: Write): string[] {
  switch (w.op) {
    case 'upsertNode':
      db.nodes.set(w.id, { kind: kindOf(w.id), props: propsFor(w.id, w) });
      return [w.id];
    case 'deleteNode':
      db.nodes.delete(w.id);
      for (const [key, r] of db.rels) if (r.from === w.id || r.to === w.id) db.rels.delete(key);
      return [w.id];
    case 'link': {
      if (!db.nodes.has(w.from) || !db.nodes.has(w.to)) return [];
      const props: Record<string, unknown> = { sourceIds: ['src:report'] };
      if (w.type === 'ENABLES') props.strength = w.weight;
      if (w.type === 'DEPENDS_ON') Object.assign(props, { criticality: w.weight, substitutability: 1 - w.weight });
      if (w.type === 'SUPPLIED_BY') Object.assign(props, { share: w.share, year: 2024 });
      db.rels.set(`${w.from}|${w.type}|${w.to}`, { type: w.type, from: w.from, to: w.to, props });
      return [w.from, w.to];
    }
    case 'unlink':
      db.rels.delete(`${w.from}|${w.type}|${w.to}`);
      return [w.from, w.to];
  }
}

const weight = fc.constantFrom(0, 0.25, 0.5, 1);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    op: fc.constant('upsertNode' as const),
    id: fc.constantFrom(...ALL_IDS),
    trl: fc.option(fc.integer({ min: 1, max: 9 })),
    horizon: fc.option(fc.constantFrom('now', '2030', '2035')),
    name: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
    flag: fc.option(fc.boolean()),
  }),
  fc.record({ op: fc.constant('deleteNode' as const), id: fc.constantFrom(...ALL_IDS) }),
  fc.constantFrom(...LINKS).chain((l) =>
    fc.record({
      op: fc.constant('link' as const),
      type: fc.constant(l.type),
      from: fc.constantFrom(...l.from),
      to: fc.constantFrom(...l.to),
      weight,
      share: fc.option(fc.constantFrom(0.1, 0.4, 0.7, 1)),
    }),
  ),
  fc
    .constantFrom(...LINKS)
    .chain((l) => fc.record({ op: fc.constant('unlink' as const), type: fc.constant(l.type), from: fc.constantFrom(...l.from), to: fc.constantFrom(...l.to) })),
);
/** A transaction: one to three writes, committed together (one delta). */
const transaction = fc.array(write, { minLength: 1, maxLength: 3 });

/** A start: every id present, no links; then `setup` transactions build a graph before the measured ones. */
function emptyDb(): Db {
  const db: Db = { nodes: new Map(), rels: new Map() };
  for (const id of ALL_IDS) apply(db, { op: 'upsertNode', id, trl: 5, horizon: null, name: id, flag: null });
  return db;
}

// ---- comparing --------------------------------------------------------------------------------------------------------

const edgeKey = (e: SupplyEdge) => `${e.from}|${e.type}|${e.to}`;
const ids = (list: SupplyEdge[] | undefined) => (list ?? []).map(edgeKey);

/** Everything a reader of the graph can see, in a form where equal graphs compare equal (Map order aside). */
function canonical(g: SupplyGraphWithOutlook) {
  const s = g.supply;
  const nodeIds = [...s.nodes.keys()].sort();
  return {
    nodes: nodeIds.map((id) => s.nodes.get(id)),
    edges: [...s.edges].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1)),
    out: nodeIds.map((id) => ids(s.out.get(id))),
    in: nodeIds.map((id) => ids(s.in.get(id))),
    adjacencyKeys: [[...s.out.keys()].sort(), [...s.in.keys()].sort()],
    horizons: [...g.horizons].sort(),
    counteredBy: [...g.counteredBy].sort(),
  };
}

/** The derived indexes, per node id (their internal numbering follows Map order, which a fetch does not fix either). */
function derived(g: SupplyGraphWithOutlook) {
  const x = downwardIndex(g.supply);
  const steps = [...x.ids].sort().map((id) => {
    const i = x.index.get(id)!;
    const list: string[] = [];
    for (let k = x.start[i]!; k < x.start[i + 1]!; k++) list.push(`${x.ids[x.to[k]!]}/${x.sub[k]}/${edgeKey(x.edge[k]!)}`);
    return [id, list];
  });
  const c = compile(g);
  // The baseline on the (patched) compiled graph with its (carried) evaluation order, carried from the graph before
  // where the write cannot have changed a value (scenario/baseline.ts).
  const baseline = baselineAt(g, 2031, 2026);
  return {
    baseline: { a: [...baseline.a], readiness: [...baseline.readiness], score: [...baseline.score], converged: baseline.converged },
    steps,
    reaching: [...reachingCapabilities(g.supply)].sort(),
    // Every score: after a delta most are handed over from the graph before (dependency/rescore.ts).
    scores: scoreNodes(g.supply),
    compiled: { ...c, index: [...c.index].sort(), orders: null },
  };
}

function expectSameGraph(incremental: SupplyGraphWithOutlook, fresh: SupplyGraphWithOutlook) {
  expect(canonical(incremental)).toEqual(canonical(fresh));
  expect(derived(incremental)).toEqual(derived(fresh));
}

// ---- the properties -----------------------------------------------------------------------------------------------

describe('the supply graph updated by write deltas', () => {
  it('equals the graph fetched whole after every transaction of a random sequence', () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 12 }), fc.array(transaction, { minLength: 1, maxLength: 12 }), (setup, writes) => {
        const db = emptyDb();
        for (const tx of setup) for (const w of tx) apply(db, w);
        let graph = supplyGraphFromRows(wholeRows(db));
        for (const tx of writes) {
          const touched = tx.flatMap((w) => apply(db, w));
          const before = canonical(graph);
          const next = applyDelta(graph, deltaOf(db, touched));
          // Readers holding the old graph never see it change.
          expect(canonical(graph)).toEqual(before);
          expectSameGraph(next, supplyGraphFromRows(wholeRows(db)));
          graph = next;
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('equals the graph fetched whole when several deltas are applied at once (writes since the last read)', () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 10 }), fc.array(transaction, { minLength: 1, maxLength: 8 }), (setup, writes) => {
        const db = emptyDb();
        for (const tx of setup) for (const w of tx) apply(db, w);
        const start = supplyGraphFromRows(wholeRows(db));
        derived(start); // derived indexes built on the old object must not leak into the new one
        const deltas = writes.map((tx) =>
          deltaOf(
            db,
            tx.flatMap((w) => apply(db, w)),
          ),
        );
        expectSameGraph(applyDeltas(start, deltas), supplyGraphFromRows(wholeRows(db)));
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('makes the edge list on first read, however many deltas came since the last read (more than EDGE_STEPS too)', () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 6 }), fc.array(transaction, { minLength: 1, maxLength: 20 }), (setup, writes) => {
        const db = emptyDb();
        for (const tx of setup) for (const w of tx) apply(db, w);
        let graph = supplyGraphFromRows(wholeRows(db));
        for (const tx of writes)
          graph = applyDelta(
            graph,
            deltaOf(
              db,
              tx.flatMap((w) => apply(db, w)),
            ),
          );
        expect(canonical(graph)).toEqual(canonical(supplyGraphFromRows(wholeRows(db))));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keeps the same graph object when a write touched no supply node (its derived indexes stay)', () => {
    const db = emptyDb();
    const g = supplyGraphFromRows(wholeRows(db));
    expect(applyDelta(g, deltaOf(db, ['src:report']))).toBe(g);
    expect(applyDelta(g, { touched: [], rows: [] })).toBe(g);
  });

  // Hand-worked: tech:a → comp:x → tech:a is a cycle; deleting comp:x removes both links and both list entries.
  it('drops a deleted node with every link touching it, also from its neighbours’ lists (a cycle)', () => {
    const db = emptyDb();
    apply(db, { op: 'link', type: 'DEPENDS_ON', from: 'tech:a', to: 'comp:x', weight: 1, share: null });
    apply(db, { op: 'link', type: 'DEPENDS_ON', from: 'comp:x', to: 'tech:a', weight: 1, share: null });
    const g = supplyGraphFromRows(wholeRows(db));
    expect(ids(g.supply.out.get('tech:a'))).toEqual(['tech:a|DEPENDS_ON|comp:x']);
    const next = applyDelta(g, deltaOf(db, apply(db, { op: 'deleteNode', id: 'comp:x' })));
    expect(next.supply.nodes.has('comp:x')).toBe(false);
    expect(ids(next.supply.out.get('tech:a'))).toEqual([]);
    expect(ids(next.supply.in.get('tech:a'))).toEqual([]);
    expect(next.supply.edges).toEqual([]);
    // The old graph still has its cycle.
    expect(ids(g.supply.out.get('tech:a'))).toEqual(['tech:a|DEPENDS_ON|comp:x']);
  });

  it('gives technologies a renamed KET area (the area is not a supply node, its technologies are touched)', () => {
    const db = emptyDb();
    apply(db, { op: 'link', type: 'IN_KET_AREA', from: 'tech:b', to: 'ket:ai', weight: 1, share: null });
    const g = supplyGraphFromRows(wholeRows(db));
    const touched = apply(db, { op: 'upsertNode', id: 'ket:ai', trl: null, horizon: null, name: 'Artificial intelligence', flag: null });
    const next = applyDelta(g, deltaOf(db, touched));
    expect(next.supply.nodes.get('tech:b')!.ketAreas).toEqual([{ id: 'ket:ai', name: 'Artificial intelligence' }]);
  });
});
