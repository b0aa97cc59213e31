import { describe, expect, it } from 'vitest';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';
import { buildRoadmap, laneReadiness, type LaneFact } from './roadmap.analysis.js';

const fact = (id: string, strength: number, trl: number | null, horizon: string | null, trlYear: number | null = null): LaneFact => ({
  id,
  name: id,
  strength,
  trl,
  trlYear,
  horizon,
});

// A capability with five enablers, one of each readiness case. tech:a needs gallium, 70 % Chinese; tech:b needs a
// component with one German supplier. This year is 2026.
const g = graphOf((b) =>
  b
    .cap('cap:c')
    .tech('tech:a', { trl: 8 })
    .tech('tech:b', { trl: 4 })
    .tech('tech:u')
    .tech('tech:h')
    .tech('tech:d', { trl: 5 })
    .enables('tech:a', 'cap:c', 1)
    .enables('tech:b', 'cap:c', 0.5)
    .enables('tech:u', 'cap:c', 0.5)
    .enables('tech:h', 'cap:c', 0.2)
    .enables('tech:d', 'cap:c', 0.2)
    .country('country:cn', false)
    .country('country:de', true)
    .mat('mat:g')
    .sup('sup:x', 'country:cn')
    .sup('sup:y', 'country:de')
    .supplied('mat:g', 'sup:x', 0.7)
    .supplied('mat:g', 'sup:y', 0.3)
    .dep('tech:a', 'mat:g')
    .comp('comp:k')
    .sup('sup:z', 'country:de')
    .supplied('comp:k', 'sup:z', 1)
    .dep('tech:b', 'comp:k'),
);
const lanes = [
  fact('tech:a', 1, 8, null, 2024),
  fact('tech:b', 0.5, 4, '2035'),
  fact('tech:u', 0.5, null, null),
  fact('tech:h', 0.2, null, '2030'),
  fact('tech:d', 0.2, 5, null),
];

describe('lane readiness from TRL, assessment year and horizon', () => {
  it('gives each case its segments, saying "unknown" where the map says nothing', () => {
    const seg = (f: LaneFact) => laneReadiness(f, 2026);
    expect(seg(lanes[0]!)).toEqual({
      basis: 'TRL',
      deployableFrom: 2026,
      readiness: [{ from: 2026, to: 2041, state: 'DEPLOYABLE', label: 'Deployable: TRL 8 (assessed 2024)' }],
    });
    expect(seg(lanes[1]!).readiness.map((s) => [s.from, s.to, s.state])).toEqual([
      [2026, 2035, 'DEVELOPING'],
      [2035, 2041, 'DEPLOYABLE'],
    ]);
    expect(seg(lanes[1]!).deployableFrom).toBe(2035);
    expect(seg(lanes[2]!)).toEqual({
      basis: 'UNKNOWN',
      deployableFrom: null,
      readiness: [{ from: 2026, to: 2041, state: 'UNKNOWN', label: 'Readiness unknown: no TRL and no horizon on the map' }],
    });
    expect(seg(lanes[3]!).readiness.map((s) => [s.from, s.to, s.state])).toEqual([
      [2026, 2030, 'UNKNOWN'],
      [2030, 2041, 'DEPLOYABLE'],
    ]);
    // TRL 5 and no horizon: developing now, and nobody said when it matures.
    expect(seg(lanes[4]!).readiness.map((s) => [s.from, s.to, s.state])).toEqual([
      [2026, 2027, 'DEVELOPING'],
      [2027, 2041, 'UNKNOWN'],
    ]);
    expect(seg(lanes[4]!).deployableFrom).toBeNull();
    // A horizon of "now" is this year; one past 2040 leaves the whole timeline before it.
    expect(seg(fact('t', 1, null, 'now')).readiness).toEqual([
      { from: 2026, to: 2041, state: 'DEPLOYABLE', label: 'Expected deployable from 2026 (horizon now)' },
    ]);
    expect(seg(fact('t', 1, 3, '2045')).readiness.map((s) => [s.from, s.to, s.state])).toEqual([[2026, 2041, 'DEVELOPING']]);
  });
});

describe('the roadmap of a hand-made capability', () => {
  const events = [
    { index: 0, type: 'DISRUPTION' as const, targetId: 'country:cn', fraction: 1, year: 2028 },
    { index: 1, type: 'MATURATION' as const, targetId: 'tech:u', trl: 7, year: 2031 },
    { index: 2, type: 'MATURATION' as const, targetId: 'tech:b', trl: 8, year: 2040 },
    { index: 3, type: 'THREAT' as const, targetId: 'tech:gone', year: null },
  ];
  const r = buildRoadmap({ capability: { id: 'cap:c', name: 'C' }, lanes, graph: g, events, thisYear: 2026 });

  it('orders lanes by strength, then name, and keeps the standard horizons up to 2040', () => {
    expect(r.lanes.map((l) => l.id)).toEqual(['tech:a', 'tech:b', 'tech:u', 'tech:d', 'tech:h']);
    expect(r.horizons).toEqual([2030, 2035, 2040]);
    expect([r.currentYear, r.endYear]).toEqual([2026, 2040]);
  });

  it('lists per lane its single points of failure and its items more than half supplied from outside the EU', () => {
    const risks = (id: string) => r.lanes.find((l) => l.id === id)!.risks.map((x) => [x.type, x.nodeId, x.nonEuShare]);
    // Gallium is tech:a's only way (no substitute) and 70 % Chinese; either supplier alone can carry it, so neither is listed.
    expect(risks('tech:a')).toEqual([
      ['SINGLE_POINT_OF_FAILURE', 'mat:g', 0.7],
      ['NON_EU_SUPPLY', 'mat:g', 0.7],
    ]);
    // The component, its sole supplier and that supplier's country, by level; all German, so no non-EU risk.
    expect(risks('tech:b')).toEqual([
      ['SINGLE_POINT_OF_FAILURE', 'comp:k', 0],
      ['SINGLE_POINT_OF_FAILURE', 'sup:z', null],
      ['SINGLE_POINT_OF_FAILURE', 'country:de', null],
    ]);
    expect(risks('tech:u')).toEqual([]);
    expect(r.lanes[0]!.risks[1]!.detail).toBe('70 % of the supply of mat:g comes from outside the EU.');
  });

  it('places events by year on the lanes they touch and brings a maturing lane forward only when earlier', () => {
    expect(r.events.map((e) => [e.index, e.year, e.laneIds, e.targetName])).toEqual([
      [3, 2026, [], null],
      [0, 2028, ['tech:a'], 'country:cn'],
      [1, 2031, ['tech:u'], 'tech:u'],
      [2, 2040, ['tech:b'], 'tech:b'],
    ]);
    expect(r.events[1]!.summary).toBe('country:cn disrupted (100 %) from 2028');
    const from = (id: string) => r.lanes.find((l) => l.id === id)!.scenarioDeployableFrom;
    // tech:u had no known readiness: the scenario's TRL 7 by 2031 is the first date there is. tech:b's 2040 is later than its horizon.
    expect([from('tech:u'), from('tech:b'), from('tech:a')]).toEqual([2031, null, null]);
  });
});
