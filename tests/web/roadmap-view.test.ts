import { describe, expect, it } from 'vitest';
import {
  dependenciesAtRisk,
  exportFileName,
  fitText,
  laneNote,
  riskNote,
  roadmapGeometry,
  roadmapHref,
  shareText,
  yearX,
} from '../../web/src/views/Roadmap/roadmap-view';
import type { CapabilityRoadmapData, RoadmapLane } from '../../web/src/views/Roadmap/roadmap.types';

const lane = (id: string, over: Partial<RoadmapLane> = {}): RoadmapLane => ({
  id,
  name: id,
  strength: 1,
  trl: null,
  trlYear: null,
  horizon: null,
  deployableFrom: null,
  basis: 'UNKNOWN',
  readiness: [{ from: 2026, to: 2041, state: 'UNKNOWN', label: 'unknown' }],
  scenarioDeployableFrom: null,
  risks: [],
  ...over,
});

// Width 1048: the timeline runs from x 270 to 1020, 750 units for 15 years = 50 a year.
const data: CapabilityRoadmapData = {
  capability: { id: 'cap:border-surveillance', name: 'Border surveillance' },
  scenario: { id: 'scn:taiwan-cut-off', name: 'Taiwan cut off' },
  currentYear: 2026,
  endYear: 2040,
  horizons: [2030, 2035, 2040],
  lanes: [
    lane('tech:a', {
      trl: 4,
      trlYear: 2024,
      horizon: '2035',
      basis: 'HORIZON',
      deployableFrom: 2035,
      readiness: [
        { from: 2026, to: 2035, state: 'DEVELOPING', label: 'dev' },
        { from: 2035, to: 2041, state: 'DEPLOYABLE', label: 'dep' },
      ],
      risks: [
        { type: 'SINGLE_POINT_OF_FAILURE', nodeId: 'mat:g', nodeName: 'g', nodeKind: 'Material', nonEuShare: 0.7, detail: '' },
        { type: 'NON_EU_SUPPLY', nodeId: 'mat:g', nodeName: 'g', nodeKind: 'Material', nonEuShare: 0.7, detail: '' },
      ],
    }),
    lane('tech:b', { scenarioDeployableFrom: 2031 }),
  ],
  events: [
    { index: 0, type: 'DISRUPTION', year: 2028, targetId: 'country:tw', targetName: 'Taiwan', laneIds: ['tech:a'], summary: 'Taiwan disrupted' },
    { index: 1, type: 'MATURATION', year: 2031, targetId: 'tech:b', targetName: 'b', laneIds: ['tech:b'], summary: 'b matures' },
    { index: 2, type: 'DISRUPTION', year: 2050, targetId: 'mat:g', targetName: 'g', laneIds: ['tech:a'], summary: 'late' },
    { index: 3, type: 'THREAT', year: 2026, targetId: 'tech:z', targetName: 'z', laneIds: [], summary: 'elsewhere' },
  ],
};

