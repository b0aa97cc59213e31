// A whole run on hand-made graphs: the worked example of docs/scenarios.md (numbers worked out there by hand), the
// paths that explain it, the timeline, the no-op scenario, and byte-for-byte determinism.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { runScenario } from './run.js';
import type { ScenarioEventSpec } from './scenario.model.js';
import { scenarioGraph } from './scenario-graph.js';

const THIS_YEAR = 2026;

/** docs/scenarios.md, "Worked example". */
function workedExample(order: 'as-written' | 'reversed' = 'as-written') {
  const b = new GraphBuilder()
    .country('country:cn', false)
    .country('country:au', false)
    .sup('sup:s1', 'country:cn')
    .sup('sup:s2', 'country:au')
    .mat('mat:m')
    .comp('comp:k')
    .comp('comp:k2')
    .tech('tech:t')
    .tech('tech:u')
    .tech('tech:v')
    .tech('tech:z')
    .cap('cap:c')
    .cap('cap:d')
    .supplied('mat:m', 'sup:s1', 0.7)
    .supplied('mat:m', 'sup:s2', 0.3)
    .dep('comp:k', 'mat:m', 0.8, 0.25)
    .dep('tech:t', 'comp:k', 1, 0)
    .enables('tech:t', 'cap:c', 1)
    .enables('tech:u', 'cap:c', 0.5)
    .enables('tech:v', 'cap:d', 1)
    .enables('tech:u', 'cap:d', 1);
  const nodes = order === 'reversed' ? [...b.nodes].reverse() : b.nodes;
  const edges = order === 'reversed' ? [...b.edges].reverse() : b.edges;
  return scenarioGraph({ nodes, edges, horizons: { 'tech:v': '2040' }, counters: [{ capabilityId: 'cap:c', technologyId: 'tech:z' }] });
}

const CUT_CHINA: ScenarioEventSpec = { type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 };
const SUBSTITUTE: ScenarioEventSpec = { type: 'SUBSTITUTE', targetId: 'comp:k2', replacesId: 'comp:k', fraction: 0.5 };
const THREAT: ScenarioEventSpec = { type: 'THREAT', targetId: 'tech:z', fraction: 0.25 };
const MATURATION: ScenarioEventSpec = { type: 'MATURATION', targetId: 'tech:v', trl: 7, year: 2028 };

const run = (events: ScenarioEventSpec[], horizon = 2030, graph = workedExample()) => runScenario(graph, { horizon, events }, { currentYear: THIS_YEAR });
const impactOf = (r: ReturnType<typeof run>, id: string) => r.impacts.find((i) => i.capabilityId === id);

