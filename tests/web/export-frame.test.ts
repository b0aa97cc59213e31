// The frame of map exports (web/src/lib/graph/export-frame.ts): title, date, legend rows and source line.
import { describe, expect, it } from 'vitest';
import { frameSvg, frameText, legendRows } from '../../web/src/lib/graph/export-frame';

const frame = {
  title: 'Dependencies of Border surveillance',
  date: '2026-12-02',
  legend: [
    { colour: '#b30000', label: 'Critical' },
    { colour: '#fdcc8a', label: 'Low <0.4' },
  ],
};

describe('export frame', () => {
  it('names the map, the day and the sources', () => {
    expect(frameText(frame)).toEqual({
      title: 'Dependencies of Border surveillance',
      subtitle: 'Exported 2026-12-02',
      source: 'Foresight Atlas · sources: see the briefing and each entity’s sources in the Atlas · data as of 2026-12-02',
    });
    expect(frameText({ ...frame, title: '' }).title).toBe('Foresight Atlas map');
  });

  it('wraps legend entries onto rows that fit the width', () => {
    // Each entry: 18 (swatch) + 7 per character + 16 (gap): "Critical" 90, "Low <0.4" 90.
    expect(legendRows(frame.legend, 200).map((p) => [p.x, p.row])).toEqual([
      [0, 0],
      [90, 0],
    ]);
    expect(legendRows(frame.legend, 150).map((p) => [p.x, p.row])).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('writes an SVG with the title, the legend (escaped) and the source as text around the map', () => {
    const svg = frameSvg('data:image/png;base64,AAAA', 1000, 600, frame);
    expect(svg).toContain('>Dependencies of Border surveillance</text>');
    expect(svg).toContain('>Low &lt;0.4</text>');
    expect(svg).toContain('data as of 2026-12-02');
    expect(svg).toContain('xlink:href="data:image/png;base64,AAAA"');
  });
});
