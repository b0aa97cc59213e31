// The sovereignty dashboard's pure helpers: share text, ranking, critical areas by the KET rule, unknown supply, CSV.
import { describe, expect, it } from 'vitest';
import {
  areasCsv,
  barWidth,
  countriesCsv,
  criticalAreaShares,
  dependencyHref,
  ketAreaShares,
  shareText,
  toCsv,
  unknownSupplyItems,
  type TechnologyRow,
} from '../../web/src/views/Sovereignty/sovereignty-view';

const cta = (id: string, name: string) => ({ id, name, kind: 'CriticalTechnologyArea' as const });
const ket = (id: string, name: string) => ({ id, name, kind: 'KetArea' as const });
const tech = (id: string, nonEuShare: number | null, areas: (ReturnType<typeof cta> | ReturnType<typeof ket>)[], unknown: string[] = []): TechnologyRow => ({
  technology: { id, name: id.replace('tech:', ''), entity: { areas } },
  nonEuShare,
  unknownSupplyItems: unknown.map((u) => ({ id: u, name: u.replace(/^\w+:/, ''), kind: 'Material' as const })),
});

describe('shareText and barWidth', () => {
  it('rounds to whole percent and says unknown rather than 0%', () => {
    expect(shareText(0.98)).toBe('98%');
    expect(shareText(0.885)).toBe('89%');
    expect(shareText(0)).toBe('0%');
    expect(shareText(null)).toBe('unknown');
    expect(barWidth(0.8)).toBe(80);
    expect(barWidth(null)).toBe(0);
    expect(barWidth(1.2)).toBe(100);
  });
});

describe('ketAreaShares', () => {
  it('ranks highest share first, unknown last, ties by name', () => {
    const rows = ketAreaShares([
      { id: 'ket:b', name: 'Photonics', nonEuShare: 0.89, measured: 2, technologies: [{ id: 't1' }, { id: 't2' }] },
      { id: 'ket:c', name: 'Biotech', nonEuShare: null, measured: 0, technologies: [{ id: 't3' }] },
      { id: 'ket:a', name: 'Micro-electronics', nonEuShare: 0.98, measured: 1, technologies: [{ id: 't1' }] },
      { id: 'ket:d', name: 'Advanced materials', nonEuShare: 0.89, measured: 1, technologies: [{ id: 't2' }] },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Micro-electronics', 'Advanced materials', 'Photonics', 'Biotech']);
    expect(rows[2]).toEqual({ id: 'ket:b', name: 'Photonics', nonEuShare: 0.89, measured: 2, technologies: 2 });
  });
});

describe('criticalAreaShares', () => {
  it('takes the mean of the technologies with known supply, like the KET areas, and ignores KET areas', () => {
    // Radar 0.98 and thermal imaging 0.8 in "Advanced sensing": (0.98 + 0.8) / 2 = 0.89; lidar (unknown) left out.
    const rows = criticalAreaShares([
      tech('tech:radar', 0.98, [cta('cta:sensing', 'Advanced sensing'), cta('cta:semis', 'Semiconductors')]),
      tech('tech:thermal', 0.8, [cta('cta:sensing', 'Advanced sensing'), ket('ket:photonics', 'Photonics')]),
      tech('tech:lidar', null, [cta('cta:sensing', 'Advanced sensing'), cta('cta:ai', 'Artificial intelligence')]),
    ]);
    expect(rows).toEqual([
      { id: 'cta:semis', name: 'Semiconductors', nonEuShare: 0.98, measured: 1, technologies: 1 },
      { id: 'cta:sensing', name: 'Advanced sensing', nonEuShare: 0.89, measured: 2, technologies: 3 },
      { id: 'cta:ai', name: 'Artificial intelligence', nonEuShare: null, measured: 0, technologies: 1 },
    ]);
  });
});

describe('unknownSupplyItems', () => {
  it('lists each item once with the technologies needing it, by name', () => {
    const rows = unknownSupplyItems([tech('tech:radar', 0.98, [], ['mat:gallium', 'mat:amplifier']), tech('tech:lidar', null, [], ['mat:gallium'])]);
    expect(rows).toEqual([
      { id: 'mat:amplifier', name: 'amplifier', kind: 'Material', usedBy: ['radar'] },
      { id: 'mat:gallium', name: 'gallium', kind: 'Material', usedBy: ['lidar', 'radar'] },
    ]);
  });
});

describe('dependencyHref', () => {
  it('opens the dependency view on the entity', () => {
    expect(dependencyHref('country:cn')).toBe('?view=dependencies&focus=country:cn');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks; empty for null; CRLF records', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [null, 3],
          ['two\nlines', 0.5],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n,3\r\n"two\nlines",0.5\r\n');
  });
  it('writes countries with the capabilities lost joined', () => {
    const csv = countriesCsv([
      {
        country: { id: 'country:cn', name: 'China', iso2: 'CN', eu: false },
        lostCount: 1,
        suppliers: [
          { id: 'sup:a', name: 'A' },
          { id: 'sup:b', name: 'B' },
        ],
        capabilities: [
          { capability: { id: 'cap:1', name: 'Border surveillance' }, lostIfCut: true, largestShare: 0.7 },
          { capability: { id: 'cap:2', name: 'Forensics' }, lostIfCut: false, largestShare: 0.2 },
        ],
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('country:cn,China,CN,false,1,2,Border surveillance,A; B');
  });
  it('writes areas with the raw share', () => {
    expect(areasCsv([{ id: 'ket:a', name: 'Photonics', nonEuShare: 0.89, measured: 2, technologies: 3 }]).split('\r\n')[1]).toBe('ket:a,Photonics,0.89,2,3');
  });
});
