import { describe, expect, it } from 'vitest';
import { toCsv } from '../web/src/lib/csv';
import { comparedIds, comparisonCsv, CSV_ROW_LIMIT, csvName, ExportTooLarge, runCsv, toggleCompared } from '../web/src/views/Scenarios/scenario-export';
import type { Comparison, ScenarioRun } from '../web/src/views/Scenarios/scenarios.types';

describe('which scenarios are compared', () => {
  it('reads ?select= as up to five other scenario ids, once each, never the open one', () => {
    expect(comparedIds(null, 'scn:a')).toEqual([]);
    expect(comparedIds('scn:b', 'scn:a')).toEqual(['scn:b']);
    expect(comparedIds('scn:b,scn:a, scn:c,scn:b,tech:x', 'scn:a')).toEqual(['scn:b', 'scn:c']);
    expect(comparedIds('scn:1,scn:2,scn:3,scn:4,scn:5,scn:6,scn:7', 'scn:a')).toEqual(['scn:1', 'scn:2', 'scn:3', 'scn:4', 'scn:5']);
  });

  it('adds and removes one at a time, never past six in all', () => {
    expect(toggleCompared([], 'scn:b')).toBe('scn:b');
    expect(toggleCompared(['scn:b'], 'scn:c')).toBe('scn:b,scn:c');
    expect(toggleCompared(['scn:b', 'scn:c'], 'scn:b')).toBe('scn:c');
    expect(toggleCompared(['scn:b'], 'scn:b')).toBeNull();
    expect(toggleCompared(['scn:1', 'scn:2', 'scn:3', 'scn:4', 'scn:5'], 'scn:6')).toBe('scn:1,scn:2,scn:3,scn:4,scn:5');
  });
});

describe('CSV exports', () => {
  const run = {
    horizon: 2030,
    currentYear: 2026,
    capabilityCount: 2,
    warnings: [],
    eventNotes: [],
    timeline: [],
    impacts: [
      {
        capabilityId: 'cap:a',
        name: 'Border, sea',
        before: 1,
        after: 0.4,
        delta: -0.6,
        readinessBefore: 1,
        readinessAfter: 0.4,
        needBefore: 1,
        needAfter: 1,
        paths: [],
      },
    ],
    nodes: [{ id: 'country:cn', kind: 'Country', name: 'China', before: 1, after: 0, delta: -1 }],
  } as ScenarioRun;

  it('writes a run: capabilities, then the nodes that changed', () => {
    expect(runCsv(run, 'China cut off')).toBe(
      'scenario,horizon,row,id,name,before,after,delta,readiness_before,readiness_after,need_before,need_after\r\n' +
        'China cut off,2030,capability,cap:a,"Border, sea",1,0.4,-0.6,1,0.4,1,1\r\n' +
        'China cut off,2030,country,country:cn,China,1,0,-1,,,,\r\n',
    );
  });

  it('writes a comparison of three scenarios, each with its own baseline, score and change', () => {
    const comparison: Comparison = {
      runs: ['a', 'b', 'c'].map((x, i) => ({
        scenario: { id: `scn:${x}`, name: x.toUpperCase(), horizon: 2030 + i * 5 },
        horizon: 2030 + i * 5,
        impacts: [],
        warnings: [],
      })),
      rows: [
        {
          capabilityId: 'cap:a',
          name: 'A',
          spread: 0.5,
          cells: [
            { scenarioId: 'scn:a', before: 1, after: 0.5, delta: -0.5 },
            { scenarioId: 'scn:b', before: 1, after: 1, delta: 0 },
            { scenarioId: 'scn:c', before: 0.8, after: 0.6, delta: -0.2 },
          ],
        },
      ],
    };
    expect(comparisonCsv(comparison)).toBe(
      'capability_id,capability,A 2030 baseline,A 2030 score,A change,B 2035 baseline,B 2035 score,B change,C 2040 baseline,C 2040 score,C change,spread\r\n' +
        'cap:a,A,1,0.5,-0.5,1,1,0,0.8,0.6,-0.2,0.5\r\n',
    );
  });

  it('refuses an export past the row limit, saying the limit and what to do', () => {
    const big = {
      ...run,
      nodes: Array.from({ length: CSV_ROW_LIMIT }, (_, i) => ({ id: `mat:${i}`, kind: 'Material', name: `m${i}`, before: 1, after: 0, delta: -1 })),
    } as ScenarioRun;
    expect(() => runCsv(big, 'x')).toThrow(ExportTooLarge);
    expect(() => runCsv(big, 'x')).toThrow('This export would have 50,001 rows, more than the limit of 50,000. Narrow it down');
  });

  it('keeps spreadsheet formulas out and names files after the scenarios', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")'], [-1]])).toBe('name\r\n"\'=HYPERLINK(""x"")"\r\n-1\r\n');
    expect(csvName(['scn:china-cut-off'], 2035)).toBe('scenario-china-cut-off-2035.csv');
    expect(csvName(['scn:a', 'scn:b', 'scn:c'])).toBe('scenario-comparison-a-b-c.csv');
  });
});
