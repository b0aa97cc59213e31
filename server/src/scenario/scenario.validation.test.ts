import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../db/labels.js';
import { compareResults } from './compare.js';
import type { ScenarioResult } from './run.js';
import { eventReferenceProblems, normaliseList, scenarioProblems } from './scenario.validation.js';

const YEAR = 2026;

describe('scenario inputs', () => {
  it('accepts a complete scenario', () => {
    expect(
      scenarioProblems(
        {
          name: 'Gallium embargo',
          horizon: 2030,
          drivers: ['political', 'supply chains'],
          assumptions: ['No stockpiles'],
          events: [
            { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1, year: 2027 },
            { type: 'MATURATION', targetId: 'tech:x', trl: 7, year: 2029 },
            { type: 'SUBSTITUTE', targetId: 'comp:a', replacesId: 'comp:b' },
            { type: 'THREAT', targetId: 'tech:y' },
          ],
        },
        YEAR,
      ),
    ).toEqual([]);
  });

  it('names every wrong field by its path', () => {
    const problems = scenarioProblems(
      {
        name: 'X',
        horizon: 2020,
        drivers: ['political', ' '],
        events: [
          { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 },
          { type: 'DISRUPTION', targetId: 'country:cn' },
          { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1.5, trl: 4 },
          { type: 'MATURATION', targetId: 'tech:x', trl: 12, fraction: 0.5 },
          { type: 'SUBSTITUTE', targetId: 'comp:a', replacesId: 'comp:a' },
        ],
      },
      YEAR,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'input.name',
      'input.horizon',
      'input.drivers[1]',
      'input.events[1].fraction',
      'input.events[2].fraction',
      'input.events[2].trl',
      'input.events[3].fraction',
      'input.events[3].trl',
      'input.events[3].year',
      'input.events[4].replacesId',
    ]);
    expect(problems.find((p) => p.field === 'input.horizon')!.message).toBe('must not be in the past: a year from 2026 to 2100, got 2020.');
    expect(problems.find((p) => p.field === 'input.events[2].fraction')!.message).toBe('must be a number from 0 to 1, got 1.5.');
  });

  it('lets an update leave name and horizon out', () => {
    expect(scenarioProblems({ description: 'new text' }, YEAR, { partial: true })).toEqual([]);
  });
});

describe('event references', () => {
  const kinds: Record<string, EntityKind> = { 'country:cn': 'Country', 'cap:a': 'Capability', 'tech:x': 'Technology', 'comp:a': 'Component' };
  const kindOf = (id: string) => kinds[id];

  it('reports unknown ids and the wrong kind of target', () => {
    const problems = eventReferenceProblems(
      [
        { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 },
        { type: 'DISRUPTION', targetId: 'cap:a', fraction: 1 },
        { type: 'THREAT', targetId: 'sup:nope' },
        { type: 'SUBSTITUTE', targetId: 'tech:x', replacesId: 'comp:a' },
      ],
      kindOf,
    );
    expect(problems).toEqual([
      {
        field: 'input.events[1].targetId',
        message: '"cap:a" is a Capability; a DISRUPTION event needs a Supplier, Country, Material, Component or Technology.',
      },
      { field: 'input.events[2].targetId', message: 'no Technology has id "sup:nope".' },
      {
        field: 'input.events[3].replacesId',
        message: 'a technology substitutes a technology, and a component or material a component or material ("tech:x" is a Technology, "comp:a" a Component).',
      },
    ]);
  });
});

describe('lists of drivers and assumptions', () => {
  it('trims, drops empty and repeated entries, and writes STEEP drivers in lower case', () => {
    expect(normaliseList(['Political ', 'political', '  supply   chains', '', 'Supply chains'], ['political'])).toEqual(['political', 'supply chains']);
  });
});

describe('comparing results', () => {
  const result = (scores: [string, number, number][]): ScenarioResult =>
    ({
      scores: scores.map(([id, before, after]) => ({
        capabilityId: id,
        name: id.toUpperCase(),
        before,
        after,
        delta: Math.round((after - before) * 1e9) / 1e9,
      })),
    }) as ScenarioResult;

  it('keeps capabilities whose change differs, largest spread first', () => {
    const rows = compareResults([
      {
        scenarioId: 'scn:a',
        result: result([
          ['cap:1', 1, 0.5],
          ['cap:2', 1, 0.9],
          ['cap:3', 0.5, 0.5],
          ['cap:4', 1, 0.8],
        ]),
      },
      {
        scenarioId: 'scn:b',
        result: result([
          ['cap:1', 1, 1],
          ['cap:2', 1, 0.8],
          ['cap:3', 0.5, 0.5],
          ['cap:4', 1, 0.8],
        ]),
      },
    ]);
    // cap:1: −0.5 vs 0 → spread 0.5; cap:2: −0.1 vs −0.2 → 0.1; cap:3 and cap:4 move alike in both.
    expect(rows.map((r) => [r.capabilityId, r.spread, r.cells.map((c) => c.delta)])).toEqual([
      ['cap:1', 0.5, [-0.5, 0]],
      ['cap:2', 0.1, [-0.1, -0.2]],
    ]);
  });
});
