// The Scenarios view's pure logic (web/src/views/Scenarios/scenario-view.ts) and its GraphQL documents, which must
// stay valid against the committed schema.graphql.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from '../web/src/views/Scenarios/scenarios.operations.js';
import {
  draftFromScenario,
  draftProblems,
  emptyDraft,
  eventIndexOfField,
  eventTypesFor,
  impactColour,
  impactElements,
  newEvent,
  pathInWords,
  points,
  runKey,
  toEventInput,
  toScenarioInput,
} from '../web/src/views/Scenarios/scenario-view.js';
import type { Scenario, ScenarioRun } from '../web/src/views/Scenarios/scenarios.types.js';

const CHINA = { id: 'country:cn', name: 'China', kind: 'Country' as const };

describe('the GraphQL documents of the Scenarios view', () => {
  const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  it.each(Object.entries(operations))('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});

describe('drafts and inputs', () => {
  it('starts at the first standard horizon not yet passed', () => {
    expect(emptyDraft(2026).horizon).toBe(2030);
    expect(emptyDraft(2031).horizon).toBe(2035);
    expect(emptyDraft(2041).horizon).toBe(2041);
  });

  it('sends only the fields an event type uses, percentages as fractions', () => {
    const cut = { ...newEvent('DISRUPTION', CHINA, 2030), percent: 40, note: ' export ban ' };
    expect(toEventInput(cut)).toEqual({ type: 'DISRUPTION', targetId: 'country:cn', fraction: 0.4, note: 'export ban' });
    const tech = { id: 'tech:q', name: 'Quantum radar', kind: 'Technology' as const };
    expect(toEventInput(newEvent('MATURATION', tech, 2035))).toEqual({ type: 'MATURATION', targetId: 'tech:q', trl: 7, year: 2035 });
    const sub = {
      ...newEvent('SUBSTITUTE', { id: 'comp:a', name: 'A', kind: 'Component' }, 2030),
      replaces: { id: 'comp:b', name: 'B', kind: 'Component' as const },
    };
    expect(toEventInput(sub)).toEqual({ type: 'SUBSTITUTE', targetId: 'comp:a', fraction: 1, replacesId: 'comp:b' });
  });

  it('does not accept a target of a kind the event cannot affect', () => {
    expect(newEvent('THREAT', CHINA, 2030).target).toBeNull();
    expect(eventTypesFor('Country')).toEqual(['DISRUPTION']);
    expect(eventTypesFor('Technology')).toEqual(['DISRUPTION', 'MATURATION', 'SUBSTITUTE', 'THREAT']);
  });

  it('round-trips a saved scenario through a draft', () => {
    const saved: Scenario = {
      id: 'scn:a',
      name: 'A',
      description: null,
      horizon: 2035,
      drivers: ['political'],
      assumptions: ['x'],
      author: 'anonymous analyst',
      createdAt: '',
      updatedAt: '',
      events: [
        {
          index: 0,
          type: 'DISRUPTION',
          targetId: 'country:cn',
          target: CHINA,
          replacesId: null,
          replaces: null,
          fraction: 0.35,
          trl: null,
          year: 2031,
          note: null,
        },
      ],
    };
    const draft = draftFromScenario(saved);
    expect(toScenarioInput(draft)).toEqual({
      name: 'A',
      description: null,
      horizon: 2035,
      drivers: ['political'],
      assumptions: ['x'],
      events: [{ type: 'DISRUPTION', targetId: 'country:cn', fraction: 0.35, year: 2031 }],
    });
    expect(runKey(draft)).toBe(runKey(draftFromScenario(saved)));
  });

  it('asks for a target before anything is sent, and finds the event a server error names', () => {
    const draft = { ...emptyDraft(2026), events: [newEvent('DISRUPTION', CHINA, 2030), newEvent('SUBSTITUTE', null, 2030)] };
    expect(draftProblems(draft)).toEqual(['Event 2: pick what it affects.', 'Event 2: pick what the substitute replaces.']);
    expect(eventIndexOfField('input.events[2].fraction')).toBe(2);
    expect(eventIndexOfField('input.horizon')).toBeNull();
  });
});

describe('numbers and colours', () => {
  it('writes changes in percentage points with a true minus', () => {
    expect([points(-0.28), points(0.5), points(0), points(-0.3127)]).toEqual(['−28 pts', '+50 pts', '±0 pts', '−31.3 pts']);
  });

  it('shades losses and gains by size', () => {
    expect(impactColour(0)).toBe('#cbd2d9');
    expect(impactColour(-0.05)).toBe('#fdd0a2');
    expect(impactColour(-0.28)).toBe('#e6550d');
    expect(impactColour(0.6)).toBe('#006d2c');
  });
});

describe('the impact graph', () => {
  const run: ScenarioRun = {
    horizon: 2030,
    currentYear: 2026,
    capabilityCount: 2,
    warnings: [],
    eventNotes: [],
    nodes: [],
    timeline: [],
    impacts: [
      {
        capabilityId: 'cap:c',
        name: 'Border surveillance',
        before: 1,
        after: 0.72,
        delta: -0.28,
        readinessBefore: 1,
        readinessAfter: 0.72,
        needBefore: 1,
        needAfter: 1,
        paths: [
          {
            weight: 0.28,
            eventIndexes: [0],
            summary: '',
            steps: [
              { id: 'country:cn', kind: 'Country', name: 'China', before: 1, after: 0, via: 'LOCATED_IN' },
              { id: 'sup:s1', kind: 'Supplier', name: 'Producers', before: 1, after: 0, via: 'SUPPLIED_BY' },
              { id: 'mat:m', kind: 'Material', name: 'Gallium', before: 1, after: 0.3, via: 'DEPENDS_ON' },
              { id: 'tech:t', kind: 'Technology', name: 'Radar', before: 1, after: 0.58, via: 'ENABLES' },
              { id: 'cap:c', kind: 'Capability', name: 'Border surveillance', before: 1, after: 0.72, via: null },
            ],
          },
        ],
      },
    ],
  };

  it('draws the capability and its path with links pointing down the chain, the event targets larger', () => {
    const elements = impactElements(run, new Set(['country:cn']));
    const nodes = elements.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => [n.data.id, n.data.label, (n.data as { fill?: string }).fill, (n as { classes?: string }).classes])).toEqual([
      ['cap:c', 'Border surveillance −28 pts', '#e6550d', undefined],
      ['country:cn', 'China −100 pts', '#a63603', 'centre'],
      ['sup:s1', 'Producers −100 pts', '#a63603', undefined],
      ['mat:m', 'Gallium −70 pts', '#a63603', undefined],
      ['tech:t', 'Radar −42 pts', '#e6550d', undefined],
    ]);
    expect(elements.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual([
      'sup:s1|LOCATED_IN|country:cn',
      'mat:m|SUPPLIED_BY|sup:s1',
      'tech:t|DEPENDS_ON|mat:m',
      'cap:c|ENABLES|tech:t',
    ]);
  });

  it('draws only the chosen capability as named boxes when asked, the event targets double-bordered', () => {
    expect(impactElements(run, new Set(['country:cn']), { capabilityId: 'cap:other', boxed: true })).toEqual([]);
    const elements = impactElements(run, new Set(['country:cn']), { capabilityId: 'cap:c', boxed: true });
    const china = elements.find((e) => e.data.id === 'country:cn')!;
    expect(china).toMatchObject({ classes: 'boxed badged', data: { label: 'China −100 pts', name: 'China', fill: '#a63603', text: '#ffffff' } });
    expect(elements.find((e) => e.data.id === 'cap:c')).toMatchObject({ classes: 'boxed' });
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(4);
  });

  it('reads a path from the event up to the capability', () => {
    expect(pathInWords(run.impacts[0]!.paths[0]!.steps.slice(0, 2))).toBe('China (100% → 0%) hosts Producers (100% → 0%) supplies');
  });
});
