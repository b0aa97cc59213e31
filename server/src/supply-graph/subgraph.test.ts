// The subgraph cut from the whole graph in memory (subgraph.ts) on hand-made graphs whose answer is worked out by hand
// from SUBGRAPH_QUERY, and on random graphs against a reference that follows the query literally (fast-check).
// subgraph.int.test.ts compares it with the query itself on real Neo4j.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, graphOf } from '../../../tests/support/supply-graph-builder.js';
import { subgraphFromWhole } from './subgraph.js';
import { SUBSTITUTE_ROUNDS, SUPPLY_EDGE_TYPES, SUPPLY_KINDS, supplyGraph, type SupplyEdge, type SupplyGraph, type SupplyKind } from './supply-graph.js';

const key = (e: SupplyEdge) => `${e.from} ${e.type} ${e.to}`;
const ids = (g: SupplyGraph) => [...g.nodes.keys()].sort();
const edgeKeys = (g: SupplyGraph) => g.edges.map(key).sort();

/** The cut's node ids and edges, and a check that it is what supplyGraph() builds from them (same sorted lists). */
function cut(g: SupplyGraph, rootId: string) {
  const found = subgraphFromWhole(g, rootId);
  if (!found) return null;
  const rebuilt = supplyGraph({ nodes: [...found.graph.nodes.values()].reverse(), edges: [...found.graph.edges].reverse() });
  for (const id of found.graph.nodes.keys()) {
    expect(found.graph.out.get(id)!.map(key)).toEqual(rebuilt.out.get(id)!.map(key));
    expect(found.graph.in.get(id)!.map(key)).toEqual(rebuilt.in.get(id)!.map(key));
    expect(found.graph.nodes.get(id)).toBe(g.nodes.get(id)); // the whole graph's node, as fetched
  }
  return { rootKind: found.rootKind, nodes: ids(found.graph), edges: edgeKeys(found.graph) };
}

// A chain of substitutes, each one round further from cap:a: comp:s1 replaces what tech:t needs (round 1), mat:s2 what
// comp:s1 needs (round 2), mat:s3 replaces mat:s2 (round 3), mat:s4 replaces mat:s3 (round 4: not fetched from cap:a).
const rounds = graphOf((b) =>
  b
    .cap('cap:a')
    .tech('tech:t')
    .comp('comp:c1')
    .comp('comp:s1')
    .mat('mat:m1')
    .mat('mat:s2')
    .mat('mat:s3')
    .mat('mat:s4')
    .country('country:c2', true)
    .sup('sup:x2', 'country:c2')
    .sup('sup:x3')
    .sup('sup:x4')
    .enables('tech:t', 'cap:a')
    .dep('tech:t', 'comp:c1')
    .subst('comp:s1', 'comp:c1')
    .dep('comp:s1', 'mat:m1')
    .subst('mat:s2', 'mat:m1')
    .supplied('mat:s2', 'sup:x2')
    .subst('mat:s3', 'mat:s2')
    .supplied('mat:s3', 'sup:x3')
    .subst('mat:s4', 'mat:s3')
    .supplied('mat:s4', 'sup:x4'),
);

