import { describe, expect, it } from 'vitest';
import { buildSupplyGraph, countryOf, dependenciesOf, substitutesOf, suppliersOf } from './supply-graph.js';

describe('building the supply graph from repository rows', () => {
  const g = buildSupplyGraph({
    nodes: [
      {
        kind: 'Technology',
        props: { id: 'tech:t', name: 'T', trl: 6, createdAt: '2024-01-01' },
        ketAreas: [
          { id: 'ket:b', name: 'B' },
          { id: 'ket:a', name: 'A' },
        ],
      },
      { kind: 'Material', props: { id: 'mat:m', name: 'M', criticalRawMaterial: true } },
      { kind: 'Material', props: { id: 'mat:alt', name: 'Alt' } },
      { kind: 'Supplier', props: { id: 'sup:s', name: 'S' } },
      { kind: 'Country', props: { id: 'country:cn', name: 'China', eu: false, iso2: 'CN' } },
      { kind: 'KetArea', props: { id: 'ket:a', name: 'A' } },
    ],
    edges: [
      { type: 'DEPENDS_ON', from: 'tech:t', to: 'mat:m', props: { criticality: 0.5, sourceIds: ['src:x'] } },
      { type: 'SUBSTITUTES', from: 'mat:alt', to: 'mat:m', props: {} },
      { type: 'SUPPLIED_BY', from: 'mat:m', to: 'sup:s', props: { share: 0.9, year: 2023 } },
      { type: 'LOCATED_IN', from: 'sup:s', to: 'country:cn', props: {} },
      { type: 'SUPPLIED_BY', from: 'mat:m', to: 'sup:missing', props: { share: 0.1 } },
      { type: 'IN_KET_AREA', from: 'tech:t', to: 'ket:a', props: {} },
    ],
  });

  it('keeps the supply kinds with their attributes, and drops other kinds and dangling or foreign edges', () => {
    expect([...g.nodes.keys()].sort()).toEqual(['country:cn', 'mat:alt', 'mat:m', 'sup:s', 'tech:t']);
    expect(g.nodes.get('tech:t')).toEqual({
      id: 'tech:t',
      kind: 'Technology',
      name: 'T',
      trl: 6,
      ketAreas: [
        { id: 'ket:a', name: 'A' },
        { id: 'ket:b', name: 'B' },
      ],
    });
    expect(g.nodes.get('country:cn')).toMatchObject({ eu: false, iso2: 'CN' });
    expect(g.edges).toHaveLength(4);
  });

  it('fills defaults (substitutability 0) and walks through the accessors', () => {
    expect(dependenciesOf(g, 'tech:t')).toEqual([
      { type: 'DEPENDS_ON', from: 'tech:t', to: 'mat:m', criticality: 0.5, substitutability: 0, rationale: null, sourceIds: ['src:x'] },
    ]);
    expect(substitutesOf(g, 'mat:m').map((e) => e.from)).toEqual(['mat:alt']);
    expect(suppliersOf(g, 'mat:m')).toMatchObject([{ to: 'sup:s', share: 0.9, year: 2023 }]);
    expect(countryOf(g, 'sup:s')?.id).toBe('country:cn');
  });
});
