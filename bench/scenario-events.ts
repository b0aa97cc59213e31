// The scenario every size runs (section 4 and 4b of the report, and the after-write profile): 10 events drawn from the
// synthetic map with a skew towards its hubs — 5 disruptions, 2 maturations, 1 substitution, 2 threats.
import type { ScenarioEventSpec } from '../server/src/scenario/scenario.model.js';
import { prng, type GeneratedGraph } from './synthetic-map.js';

export function scenarioEvents(g: GeneratedGraph, seed: number): ScenarioEventSpec[] {
  const rnd = prng(seed);
  const at = <X>(list: X[], skew = 1) => list[Math.floor(list.length * Math.pow(rnd(), skew))]!;
  const { technologies: t, suppliers, countries, materials, components } = g.ids;
  const year = new Date().getUTCFullYear();
  return [
    { type: 'DISRUPTION', targetId: countries[0]!, fraction: 0.6, note: 'export restrictions' },
    { type: 'DISRUPTION', targetId: at(suppliers, 2), fraction: 1 },
    { type: 'DISRUPTION', targetId: at(materials, 2), fraction: 0.5, year: year + 2 },
    { type: 'DISRUPTION', targetId: at(components, 2), fraction: 0.4 },
    { type: 'DISRUPTION', targetId: at(suppliers, 2), fraction: 0.8, year: year + 4 },
    { type: 'MATURATION', targetId: at(t), trl: 8, year: year + 4 },
    { type: 'MATURATION', targetId: at(t, 2), trl: 7, year: year + 6 },
    { type: 'SUBSTITUTE', targetId: at(t), replacesId: at(t, 2), fraction: 0.7 },
    { type: 'THREAT', targetId: at(t, 2), fraction: 1 },
    { type: 'THREAT', targetId: at(t), fraction: 0.5, year: year + 3 },
  ];
}