describe('subgraphFromWhole', () => {
  it('takes substitutes three rounds deep from a capability, with what lies below each, and not a fourth', () => {
    expect(cut(rounds, 'cap:a')).toEqual({
      rootKind: 'Capability',
      nodes: ['cap:a', 'comp:c1', 'comp:s1', 'country:c2', 'mat:m1', 'mat:s2', 'mat:s3', 'sup:x2', 'sup:x3', 'tech:t'],
      edges: [
        'comp:s1 DEPENDS_ON mat:m1',
        'comp:s1 SUBSTITUTES comp:c1',
        'mat:s2 SUBSTITUTES mat:m1',
        'mat:s2 SUPPLIED_BY sup:x2',
        'mat:s3 SUBSTITUTES mat:s2',
        'mat:s3 SUPPLIED_BY sup:x3',
        'sup:x2 LOCATED_IN country:c2',
        'tech:t DEPENDS_ON comp:c1',
        'tech:t ENABLES cap:a',
      ],
    });
  });

  it('counts rounds from the root: one, two and three rounds below a component are all taken', () => {
    // r0 = comp:s1, mat:m1; round 1 mat:s2 (with sup:x2, country:c2); round 2 mat:s3 (sup:x3); round 3 mat:s4 (sup:x4).
    expect(cut(rounds, 'comp:s1')?.nodes).toEqual(['comp:s1', 'country:c2', 'mat:m1', 'mat:s2', 'mat:s3', 'mat:s4', 'sup:x2', 'sup:x3', 'sup:x4']);
    // r0 = comp:c1; round 1 comp:s1 and mat:m1 below it; 2 mat:s2; 3 mat:s3; mat:s4 would be round 4.
    const c1 = cut(rounds, 'comp:c1')!;
    expect(c1.rootKind).toBe('Component');
    expect(c1.nodes).toEqual(['comp:c1', 'comp:s1', 'country:c2', 'mat:m1', 'mat:s2', 'mat:s3', 'sup:x2', 'sup:x3']);
    // One round: mat:s3 replaces mat:s2, then mat:s4 replaces mat:s3.
    expect(cut(rounds, 'mat:s2')).toEqual({
      rootKind: 'Material',
      nodes: ['country:c2', 'mat:s2', 'mat:s3', 'mat:s4', 'sup:x2', 'sup:x3', 'sup:x4'],
      edges: [
        'mat:s2 SUPPLIED_BY sup:x2',
        'mat:s3 SUBSTITUTES mat:s2',
        'mat:s3 SUPPLIED_BY sup:x3',
        'mat:s4 SUBSTITUTES mat:s3',
        'mat:s4 SUPPLIED_BY sup:x4',
        'sup:x2 LOCATED_IN country:c2',
      ],
    });
  });

  it('walks a technology root down, with its own substitutes, but never up to what it enables', () => {
    const g = graphOf((b) =>
      b
        .cap('cap:a')
        .tech('tech:t')
        .tech('tech:u')
        .tech('tech:v')
        .comp('comp:c')
        .enables('tech:t', 'cap:a')
        .enables('tech:v', 'cap:a')
        .subst('tech:u', 'tech:t')
        .dep('tech:t', 'comp:c'),
    );
    expect(cut(g, 'tech:t')).toEqual({
      rootKind: 'Technology',
      nodes: ['comp:c', 'tech:t', 'tech:u'],
      edges: ['tech:t DEPENDS_ON comp:c', 'tech:u SUBSTITUTES tech:t'],
    });
  });

  it('follows ENABLES from the root only, and from technologies only', () => {
    // Off the model, as Neo4j would hold it: a component depending on a capability. The query reaches cap:b along
    // DEPENDS_ON but starts at the root's enablers only; and comp:e, not a technology, starts nothing.
    const g = graphOf((b) =>
      b
        .cap('cap:a')
        .cap('cap:b')
        .tech('tech:t')
        .tech('tech:w')
        .comp('comp:c')
        .comp('comp:e')
        .mat('mat:m')
        .enables('tech:t', 'cap:a')
        .dep('tech:t', 'comp:c')
        .dep('comp:c', 'cap:b')
        .enables('tech:w', 'cap:b')
        .enables('comp:e', 'cap:a')
        .dep('comp:e', 'mat:m'),
    );
    expect(cut(g, 'cap:a')).toEqual({
      rootKind: 'Capability',
      nodes: ['cap:a', 'cap:b', 'comp:c', 'tech:t'],
      edges: ['comp:c DEPENDS_ON cap:b', 'tech:t DEPENDS_ON comp:c', 'tech:t ENABLES cap:a'],
    });
  });

  it('walks a cycle once, and substitutes that replace each other', () => {
    const g = graphOf((b) =>
      b
        .tech('tech:t')
        .comp('comp:a')
        .comp('comp:b')
        .comp('comp:x')
        .comp('comp:y')
        .dep('tech:t', 'comp:a')
        .dep('comp:a', 'comp:b')
        .dep('comp:b', 'comp:a')
        .dep('comp:b', 'tech:t')
        .subst('comp:x', 'comp:b')
        .subst('comp:y', 'comp:x')
        .subst('comp:x', 'comp:y'),
    );
    expect(cut(g, 'tech:t')).toEqual({
      rootKind: 'Technology',
      nodes: ['comp:a', 'comp:b', 'comp:x', 'comp:y', 'tech:t'],
      edges: [
        'comp:a DEPENDS_ON comp:b',
        'comp:b DEPENDS_ON comp:a',
        'comp:b DEPENDS_ON tech:t',
        'comp:x SUBSTITUTES comp:b',
        'comp:x SUBSTITUTES comp:y',
        'comp:y SUBSTITUTES comp:x',
        'tech:t DEPENDS_ON comp:a',
      ],
    });
  });

  it('is null for a root the graph does not hold (the caller fetches: it may be an entity of another kind)', () => {
    expect(subgraphFromWhole(rounds, 'comp:nothing')).toBeNull();
    expect(subgraphFromWhole(rounds, 'ket:photonics')).toBeNull();
  });
});