describe('the worked example of docs/scenarios.md', () => {
  it('step 1: China cut — Border capability C falls from 1 to 0.72', () => {
    const r = run([CUT_CHINA]);
    // M: 0.7·0 + 0.3·1 = 0.3.  K: 1 − 0.8·(1 − 0.25)·(1 − 0.3) = 1 − 0.42 = 0.58.  T: 1 − 1·(1 − 0.58) = 0.58.
    // C: (1·0.58 + 0.5·1) / 1.5 = 1.08 / 1.5 = 0.72.
    expect(r.nodes.map((n) => [n.id, n.after])).toEqual([
      ['country:cn', 0],
      ['sup:s1', 0],
      ['mat:m', 0.3],
      ['comp:k', 0.58],
      ['tech:t', 0.58],
    ]);
    expect(r.impacts.map((i) => [i.capabilityId, i.before, i.after, i.delta])).toEqual([['cap:c', 1, 0.72, -0.28]]);
  });

  it('step 2: a substitute for K covering half its shortfall lifts C to 0.86', () => {
    // eff(K) = 1 − (1 − 0.58)·(1 − 0.5·1) = 0.79 → T = 0.79 → C = (0.79 + 0.5) / 1.5 = 0.86.
    const c = impactOf(run([CUT_CHINA, SUBSTITUTE]), 'cap:c')!;
    expect([c.readinessAfter, c.after]).toEqual([0.86, 0.86]);
  });

  it('step 3: a threat C counters raises its need to 1.25: score 0.86 / 1.25 = 0.688', () => {
    const c = impactOf(run([CUT_CHINA, SUBSTITUTE, THREAT]), 'cap:c')!;
    expect([c.readinessAfter, c.needAfter, c.after, c.delta]).toEqual([0.86, 1.25, 0.688, -0.312]);
  });

  it('explains C by three paths, ranked by the change they can carry', () => {
    const c = impactOf(run([CUT_CHINA, SUBSTITUTE, THREAT]), 'cap:c')!;
    expect(c.paths.map((p) => [p.steps.map((s) => s.id), p.steps.map((s) => s.via), p.weight, p.eventIndexes])).toEqual([
      // Substitute: coverage 0.5 × DEPENDS_ON 1·(1 − 0) × ENABLES 1/1.5 = 1/3.
      [['comp:k2', 'comp:k', 'tech:t', 'cap:c'], ['SUBSTITUTES', 'DEPENDS_ON', 'ENABLES', null], 0.333333333, [1]],
      // The cut: 1 × LOCATED_IN 1 × share 0.7 × 0.8·(1 − 0.25) × 1 × 1/1.5 = 0.28 (the loss of step 1).
      [['country:cn', 'sup:s1', 'mat:m', 'comp:k', 'tech:t', 'cap:c'], ['LOCATED_IN', 'SUPPLIED_BY', 'DEPENDS_ON', 'DEPENDS_ON', 'ENABLES', null], 0.28, [0]],
      // The threat: severity 0.25 over COUNTERS.
      [['tech:z', 'cap:c'], ['COUNTERS', null], 0.25, [2]],
    ]);
    expect(c.paths[1]!.summary).toBe('country:cn [100%→0%] › sup:s1 [100%→0%] › mat:m [100%→30%] › comp:k [100%→58%] › tech:t [100%→79%] › cap:c [100%→69%]');
  });

  it('step 4: V maturing by 2028 instead of 2040 doubles D in 2030 and 2035, not in 2040', () => {
    // D in 2030, baseline: V not deployable, (1·0 + 1·1) / 2 = 0.5; scenario: (1 + 1) / 2 = 1.
    const r = run([MATURATION]);
    expect(r.impacts.map((i) => [i.capabilityId, i.before, i.after])).toEqual([['cap:d', 0.5, 1]]);
    expect(r.impacts[0]!.paths.map((p) => [p.steps.map((s) => s.id), p.weight])).toEqual([[['tech:v', 'cap:d'], 0.5]]);
    expect(
      r.timeline.map((s) => [
        s.year,
        s.maturing.map((m) => [m.technologyId, m.year, m.baselineYear, m.byScenario]),
        s.gains.map((g) => [g.capabilityId, g.delta]),
      ]),
    ).toEqual([
      [2030, [['tech:v', 2028, 2040, true]], [['cap:d', 0.5]]],
      [2035, [], [['cap:d', 0.5]]],
      [2040, [], []],
    ]);
  });

  it('ranks impacts by the size of the change, losses first on a tie, then by id', () => {
    const r = run([CUT_CHINA, SUBSTITUTE, THREAT, MATURATION]);
    expect(r.impacts.map((i) => [i.capabilityId, i.delta])).toEqual([
      ['cap:d', 0.5],
      ['cap:c', -0.312],
    ]);
  });
});

describe('the baseline timeline', () => {
  it('lists technologies reaching TRL ≥ 7 in the step of their horizon, not those in service today', () => {
    const r = run([], 2030);
    expect(r.timeline.map((s) => [s.year, s.maturing.map((m) => m.technologyId)])).toEqual([
      [2030, []],
      [2035, []],
      [2040, ['tech:v']],
    ]);
  });

  it('adds the scenario horizon to the standard steps', () => {
    expect(run([], 2032).timeline.map((s) => s.year)).toEqual([2030, 2032, 2035, 2040]);
  });
});

describe('a scenario with no events', () => {
  it('changes nothing', () => {
    for (const horizon of [THIS_YEAR, 2030, 2050]) {
      const r = run([], horizon);
      expect(r.impacts).toEqual([]);
      expect(r.nodes).toEqual([]);
      expect(r.timeline.every((s) => s.gains.length === 0 && s.losses.length === 0)).toBe(true);
      expect(r.scores.every((s) => s.delta === 0 && s.before === s.after)).toBe(true);
      expect(r.warnings).toEqual([]);
    }
  });

  it('nor do events of magnitude 0', () => {
    const r = run([
      { type: 'DISRUPTION', targetId: 'country:cn', fraction: 0 },
      { ...THREAT, fraction: 0 },
      { ...SUBSTITUTE, fraction: 0 },
    ]);
    expect([r.impacts, r.nodes]).toEqual([[], []]);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same input, whatever order the graph was read in', () => {
    const events = [CUT_CHINA, SUBSTITUTE, THREAT, MATURATION];
    const first = JSON.stringify(run(events));
    expect(JSON.stringify(run(events))).toBe(first);
    expect(JSON.stringify(run(events, 2030, workedExample('reversed')))).toBe(first);
  });
});

describe('events on entities no longer on the map', () => {
  it('are skipped with a warning, the others still run, and paths keep the numbering given', () => {
    const r = run([{ type: 'DISRUPTION', targetId: 'sup:gone', fraction: 1 }, CUT_CHINA]);
    expect(r.warnings).toEqual(['Event 1 (DISRUPTION) refers to sup:gone, which is no longer on the map; it was skipped.']);
    expect(impactOf(r, 'cap:c')!.after).toBe(0.72);
    expect(impactOf(r, 'cap:c')!.paths[0]!.eventIndexes).toEqual([1]);
  });
});
