// What makes repeated runs cheap must not change a figure: baselines shared per graph object, paths worked out when
// read and only for the capabilities that change most, the graph built from the repository's flat rows, and the
// evaluation order over indexes (an event's substitute can close a cycle). Expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { baselineAt } from './baseline.js';
import { compile } from './compiled-graph.js';
import { evaluationOrder, orderFor } from './evaluation-order.js';
import { PATH_LIMITS } from './impact-paths.js';
import { evaluate } from './propagation.js';
import { runScenario } from './run.js';
import { supplyGraphFromRows, type SupplyGraphRow } from '../supply-graph/supply-graph.repository.js';
import { scenarioGraph } from './scenario-graph.js';

const THIS_YEAR = 2026;

describe('baselines', () => {
  it('are evaluated once per graph object and year, and equal a fresh evaluation', () => {
    const b = new GraphBuilder().country('country:cn', false).sup('sup:s', 'country:cn').mat('mat:m').tech('tech:t').cap('cap:a');
    b.supplied('mat:m', 'sup:s', 1).dep('tech:t', 'mat:m', 1, 0).enables('tech:t', 'cap:a', 1);
    const g = scenarioGraph({ nodes: b.nodes, edges: b.edges });
    const first = baselineAt(g, 2030, THIS_YEAR);
    expect(baselineAt(g, 2030, THIS_YEAR)).toBe(first);
    expect(baselineAt(g, 2035, THIS_YEAR)).not.toBe(first);
    // Another graph object (e.g. after a write) gets its own.
    expect(baselineAt(scenarioGraph({ nodes: b.nodes, edges: b.edges }), 2030, THIS_YEAR)).not.toBe(first);
    // A run does not disturb the shared baseline: a 60 % cut of China leaves 0.4 everywhere below and at cap:a.
    const run = runScenario(g, { horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'country:cn', fraction: 0.6 }] }, { currentYear: THIS_YEAR });
    expect(run.impacts.map((i) => [i.capabilityId, i.before, i.after])).toEqual([['cap:a', 1, 0.4]]);
    expect([...first.a]).toEqual([1, 1, 1, 1, 1]);
    expect(evaluate(g, [], 2030, THIS_YEAR).score.get('cap:a')).toBe(1);
  });
});

describe('impact paths', () => {
  /** One technology enabling `n` capabilities (cap:000 …), resting on one supplier: cutting it moves every capability by −1. */
  function fan(n: number) {
    const b = new GraphBuilder().country('country:cn', false).sup('sup:s', 'country:cn').mat('mat:m').tech('tech:t');
    b.supplied('mat:m', 'sup:s', 1).dep('tech:t', 'mat:m', 1, 0);
    for (let i = 0; i < n; i++) b.cap(`cap:${String(i).padStart(3, '0')}`).enables('tech:t', `cap:${String(i).padStart(3, '0')}`, 1);
    return scenarioGraph({ nodes: b.nodes, edges: b.edges });
  }
  const cut = { horizon: 2030, events: [{ type: 'DISRUPTION' as const, targetId: 'sup:s', fraction: 1 }] };

  it('are listed for the capabilities that change most, the rest with figures only and a warning', () => {
    const n = PATH_LIMITS.capabilities + 1;
    const run = runScenario(fan(n), cut, { currentYear: THIS_YEAR });
    expect(run.impacts).toHaveLength(n);
    // All move by −1: ranked by id, so the last id is the one past the limit.
    expect(run.impacts.every((i) => i.delta === -1)).toBe(true);
    const last = run.impacts[n - 1]!;
    expect(last.capabilityId).toBe(`cap:${String(n - 1).padStart(3, '0')}`);
    expect(last.paths).toEqual([]);
    expect(run.impacts[0]!.paths.map((p) => p.steps.map((s) => s.id))).toEqual([['sup:s', 'mat:m', 'tech:t', 'cap:000']]);
    expect(run.warnings).toEqual([
      `Paths are shown for the ${PATH_LIMITS.capabilities} capabilities that change most; the other 1 are listed with their figures only.`,
    ]);
  });

  it('are the same whether read at once or later, and serialise as plain data', () => {
    const run = runScenario(fan(3), cut, { currentYear: THIS_YEAR });
    const json = JSON.parse(JSON.stringify(run));
    expect(json.impacts[2].paths[0].summary).toBe('sup:s [100%→0%] › mat:m [100%→0%] › tech:t [100%→0%] › cap:002 [100%→0%]');
    expect(run.impacts[2]!.paths).toEqual(json.impacts[2].paths);
    expect(run.warnings).toEqual([]);
  });
});

