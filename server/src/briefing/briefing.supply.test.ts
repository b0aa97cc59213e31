import { describe, expect, it } from 'vitest';
import { supplyGraph } from '../supply-graph/supply-graph.js';
import { singlePointsOfFailure } from '../dependency/spof.js';
import { countriesBlock, diagramBlock, supplyLines, topPaths } from './briefing.supply.js';
import type { TableBlock } from './briefing.model.js';

// cap:x ← tech:a, which needs comp:c (no supplier mapped) and mat:m; mat:m comes 60% from sup:s1 in China (declared)
// and from sup:s2 in Germany (share not given: the 40% left).
const g = supplyGraph({
  nodes: [
    { id: 'cap:x', kind: 'Capability', name: 'Border surveillance' },
    { id: 'tech:a', kind: 'Technology', name: 'Radar', trl: 7 },
    { id: 'comp:c', kind: 'Component', name: 'Chip' },
    { id: 'mat:m', kind: 'Material', name: 'Gallium' },
    { id: 'sup:s1', kind: 'Supplier', name: 'Chinese smelters' },
    { id: 'sup:s2', kind: 'Supplier', name: 'German refiner' },
    { id: 'country:cn', kind: 'Country', name: 'China', eu: false },
    { id: 'country:de', kind: 'Country', name: 'Germany', eu: true },
  ],
  edges: [
    { type: 'ENABLES', from: 'tech:a', to: 'cap:x', strength: 1, sourceIds: ['src:e'] },
    { type: 'DEPENDS_ON', from: 'tech:a', to: 'comp:c', criticality: 1, substitutability: 0, sourceIds: ['src:d'] },
    { type: 'DEPENDS_ON', from: 'tech:a', to: 'mat:m', criticality: 1, substitutability: 0, sourceIds: ['src:d'] },
    { type: 'SUPPLIED_BY', from: 'mat:m', to: 'sup:s1', share: 0.6, sourceIds: ['src:s1'] },
    { type: 'SUPPLIED_BY', from: 'mat:m', to: 'sup:s2', share: null, sourceIds: ['src:s2'] },
    { type: 'LOCATED_IN', from: 'sup:s1', to: 'country:cn', sourceIds: ['src:l1'] },
    { type: 'LOCATED_IN', from: 'sup:s2', to: 'country:de', sourceIds: [] },
  ],
});

describe('supply lines', () => {
  it('list each item once per supplier, with its share, country and the sources of both links', () => {
    const lines = supplyLines(g, 'cap:x').map((l) => [l.item.id, l.supplier?.id ?? null, l.country?.id ?? null, l.share, l.estimated, l.sources]);
    expect(lines).toEqual([
      ['comp:c', null, null, null, false, []],
      ['mat:m', 'sup:s1', 'country:cn', 0.6, false, ['src:s1', 'src:l1']],
      ['mat:m', 'sup:s2', 'country:de', 0.4, true, ['src:s2']],
    ]);
  });
});

describe('supplier countries', () => {
  it('rank countries by the largest share they hold; neither cut alone breaks the chain (two suppliers)', () => {
    const points = singlePointsOfFailure(g, 'cap:x')!.points;
    // Chip and Gallium are needed with no substitute; neither supplier nor country is a single point.
    expect(points.map((p) => p.node.id).sort()).toEqual(['comp:c', 'mat:m']);
    const table = countriesBlock(supplyLines(g, 'cap:x'), points, true) as TableBlock;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['China', 'no', '1', '60%', 'no'],
      ['Germany', 'yes', '1', '40%', 'no'],
    ]);
    expect(table.rows[0]![3]!.sources).toEqual(['src:s1', 'src:l1']);
  });
});

describe('top paths', () => {
  it('choose complete paths through the most single points of failure, longest first', () => {
    expect(topPaths(g, 'cap:x', new Set(['comp:c', 'mat:m']))).toEqual([
      ['cap:x', 'tech:a', 'mat:m', 'sup:s1', 'country:cn'],
      ['cap:x', 'tech:a', 'mat:m', 'sup:s2', 'country:de'],
      ['cap:x', 'tech:a', 'comp:c'],
    ]);
  });

  it('draw only the kinds on those paths, the risks in red', () => {
    const figure = diagramBlock(g, 'cap:x', new Set(['comp:c', 'mat:m']));
    expect(figure?.type).toBe('figure');
    const svg = figure!.type === 'figure' ? figure!.svg : '';
    for (const heading of ['Capability', 'Technology', 'Component', 'Material', 'Supplier', 'Country']) expect(svg).toContain(`>${heading}</text>`);
    // Two risks drawn red; 7 links between the 8 nodes (tech:a → mat:m once).
    expect(svg.match(/stroke="#c0504d"/g)).toHaveLength(2);
    expect(svg.match(/marker-end=/g)).toHaveLength(7);
  });
});
