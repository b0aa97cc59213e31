import { describe, expect, it } from 'vitest';
import { GraphBuilder, graphOf } from '../../../tests/support/supply-graph-builder.js';
import { supplyGraph, type SupplyGraph } from '../supply-graph/supply-graph.js';
import { dependencyTree, treeShape } from './tree.js';

const ids = (paths: { nodeIds: string[] }[]) => paths.map((p) => p.nodeIds.join(' > '));

describe('dependency tree', () => {
  const chain = graphOf((b) =>
    b
      .cap('cap:a')
      .tech('tech:t')
      .comp('comp:c')
      .mat('mat:m')
      .country('country:cn', false)
      .sup('sup:s', 'country:cn')
      .enables('tech:t', 'cap:a', 0.75)
      .dep('tech:t', 'comp:c', 0.5, 0.25)
      .dep('comp:c', 'mat:m')
      .supplied('mat:m', 'sup:s', 0.9),
  );

  it('walks a chain from a capability down to the country, every path with its edges', () => {
    const t = dependencyTree(chain, 'cap:a')!;
    expect(t.nodes.map((n) => [n.node.id, n.level])).toEqual([
      ['cap:a', 0],
      ['tech:t', 1],
      ['comp:c', 2],
      ['mat:m', 3],
      ['sup:s', 4],
      ['country:cn', 5],
    ]);
    expect(ids(t.paths)).toEqual([
      'cap:a > tech:t',
      'cap:a > tech:t > comp:c',
      'cap:a > tech:t > comp:c > mat:m',
      'cap:a > tech:t > comp:c > mat:m > sup:s',
      'cap:a > tech:t > comp:c > mat:m > sup:s > country:cn',
    ]);
    const last = t.paths[4]!;
    expect(last.steps.map((e) => e.type)).toEqual(['ENABLES', 'DEPENDS_ON', 'DEPENDS_ON', 'SUPPLIED_BY', 'LOCATED_IN']);
    expect(last.steps[0]).toMatchObject({ strength: 0.75 });
    expect(last.steps[1]).toMatchObject({ criticality: 0.5, substitutability: 0.25 });
    expect(last.steps[3]).toMatchObject({ share: 0.9 });
    expect(t.edges).toHaveLength(5);
    expect(t.cycles).toEqual([]);
  });

  it('stops at maxDepth', () => {
    const t = dependencyTree(chain, 'cap:a', 2)!;
    expect(t.nodes.map((n) => n.node.id)).toEqual(['cap:a', 'tech:t', 'comp:c']);
    expect(t.paths).toHaveLength(2);
    expect(t.edges.map((e) => e.type)).toEqual(['ENABLES', 'DEPENDS_ON']);
  });

  it('lists both paths of a diamond, and the shared node once', () => {
    const g = graphOf((b) =>
      b
        .tech('tech:t')
        .comp('comp:a')
        .comp('comp:b')
        .mat('mat:m')
        .sup('sup:s')
        .dep('tech:t', 'comp:a')
        .dep('tech:t', 'comp:b')
        .dep('comp:a', 'mat:m')
        .dep('comp:b', 'mat:m')
        .supplied('mat:m', 'sup:s'),
    );
    const t = dependencyTree(g, 'tech:t')!;
    // tech → a, a → m, m → s, tech → b, b → m, m → s: six path prefixes, two of them ending at the material.
    expect(t.paths).toHaveLength(6);
    expect(ids(t.paths.filter((p) => p.nodeIds.at(-1) === 'mat:m'))).toEqual(['tech:t > comp:a > mat:m', 'tech:t > comp:b > mat:m']);
    expect(t.nodes.filter((n) => n.node.id === 'mat:m')).toEqual([{ node: g.nodes.get('mat:m'), level: 2 }]);
  });

  it('reports a cycle once and does not walk it again', () => {
    const g = graphOf((b) => b.tech('tech:a').tech('tech:b').mat('mat:m').dep('tech:a', 'tech:b').dep('tech:b', 'tech:a').dep('tech:b', 'mat:m'));
    const t = dependencyTree(g, 'tech:a')!;
    // Steps go in order of the far end's id: mat:m before tech:a.
    expect(ids(t.paths)).toEqual(['tech:a > tech:b', 'tech:a > tech:b > mat:m', 'tech:a > tech:b > tech:a']);
    expect(ids(t.cycles)).toEqual(['tech:a > tech:b > tech:a']);
    expect(t.cycles[0]!.cycle).toBe(true);
  });

  it('includes substitutes as nodes but does not expand paths through them', () => {
    const g = graphOf((b) => b.tech('tech:t').comp('comp:a').comp('comp:alt').dep('tech:t', 'comp:a').subst('comp:alt', 'comp:a'));
    const t = dependencyTree(g, 'tech:t')!;
    expect(t.nodes.map((n) => n.node.id)).toEqual(['tech:t', 'comp:a', 'comp:alt']);
    expect(t.edges.map((e) => e.type).sort()).toEqual(['DEPENDS_ON', 'SUBSTITUTES']);
    expect(ids(t.paths)).toEqual(['tech:t > comp:a']);
  });

  it('lists edges top down, by the node they are walked from in the nodes order, whatever order the graph was built in', () => {
    const b = new GraphBuilder()
      .cap('cap:a')
      .tech('tech:t')
      .tech('tech:u')
      .comp('comp:c')
      .comp('comp:alt')
      .mat('mat:m')
      .enables('tech:u', 'cap:a')
      .enables('tech:t', 'cap:a')
      .dep('tech:t', 'mat:m')
      .dep('tech:t', 'comp:c')
      .subst('comp:alt', 'comp:c')
      .dep('comp:c', 'mat:m');
    const forwards = supplyGraph({ nodes: b.nodes, edges: b.edges });
    const backwards = supplyGraph({ nodes: [...b.nodes].reverse(), edges: [...b.edges].reverse() });
    const edges = (g: SupplyGraph) => treeShape(g, 'cap:a')!.edges.map((e) => `${e.from} ${e.type} ${e.to}`);
    // ENABLES and SUBSTITUTES are walked from their far end (the capability, the replaced component).
    expect(edges(forwards)).toEqual([
      'tech:t ENABLES cap:a',
      'tech:u ENABLES cap:a',
      'tech:t DEPENDS_ON comp:c',
      'tech:t DEPENDS_ON mat:m',
      'comp:alt SUBSTITUTES comp:c',
      'comp:c DEPENDS_ON mat:m',
    ]);
    expect(edges(backwards)).toEqual(edges(forwards));
  });

  it('caps the number of paths and says so', () => {
    const t = dependencyTree(chain, 'cap:a', null, 3)!;
    expect(t.paths).toHaveLength(3);
    expect(t.truncated).toBe(true);
  });
});
