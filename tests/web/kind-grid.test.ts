// The Explorer's grouped-by-kind arrangement (web/src/lib/graph/kind-grid.ts) and its drawn elements
// (web/src/views/Explorer/explorer-map.ts), on hand-made boxes.
import { describe, expect, it } from 'vitest';
import { kindGrid, type GridNode } from '../../web/src/lib/graph/kind-grid';
import { linkTypesOf, readableElements } from '../../web/src/views/Explorer/explorer-map';
import type { MapElement } from '../../web/src/lib/graph/elements';

const box = (id: string, kind: string, degree = 0, centre = false): GridNode => ({ id, kind, w: 100, h: 20, degree, centre });

function overlaps(positions: Map<string, { x: number; y: number }>, nodes: GridNode[]): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = positions.get(nodes[i]!.id)!;
      const b = positions.get(nodes[j]!.id)!;
      if (Math.abs(a.x - b.x) < 100 && Math.abs(a.y - b.y) < 20) count++;
    }
  return count;
}

describe('grouped by kind', () => {
  it('puts the centre first, then its kind by links, and never two boxes on one another', () => {
    const nodes = [
      box('t1', 'Technology', 1),
      box('t2', 'Technology', 5),
      box('c', 'Technology', 0, true),
      box('cap', 'Capability', 2),
      box('s', 'Supplier', 1),
    ];
    const { positions, blocks } = kindGrid(nodes, { width: 400, height: 200, kindOrder: ['Technology', 'Capability', 'Supplier'] });
    expect(blocks.map((b) => b.kind)).toEqual(['Technology', 'Capability', 'Supplier']);
    // Within the technology block: the centre, then t2 (5 links), then t1 — read left to right, top to bottom.
    const order = ['c', 't2', 't1'].map((id) => positions.get(id)!);
    expect(order[0]!.y < order[1]!.y || (order[0]!.y === order[1]!.y && order[0]!.x < order[1]!.x)).toBe(true);
    expect(order[1]!.y < order[2]!.y || (order[1]!.y === order[2]!.y && order[1]!.x < order[2]!.x)).toBe(true);
    expect(overlaps(positions, nodes)).toBe(0);
  });

  it('shapes a large group to the space: wide space, more columns', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => box(`t${i}`, 'Technology'));
    const wide = kindGrid(nodes, { width: 1200, height: 300 });
    const tall = kindGrid(nodes, { width: 300, height: 1200 });
    const columns = (p: Map<string, { x: number }>) => new Set([...p.values()].map((v) => v.x)).size;
    expect(columns(wide.positions)).toBeGreaterThan(columns(tall.positions));
    expect(overlaps(wide.positions, nodes)).toBe(0);
  });
});

describe('the Explorer map as drawn', () => {
  const elements: MapElement[] = [
    { group: 'nodes', data: { id: 'a', label: 'Alpha', kind: 'Technology' }, classes: 'centre' },
    { group: 'nodes', data: { id: 'b', label: 'A name much longer than one line of the Explorer box allows', kind: 'Technology' } },
    { group: 'nodes', data: { id: 'k', label: 'KET', kind: 'KetArea' } },
    { group: 'edges', data: { id: 'a-b', source: 'a', target: 'b', type: 'DEPENDS_ON', label: 'depends on' } },
    { group: 'edges', data: { id: 'a-k', source: 'a', target: 'k', type: 'IN_KET_AREA', label: 'in KET area' } },
  ];

  it('lists the link types on the map with their counts', () => {
    expect(linkTypesOf(elements)).toEqual([
      { type: 'DEPENDS_ON', label: 'depends on', count: 1 },
      { type: 'IN_KET_AREA', label: 'in KET area', count: 1 },
    ]);
  });

  it('leaves hidden link types out, boxes every entity and cuts long names of minor ones to one line', () => {
    const drawn = readableElements(elements, new Set(['IN_KET_AREA']));
    expect(drawn.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['a-b']);
    const b = drawn.find((e) => e.data.id === 'b')!;
    expect((b as { classes?: string }).classes).toContain('boxed');
    expect(b.data.label.endsWith('…')).toBe(true);
    expect((b.data as { name?: string }).name).toBe('A name much longer than one line of the Explorer box allows');
    expect(drawn.find((e) => e.data.id === 'a')!.data.label).toBe('Alpha');
  });
});
