import { describe, expect, it } from 'vitest';
import { barChart, barGeometry, BOX, clip, dependencyDiagram, diagramLayout, escapeXml, twoLines } from './figures.js';

describe('bar geometry', () => {
  it('places bars from the zero line over the domain', () => {
    // Axis 0..1 over 200 px from x=100: 0.25 is 50 px wide from 100.
    expect(barGeometry(0.25, [0, 1], 100, 200)).toEqual({ x: 100, width: 50 });
    // Axis -0.5..0.5: zero at 200; -0.25 runs 50 px to the left of it, +0.5 100 px to the right.
    expect(barGeometry(-0.25, [-0.5, 0.5], 100, 200)).toEqual({ x: 150, width: 50 });
    expect(barGeometry(0.5, [-0.5, 0.5], 100, 200)).toEqual({ x: 200, width: 100 });
    // Values outside the domain are clamped to its edge.
    expect(barGeometry(2, [0, 1], 100, 200)).toEqual({ x: 100, width: 200 });
  });
});

describe('bar chart', () => {
  it('draws one bar per value, prints unknown for null, escapes labels and shows a legend for several series', () => {
    const svg = barChart({
      title: 'Origin <of> supply',
      series: ['Outside the EU', 'EU'],
      rows: [
        { label: 'Radar & sensors', values: [0.8, 0.2] },
        { label: 'Drones', values: [null, 0.5] },
      ],
      format: (v) => `${Math.round(v * 100)}%`,
      domain: [0, 1],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Origin &lt;of&gt; supply');
    expect(svg).toContain('Radar &amp; sensors');
    expect(svg).not.toContain('Radar & sensors');
    // 3 bars drawn plus 2 legend swatches; one value is unknown.
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg.match(/>unknown</g)).toHaveLength(1);
    expect(svg).toContain('>80%<');
    expect(svg).toContain('>Outside the EU<');
  });

  it('draws a loss to the left of the zero line', () => {
    const svg = barChart({
      title: 't',
      series: ['Change'],
      rows: [
        { label: 'A', values: [-0.5] },
        { label: 'B', values: [0.5] },
      ],
      format: String,
      width: 472,
    });
    // width 472 with losses: labels to 200, 8 px gap, 64 px for a loss's value, so the plot runs from 272 over
    // 472 − 272 − 64 = 136 px; domain −0.5..0.5 puts zero at 340. No legend for one series.
    expect(svg).toContain('<rect x="272" y="13" width="68"');
    expect(svg).toContain('<rect x="340" y="39" width="68"');
    expect(svg).toContain('<line x1="340"');
    // The loss's value is printed left of its bar, clear of the row label (which ends at x = 200).
    expect(svg).toContain('<text x="268" y="25" text-anchor="end"');
  });
});

describe('two-line labels', () => {
  it('break between words and cut what does not fit on the second line', () => {
    expect(twoLines('Gallium', 10)).toEqual(['Gallium']);
    expect(twoLines('Uncrewed aircraft systems (drones)', 12)).toEqual(['Uncrewed', 'aircraft sy…']);
    expect(twoLines('Supercalifragilistic', 8)).toEqual(['Superca…']);
  });
});

describe('clip', () => {
  it('keeps short labels and cuts long ones with an ellipsis', () => {
    expect(clip('Gallium', 10)).toBe('Gallium');
    expect(clip('Gallium nitride transistors', 10)).toBe('Gallium n…');
    expect(clip('Gallium nitride transistors', 10)).toHaveLength(10);
  });
});

describe('dependency diagram', () => {
  const input = {
    title: 'Paths of Border surveillance',
    columns: ['Capability', 'Technology', 'Material'],
    nodes: [
      { id: 'cap', label: 'Border surveillance', column: 0, emphasis: 'root' as const },
      { id: 't1', label: 'Radar', column: 1 },
      { id: 't2', label: 'Drones', column: 1 },
      { id: 'm', label: 'Gallium', column: 2, emphasis: 'risk' as const },
    ],
    edges: [
      { from: 'cap', to: 't1' },
      { from: 'cap', to: 't2' },
      { from: 't1', to: 'm' },
      { from: 't1', to: 't2' },
    ],
    width: 600,
  };

  it('lays boxes out in their columns, stacked without overlap', () => {
    const { boxes, height } = diagramLayout(input);
    // Pitch 200: boxes 178 wide from x = column·200 + 11; rows every 38 px (30 + 8) below a 28 px header.
    expect(boxes.get('cap')).toEqual({ id: 'cap', x: 11, y: 28, width: 178, height: 30 });
    expect(boxes.get('t1')).toEqual({ id: 't1', x: 211, y: 28, width: 178, height: 30 });
    expect(boxes.get('t2')).toEqual({ id: 't2', x: 211, y: 28 + BOX.height + BOX.gap, width: 178, height: 30 });
    expect(boxes.get('m')!.x).toBe(411);
    expect(height).toBe(28 + 2 * 38 + 4);
  });

  it('draws every node and edge, marks risks and the root, and escapes labels', () => {
    const svg = dependencyDiagram({ ...input, nodes: [...input.nodes, { id: 'x', label: 'A <b> & c', column: 2 }] });
    expect(svg.match(/<rect /g)).toHaveLength(5);
    // 3 edges between columns (curves) and one within a column (a loop on the left).
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(4);
    expect(svg).toContain('fill="#fbe3e2" stroke="#c0504d"');
    expect(svg).toContain('fill="#dce6f2" stroke="#1f4e79"');
    expect(svg).toContain(escapeXml('A <b> & c'));
    expect(svg).not.toContain('<b>');
  });
});