describe('roadmap geometry on a hand-made roadmap', () => {
  const g = roadmapGeometry(data, 1048);

  it('maps years to x across the timeline, horizons at the start of their year', () => {
    expect([g.x0, g.x1, g.top]).toEqual([270, 1020, 100]);
    expect(yearX(2030, 2026, 2040, 270, 1020)).toBe(470);
    expect(g.horizons).toEqual([
      { year: 2030, x: 470 },
      { year: 2035, x: 720 },
      { year: 2040, x: 970 },
    ]);
    // 50 units a year is room for every label.
    expect(g.years).toHaveLength(15);
    expect(g.years.every((y) => y.labelled)).toBe(true);
  });

  it('draws readiness stretches end to end and stacks lanes 60 apart', () => {
    expect(g.lanes.map((l) => l.y)).toEqual([100, 160]);
    expect(g.lanes[0]!.segments.map((s) => [s.x, s.width, s.state])).toEqual([
      [270, 450, 'DEVELOPING'],
      [720, 300, 'DEPLOYABLE'],
    ]);
    expect(g.lanes[1]!.segments.map((s) => [s.x, s.width])).toEqual([[270, 750]]);
  });

  it('puts events mid-year on their lanes, side by side when they share a year, at the edge when outside', () => {
    expect(g.lanes[0]!.marks.map((m) => [m.text, m.x, m.y, m.outside])).toEqual([
      ['1', 395, 131, null],
      ['3', 995, 131, 'after'],
    ]);
    // The maturation event and the lane's "deployable under the scenario" mark share 2031: 17 apart around x 545.
    expect(g.lanes[1]!.marks.map((m) => [m.kind, m.x])).toEqual([
      ['event', 536.5],
      ['scenario-deployable', 553.5],
    ]);
    expect(g.elsewhere!.y).toBe(220);
    expect(g.elsewhere!.marks.map((m) => [m.text, m.x])).toEqual([['4', 295]]);
    expect(g.bottom).toBe(280);
  });

  it('has a legend of states, horizon, risk and the scenario event types, below the lanes and inside the drawing', () => {
    expect(g.legend.map((l) => l.label)).toEqual([
      'Deployable (TRL ≥ 7)',
      'Developing (known TRL < 7)',
      'Readiness unknown',
      'Horizon',
      'Dependencies at risk (single points of failure, >50 % non-EU supply)',
      'Scenario event: disruption',
      'Scenario event: maturation',
      'Scenario event: threat',
      'Deployable under the scenario',
    ]);
    expect(Math.min(...g.legend.map((l) => l.y))).toBe(304);
    expect(Math.max(...g.legend.map((l) => l.x))).toBeLessThan(1048);
    expect(g.height).toBeGreaterThan(Math.max(...g.legend.map((l) => l.y)));
  });

  it('writes lane notes that say unknown, never a guess', () => {
    expect(laneNote(data.lanes[0]!)).toBe('TRL 4 (2024) · horizon 2035');
    expect(laneNote(data.lanes[1]!)).toBe('TRL unknown · no horizon');
    expect(riskNote(data.lanes[0]!)).toBe('⚠ 1 single point · 1 >50 % non-EU');
    expect(riskNote(data.lanes[1]!)).toBe('');
    expect(fitText('Synthetic-aperture radar for wide areas', 20)).toBe('Synthetic-aperture…');
  });

  it('links and names exports', () => {
    expect(roadmapHref('cap:border-surveillance', 'scn:taiwan-cut-off')).toBe('?view=roadmap&focus=cap:border-surveillance&select=scn:taiwan-cut-off');
    expect(exportFileName(data, '2026-12-02', 'png')).toBe('roadmap-border-surveillance-taiwan-cut-off-2026-12-02.png');
  });
});

describe('dependencies at risk, once each', () => {
  it('merges a dependency’s risks across lanes, single points first, then by non-EU share', () => {
    const risk = (type: 'SINGLE_POINT_OF_FAILURE' | 'NON_EU_SUPPLY', nodeId: string, nonEuShare: number | null, detail: string = type) => ({
      type,
      nodeId,
      nodeName: nodeId,
      nodeKind: 'Material' as const,
      nonEuShare,
      detail,
    });
    const rows = dependenciesAtRisk([
      lane('A', { risks: [risk('NON_EU_SUPPLY', 'mat:x', 0.6), risk('NON_EU_SUPPLY', 'mat:y', 0.9)] }),
      lane('B', { risks: [risk('SINGLE_POINT_OF_FAILURE', 'mat:x', 0.6, 'B needs x'), risk('SINGLE_POINT_OF_FAILURE', 'sup:s', null)] }),
    ]);
    expect(rows.map((r) => [r.nodeId, r.singlePoint, r.nonEuShare, r.technologies, r.detail])).toEqual([
      ['mat:x', true, 0.6, ['A', 'B'], 'B needs x'],
      ['sup:s', true, null, ['B'], 'SINGLE_POINT_OF_FAILURE'],
      ['mat:y', false, 0.9, ['A'], 'NON_EU_SUPPLY'],
    ]);
    expect([shareText(0.6), shareText(null)]).toEqual(['60 %', 'unknown']);
  });
});
