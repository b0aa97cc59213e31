import { describe, expect, it } from 'vitest';
import { escapeXml, numberBlips, renderRadarSvg, wrap, type RadarDrawing } from '../../web/src/lib/radar/radar-svg';
import { byorCsv, byorJson, filterFromUrl, filterToUrl, toDrawing } from '../../web/src/views/Radar/radar-view';
import type { RadarData } from '../../web/src/views/Radar/radar.types';

const drawing: RadarDrawing = {
  title: 'Radar <test> & co',
  date: '2026-12-02',
  rings: [{ label: 'Now' }, { label: '2030' }, { label: 'Unknown readiness', unknown: true }],
  sectors: [{ name: 'Photonics' }, { name: 'Artificial intelligence' }],
  blips: [
    { id: 'tech:b', name: 'Beta', ring: 1, sector: 0, weight: 1, dualUse: true, isNew: false, moved: 'in' },
    { id: 'tech:a', name: 'Alpha', ring: 0, sector: 1, weight: 0, dualUse: false, isNew: true, moved: null },
    { id: 'tech:c', name: 'Gamma "quoted"', ring: 2, sector: 0, weight: 0.5, dualUse: false, isNew: false, moved: null },
  ],
  notes: ['Rings by horizon.'],
};

describe('radar SVG', () => {
  it('numbers blips by sector, then ring, then name', () => {
    expect(numberBlips(drawing.blips).map((b) => [b.number, b.id])).toEqual([
      [1, 'tech:b'],
      [2, 'tech:c'],
      [3, 'tech:a'],
    ]);
  });

  it('renders title, date, ring and sector labels, every blip and, for exports, the legend — names escaped', () => {
    const { svg, layout } = renderRadarSvg(drawing, { legend: true });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Radar &lt;test&gt; &amp; co');
    expect(svg).toContain('As of 2026-12-02 · 3 technologies');
    for (const label of [
      'Now',
      '2030',
      'Unknown',
      'readiness',
      'Photonics',
      'Artificial',
      'Legend',
      '1. Beta ◆ (moved in)',
      '3. Alpha (new)',
      '2. Gamma &quot;quoted&quot;',
    ])
      expect(svg).toContain(label);
    expect(layout.blips).toHaveLength(3);
    expect(svg).not.toContain('tabindex');
    expect(renderRadarSvg(drawing, { interactive: true }).svg.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it('escapes and wraps labels', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(wrap('Unknown readiness', 9)).toEqual(['Unknown', 'readiness']);
    expect(wrap('Advanced materials and nanotechnology', 24)).toEqual(['Advanced materials and', 'nanotechnology']);
  });
});

const data: RadarData = {
  asOf: '2026-12-02',
  ringRule: 'HORIZON',
  ringRuleText: 'r',
  sectorRule: 'KET_AREA',
  sizeMeasure: 'SIGNAL_MOMENTUM',
  sizeText: 's',
  since: '2026-01-01',
  rings: [
    { ring: 'NOW', label: 'Now', count: 1 },
    { ring: 'BY_2030', label: '2030', count: 1 },
    { ring: 'BY_2035', label: '2035', count: 0 },
    { ring: 'BY_2040_PLUS', label: '2040+', count: 0 },
  ],
  sectors: [{ id: 'ket:photonics', name: 'Photonics', count: 2 }],
  blips: [
    {
      id: 'tech:a',
      name: 'Lidar, "solid state"',
      description: 'Scans, fast',
      ring: 'NOW',
      sectorId: 'ket:photonics',
      otherSectorIds: [],
      size: 4,
      emerging: true,
      dualUse: false,
      trl: 8,
      isNew: true,
      movedFrom: null,
    },
    {
      id: 'tech:b',
      name: 'Hyperspectral',
      description: null,
      ring: 'BY_2030',
      sectorId: 'ket:photonics',
      otherSectorIds: [],
      size: 2,
      emerging: false,
      dualUse: true,
      trl: null,
      isNew: false,
      movedFrom: 'NOW',
    },
  ],
  unknownReadinessCount: 0,
  emptyReason: null,
};

describe('radar view helpers', () => {
  it('draws moved-out for a blip that left the centre, and weights by the largest size', () => {
    const d = toDrawing(data);
    expect(d.blips.map((b) => [b.id, b.ring, b.weight, b.moved])).toEqual([
      ['tech:a', 0, 1, null],
      ['tech:b', 1, 0.5, 'out'],
    ]);
    expect(d.notes).toContain('Movement since 2026-01-01, from the change history.');
  });

  it('exports BYOR CSV (RFC 4180) and JSON: name, ring, quadrant, isNew, description', () => {
    expect(byorCsv(data)).toBe(
      'name,ring,quadrant,isNew,description\r\n"Lidar, ""solid state""",Now,Photonics,TRUE,"Scans, fast"\r\nHyperspectral,2030,Photonics,FALSE,\r\n',
    );
    expect(JSON.parse(byorJson(data))[1]).toEqual({ name: 'Hyperspectral', ring: '2030', quadrant: 'Photonics', isNew: 'FALSE', description: '' });
  });

  it('round-trips filters through the URL', () => {
    const f = { domain: 'law enforcement', capabilityId: 'cap:x', ketAreaId: 'ket:y' };
    expect(filterToUrl(f)).toEqual(['cap:x', 'domain:law-enforcement', 'ket:y']);
    expect(filterFromUrl(filterToUrl(f))).toEqual(f);
    expect(filterFromUrl(undefined)).toBe(null);
  });
});
