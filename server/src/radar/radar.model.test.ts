import { describe, expect, it } from 'vitest';
import { buildRadar } from './radar.build.js';
import { compareEditions, movementSince, ringOf, sectorsOf, type RadarTechnology } from './radar.model.js';

const tech = (id: string, over: Partial<RadarTechnology> = {}): RadarTechnology => ({
  id,
  name: id.replace('tech:', ''),
  description: null,
  horizon: null,
  trl: null,
  dualUse: null,
  ketAreaIds: [],
  criticalAreaIds: [],
  capabilities: [],
  caseStudyIds: [],
  ...over,
});

describe('rings', () => {
  it('follow the horizon, fall back to TRL, and say unknown readiness when neither is known', () => {
    expect(ringOf('HORIZON', 'now', 2)).toBe('NOW');
    expect(ringOf('HORIZON', '2035', 9)).toBe('BY_2035');
    expect(ringOf('HORIZON', 'Y2040', null)).toBe('BY_2040_PLUS');
    expect([9, 8, 7, 6, 5, 4, 3, 1].map((trl) => ringOf('HORIZON', null, trl))).toEqual([
      'NOW',
      'NOW',
      'BY_2030',
      'BY_2030',
      'BY_2035',
      'BY_2035',
      'BY_2040_PLUS',
      'BY_2040_PLUS',
    ]);
    expect(ringOf('HORIZON', null, null)).toBe('UNKNOWN_READINESS');
    expect([9, 7, 6, 5, 4, 3, 2, 1].map((trl) => ringOf('TRL_BANDS', 'now', trl))).toEqual([
      'TRL_7_9',
      'TRL_7_9',
      'TRL_5_6',
      'TRL_5_6',
      'TRL_3_4',
      'TRL_3_4',
      'TRL_1_2',
      'TRL_1_2',
    ]);
    expect(ringOf('TRL_BANDS', 'now', null)).toBe('UNKNOWN_READINESS');
  });
});

describe('sectors', () => {
  const kets = [
    { id: 'ket:a', name: 'A' },
    { id: 'ket:b', name: 'B' },
  ];
  it('take the first area in the sector order, and the main capability domain by count', () => {
    expect(sectorsOf('KET_AREA', tech('tech:x', { ketAreaIds: ['ket:b', 'ket:a', 'ket:gone'] }), kets)).toEqual(['ket:a', 'ket:b']);
    const domains = ['border management', 'law enforcement'].map((d) => ({ id: d, name: d }));
    const caps = [
      { id: 'cap:1', domain: 'law enforcement' },
      { id: 'cap:2', domain: 'border management' },
      { id: 'cap:3', domain: 'law enforcement' },
    ];
    expect(sectorsOf('CAPABILITY_DOMAIN', tech('tech:x', { capabilities: caps }), domains)).toEqual(['law enforcement', 'border management']);
  });

  it('put a technology with no area in "none", listed last, and count every technology once', () => {
    const r = buildRadar(
      [tech('tech:a', { trl: 9, ketAreaIds: ['ket:a'] }), tech('tech:b', { trl: 2 }), tech('tech:c', { ketAreaIds: ['ket:b', 'ket:a'] })],
      kets,
      { ringRule: 'HORIZON', sectorRule: 'KET_AREA', sizeMeasure: 'SIGNAL_MOMENTUM', filter: {}, since: null, asOf: '2026-12-01' },
      () => ({ size: 0, emerging: false }),
      new Map(),
    );
    expect(r.sectors).toEqual([
      { id: 'ket:a', name: 'A', count: 2 },
      { id: 'ket:b', name: 'B', count: 0 },
      { id: 'none', name: 'No KET area', count: 1 },
    ]);
    expect(r.blips.map((b) => [b.id, b.ring, b.sectorId, b.otherSectorIds])).toEqual([
      ['tech:a', 'NOW', 'ket:a', []],
      ['tech:b', 'BY_2040_PLUS', 'none', []],
      ['tech:c', 'UNKNOWN_READINESS', 'ket:a', ['ket:b']],
    ]);
    expect(r.rings.map((x) => [x.ring, x.count])).toEqual([
      ['NOW', 1],
      ['BY_2030', 0],
      ['BY_2035', 0],
      ['BY_2040_PLUS', 1],
      ['UNKNOWN_READINESS', 1],
    ]);
    expect(r.unknownReadinessCount).toBe(1);
  });

  it('explain an empty radar', () => {
    const r = buildRadar(
      [tech('tech:a')],
      [],
      { ringRule: 'HORIZON', sectorRule: 'KET_AREA', sizeMeasure: 'CRITICALITY', filter: { ketAreaId: 'ket:z' }, since: null, asOf: '2026-12-01' },
      () => ({ size: 0, emerging: false }),
      new Map(),
    );
    expect(r.blips).toEqual([]);
    expect(r.emptyReason).toMatch(/^No technology matches the filter/);
  });
});

describe('movement since a date', () => {
  it('compares the ring at the date (the first change’s "before") with the ring now; created ones are new', () => {
    const now = [
      tech('tech:a', { horizon: '2030' }),
      tech('tech:b', { horizon: 'now', trl: 9 }),
      tech('tech:c', { trl: 5 }),
      tech('tech:d', { horizon: '2035' }),
    ];
    const moves = movementSince('HORIZON', now, [
      { entityId: 'tech:a', kind: 'UPDATE', fields: [{ field: 'horizon', before: 'now', after: '2035' }] },
      { entityId: 'tech:a', kind: 'UPDATE', fields: [{ field: 'horizon', before: '2035', after: '2030' }] },
      // b: horizon set where TRL 9 already put it → same ring, not moved
      { entityId: 'tech:b', kind: 'UPDATE', fields: [{ field: 'horizon', before: null, after: 'now' }] },
      { entityId: 'tech:c', kind: 'UPDATE', fields: [{ field: 'trl', before: 8, after: 5 }] },
      { entityId: 'tech:d', kind: 'CREATE', fields: [] },
    ]);
    expect(Object.fromEntries(moves)).toEqual({
      'tech:a': { isNew: false, movedFrom: 'NOW' },
      'tech:c': { isNew: false, movedFrom: 'NOW' },
      'tech:d': { isNew: true, movedFrom: null },
    });
  });
});

describe('editions', () => {
  it('compare: moved (ring or sector), added and removed', () => {
    const b = (id: string, ring: 'NOW' | 'BY_2030', sector = 's') => ({ id, name: id, ring, sector });
    expect(compareEditions([b('x', 'NOW'), b('y', 'NOW'), b('z', 'NOW')], [b('x', 'NOW'), b('y', 'BY_2030'), b('w', 'NOW', 't')])).toEqual({
      moved: [{ id: 'y', name: 'y', fromRing: 'NOW', toRing: 'BY_2030', fromSector: 's', toSector: 's' }],
      added: [b('w', 'NOW', 't')],
      removed: [b('z', 'NOW')],
    });
  });
});