// ---- random graphs against the query read literally ------------------------------------------------------------------

const DOWNWARD = new Set(['DEPENDS_ON', 'SUPPLIED_BY', 'LOCATED_IN']);

/** SUBGRAPH_QUERY step by step over whole sets and every edge: slow and plain. */
function reference(g: SupplyGraph, rootId: string): Set<string> | null {
  if (!g.nodes.has(rootId)) return null;
  const below = (starts: Iterable<string>) => {
    const found = new Set(starts);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of g.edges)
        if (DOWNWARD.has(e.type) && found.has(e.from) && !found.has(e.to)) {
          found.add(e.to);
          grew = true;
        }
    }
    return found;
  };
  const enablers = g.edges.filter((e) => e.type === 'ENABLES' && e.to === rootId && g.nodes.get(e.from)!.kind === 'Technology').map((e) => e.from);
  let r = below([rootId, ...enablers]);
  for (let i = 0; i < SUBSTITUTE_ROUNDS; i++) {
    const s = g.edges.filter((e) => e.type === 'SUBSTITUTES' && r.has(e.to) && !r.has(e.from)).map((e) => e.from);
    r = new Set([...r, ...below(s)]);
  }
  return r;
}

// Kinds from the ids' prefixes; edges of any type between any two nodes (off the model too: the cut must not care),
// SUBSTITUTES as often as the others together, so that chains of substitutes deeper than SUBSTITUTE_ROUNDS occur.
const POOL = Array.from({ length: 24 }, (_, i) => `${SUPPLY_KINDS[i % SUPPLY_KINDS.length]!.toLowerCase()}:${i}`);
const kindOf = (id: string) => SUPPLY_KINDS.find((k) => id.startsWith(`${k.toLowerCase()}:`)) as SupplyKind;
const randomGraph = fc
  .record({
    nodes: fc.subarray(POOL, { minLength: 1 }),
    // A chain of substitutes planted among the random edges (each replaces the one before): deeper than the rounds.
    chain: fc.shuffledSubarray(POOL, { minLength: SUBSTITUTE_ROUNDS + 2, maxLength: SUBSTITUTE_ROUNDS + 3 }),
    edges: fc.array(
      fc.record({
        type: fc.oneof(fc.constant('SUBSTITUTES' as const), fc.constantFrom(...SUPPLY_EDGE_TYPES)),
        from: fc.constantFrom(...POOL),
        to: fc.constantFrom(...POOL),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ nodes, chain, edges }) => {
    const b = new GraphBuilder();
    for (const id of nodes) b.nodes.push({ id, kind: kindOf(id), name: id });
    for (const e of edges) b.edges.push({ ...e, sourceIds: [] } as SupplyEdge);
    for (let i = 1; i < chain.length; i++) b.subst(chain[i]!, chain[i - 1]!);
    return { g: b.build(), chainStart: chain[0]! };
  });

describe('subgraphFromWhole on random graphs', () => {
  it('reaches what the query, read literally, reaches, with every edge among those nodes', () => {
    fc.assert(
      fc.property(randomGraph, fc.option(fc.constantFrom(...POOL), { freq: 2 }), ({ g, chainStart }, anyRoot) => {
        // Half the time the chain's start, else any id (null: the chain's start).
        const rootId = anyRoot ?? chainStart;
        const expected = reference(g, rootId);
        const found = subgraphFromWhole(g, rootId);
        if (!expected) {
          expect(found).toBeNull();
          return;
        }
        expect(found!.rootKind).toBe(kindOf(rootId));
        expect(ids(found!.graph)).toEqual([...expected].sort());
        expect(edgeKeys(found!.graph)).toEqual(
          g.edges
            .filter((e) => expected.has(e.from) && expected.has(e.to))
            .map(key)
            .sort(),
        );
      }),
      { numRuns: 500 },
    );
  });
});
