// The unknown-TRL rule (maturity.ts, docs/scenarios.md "Unknown readiness"): a MATURATION event on a technology with no
// TRL and no horizon replaces the "assumed in service" baseline instead of doing nothing, and the event carries a note
// saying why it has little or no effect and how to fix that. Every figure below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { deployments } from './maturity.js';
import { eventReadinessNotes } from './readiness-notes.js';
import { runScenario } from './run.js';
import type { ScenarioEventSpec } from './scenario.model.js';
import { scenarioGraph } from './scenario-graph.js';

const THIS_YEAR = 2026;

// cap:c is enabled by tech:u alone (no TRL, no horizon); cap:d by tech:h alone (no TRL, horizon 2035); cap:e by tech:k
// alone (TRL 4, no horizon). Strength 1 each, no dependencies: a capability's score is its one enabler's availability.
function graph() {
  const b = new GraphBuilder()
    .cap('cap:c')
    .cap('cap:d')
    .cap('cap:e')
    .tech('tech:u')
    .tech('tech:h')
    .tech('tech:k', { trl: 4 })
    .enables('tech:u', 'cap:c')
    .enables('tech:h', 'cap:d')
    .enables('tech:k', 'cap:e');
  return scenarioGraph({ nodes: b.nodes, edges: b.edges, horizons: { 'tech:h': '2035' } });
}
const matures = (targetId: string, trl: number, year: number): ScenarioEventSpec => ({ type: 'MATURATION', targetId, trl, year });

describe('a MATURATION event on a technology of unknown readiness', () => {
  it('replaces the in-service assumption: TRL 8 by 2030 makes tech:u deployable from 2030, not from now', () => {
    const g = graph();
    expect(deployments(g, [], THIS_YEAR).get('tech:u')).toEqual({ year: 2026, basis: 'assumed', trl: null });
    expect(deployments(g, [matures('tech:u', 8, 2030)], THIS_YEAR).get('tech:u')).toEqual({ year: 2030, basis: 'scenario', trl: 8 });
    // TRL 5 by 2030 says it is not deployable then: not within view.
    expect(deployments(g, [matures('tech:u', 5, 2030)], THIS_YEAR).get('tech:u')).toEqual({ year: Infinity, basis: 'scenario', trl: 5 });
  });

  it('shows cap:c missing before 2030 (score 1 → 0 in 2028) and unchanged from 2030', () => {
    const r = runScenario(graph(), { horizon: 2028, events: [matures('tech:u', 8, 2030)] }, { currentYear: THIS_YEAR });
    expect(r.impacts.map((i) => [i.capabilityId, i.before, i.after, i.delta])).toEqual([['cap:c', 1, 0, -1]]);
    // Timeline 2028, 2030, 2035, 2040: the loss in 2028 only; tech:u "matures" in 2030 by the scenario (tech:h at its
    // 2035 horizon, as in the baseline).
    expect(r.timeline.map((s) => [s.year, s.losses.map((l) => l.capabilityId), s.maturing.map((m) => [m.technologyId, m.baselineYear, m.byScenario])])).toEqual(
      [
        [2028, ['cap:c'], []],
        [2030, [], [['tech:u', 2026, true]]],
        [2035, [], [['tech:h', 2035, false]]],
        [2040, [], []],
      ],
    );
    const atHorizon = runScenario(graph(), { horizon: 2030, events: [matures('tech:u', 8, 2030)] }, { currentYear: THIS_YEAR });
    expect(atHorizon.impacts).toEqual([]);
  });

  it('says why on the event and how to fix it', () => {
    const notes = eventReadinessNotes(
      graph(),
      [matures('tech:u', 8, 2030), matures('tech:h', 7, 2038), matures('tech:k', 7, 2030), matures('tech:h', 8, 2031)],
      THIS_YEAR,
    );
    expect(notes.map((n) => [n.eventIndex, n.reason, n.technologyId])).toEqual([
      [0, 'UNKNOWN_TRL', 'tech:u'],
      [1, 'UNKNOWN_TRL', 'tech:h'],
      [3, 'UNKNOWN_TRL', 'tech:h'],
    ]);
    expect(notes[0]!.message).toBe(
      'tech:u has no TRL and no horizon on the map, so its readiness is unknown. It is not counted as in service before 2030: this scenario makes it deployable from 2030, shows it missing until then and gains nothing after. Set the current TRL of tech:u (from a source) to measure what this event changes.',
    );
    expect(notes[1]!.message).toMatch(
      /^tech:h has no TRL on the map; its horizon 2035 already makes it deployable by 2035, so reaching TRL 7 by 2038 adds nothing\. Set the current TRL/,
    );
    expect(notes[2]!.message).toMatch(/^tech:h has no TRL on the map; the gain from 2031 is measured against its horizon 2035/);
    // The run carries them, indexed as the events were given.
    expect(
      runScenario(graph(), { horizon: 2040, events: [matures('tech:k', 7, 2030), matures('tech:u', 8, 2030)] }, { currentYear: THIS_YEAR }).eventNotes.map(
        (n) => n.eventIndex,
      ),
    ).toEqual([1]);
  });

  it('leaves a horizon-based technology as before: TRL 7 by 2038 after its 2035 horizon changes nothing; by 2031 brings it forward', () => {
    const g = graph();
    expect(deployments(g, [matures('tech:h', 7, 2038)], THIS_YEAR).get('tech:h')).toEqual({ year: 2035, basis: 'horizon', trl: 7 });
    expect(deployments(g, [matures('tech:h', 8, 2031)], THIS_YEAR).get('tech:h')).toEqual({ year: 2031, basis: 'scenario', trl: 8 });
  });
});