describe('the graph from repository rows', () => {
  it('keeps what propagation reads: kinds, TRL, horizons, supply edges with their attributes, COUNTERS apart', () => {
    // Rows as the one supply-graph query returns them (supply-graph.repository.ts): nodes, then edges, COUNTERS included.
    const node = (id: string, kind: string, extra: { trl?: number; horizon?: string } = {}): SupplyGraphRow => ({
      kind,
      props: { id, name: id.toUpperCase(), trl: extra.trl ?? null, horizon: extra.horizon ?? null },
      ketAreas: null,
      type: null,
      from: null,
      to: null,
    });
    const edge = (
      type: string,
      from: string,
      to: string,
      a: { strength?: number; criticality?: number; substitutability?: number; share?: number } = {},
    ): SupplyGraphRow => ({
      kind: null,
      props: { strength: a.strength ?? null, criticality: a.criticality ?? null, substitutability: a.substitutability ?? null, share: a.share ?? null },
      ketAreas: null,
      type,
      from,
      to,
    });
    const g = supplyGraphFromRows([
      ...[
        node('cap:a', 'Capability'),
        node('tech:t', 'Technology', { trl: 5, horizon: '2030' }),
        node('tech:z', 'Technology'),
        node('mat:m', 'Material'),
        node('sup:s', 'Supplier'),
        node('country:x', 'Country'),
      ],
      ...[
        edge('ENABLES', 'tech:t', 'cap:a', { strength: 0.5 }),
        edge('DEPENDS_ON', 'tech:t', 'mat:m', { criticality: 0.8, substitutability: 0.25 }),
        edge('SUPPLIED_BY', 'mat:m', 'sup:s', { share: 0.6 }),
        edge('LOCATED_IN', 'sup:s', 'country:x'),
        edge('COUNTERS', 'cap:a', 'tech:z'),
        // To a node of another kind (not fetched): dropped.
        edge('DEPENDS_ON', 'tech:t', 'src:elsewhere', { criticality: 1 }),
      ],
    ]);
    expect(g.supply.nodes.get('tech:t')).toMatchObject({ kind: 'Technology', name: 'TECH:T', trl: 5 });
    expect([...g.horizons]).toEqual([['tech:t', '2030']]);
    expect([...g.counteredBy]).toEqual([['tech:z', ['cap:a']]]);
    expect(g.supply.edges.map((e) => e.type).sort()).toEqual(['DEPENDS_ON', 'ENABLES', 'LOCATED_IN', 'SUPPLIED_BY']);
    // TRL 5 with horizon 2030: deployable from 2030. Cutting the 0.6 supplier leaves 0 of named supply (0.4 unattributed
    // is not counted): tech:t 1 − 0.8·0.75·1 = 0.4, cap:a 0.4 (its only enabler).
    const run = runScenario(g, { horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'sup:s', fraction: 1 }] }, { currentYear: THIS_YEAR });
    expect(run.impacts.map((i) => [i.capabilityId, i.after])).toEqual([['cap:a', 0.4]]);
  });
});

describe('evaluation order', () => {
  it('marks a node that reads itself as a cycle, and a lone node as not', () => {
    expect(evaluationOrder(['a', 'b'], (id) => (id === 'a' ? ['a', 'b'] : []))).toEqual([['b'], ['a']]);
    const b = new GraphBuilder().comp('comp:a').comp('comp:b').dep('comp:a', 'comp:a', 1, 0).dep('comp:a', 'comp:b', 1, 0);
    const c = compile(scenarioGraph({ nodes: b.nodes, edges: b.edges }));
    const order = orderFor(c, new Map());
    expect([...order.nodes].map((i) => c.ids[i])).toEqual(['comp:b', 'comp:a']);
    expect([...order.cyclic]).toEqual([0, 1]);
  });

  it('lets an event substitute close a cycle', () => {
    // x requires y. An event makes x a substitute of y: whatever requires y now reads x too — so x reads itself, a
    // cycle of one that must be iterated, still evaluated after y.
    const b = new GraphBuilder().comp('comp:x').comp('comp:y').dep('comp:x', 'comp:y', 1, 0);
    const c = compile(scenarioGraph({ nodes: b.nodes, edges: b.edges }));
    const [x, y] = [c.index.get('comp:x')!, c.index.get('comp:y')!];
    expect([...orderFor(c, new Map()).cyclic]).toEqual([0, 0]);
    const withEvent = orderFor(c, new Map([[y, [{ from: x }]]]));
    expect([...withEvent.nodes]).toEqual([y, x]);
    expect([...withEvent.cyclic]).toEqual([0, 1]);
  });
});
