// The fractional model generalises dependency/availability.ts: on random graphs (cycles included) with whole
// disruptions, criticalities 0 or 1 and no declared substitutability, a node's availability is 0 exactly where the
// yes/no analysis calls it "unavailable" — and a capability's readiness likewise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAvailability } from '../dependency/availability.js';
import { GraphBuilder } from '../../../tests/support/supply-graph-builder.js';
import { evaluate } from './propagation.js';
import { withOutlook } from './scenario-graph.js';

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

const randomGraph = fc.record({
  countries: fc.integer({ min: 1, max: 3 }),
  suppliers: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 5 }),
  // (supplier, country): a second country for some suppliers.
  located: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  materials: fc.integer({ min: 1, max: 3 }),
  components: fc.integer({ min: 1, max: 4 }),
  technologies: fc.integer({ min: 1, max: 4 }),
  capabilities: fc.integer({ min: 1, max: 3 }),
  // (from, to, criticality 0 or 1)
  deps: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 1)), { maxLength: 14 }),
  // (item, supplier, share): at most three shares per item below 0.34, so declared shares never add up to 1.
  supplied: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(null, 0, 0.2, 0.33)), { maxLength: 10 }),
  substitutes: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
  enables: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 0.5, 1)), { maxLength: 8 }),
  removed: fc.array(fc.nat(), { maxLength: 4 }),
});

function build(spec: typeof randomGraph extends fc.Arbitrary<infer T> ? T : never) {
  const b = new GraphBuilder();
  const countries = Array.from({ length: spec.countries }, (_, i) => `country:c${i}`);
  countries.forEach((c, i) => b.country(c, i % 2 === 0));
  const suppliers = spec.suppliers.map((countryIndex, i) => {
    const id = `sup:s${i}`;
    b.sup(id, countryIndex < 0 ? undefined : pick(countries, countryIndex));
    return id;
  });
  for (const [s, c] of spec.located) b.edges.push({ type: 'LOCATED_IN', from: pick(suppliers, s), to: pick(countries, c), sourceIds: [] });
  const materials = Array.from({ length: spec.materials }, (_, i) => `mat:m${i}`);
  const components = Array.from({ length: spec.components }, (_, i) => `comp:k${i}`);
  const technologies = Array.from({ length: spec.technologies }, (_, i) => `tech:t${i}`);
  const capabilities = Array.from({ length: spec.capabilities }, (_, i) => `cap:c${i}`);
  materials.forEach((m) => b.mat(m));
  components.forEach((k) => b.comp(k));
  technologies.forEach((t) => b.tech(t));
  capabilities.forEach((c) => b.cap(c));
  const dependants = [...technologies, ...components];
  const dependencies = [...technologies, ...components, ...materials];
  const items = [...components, ...materials];
  for (const [f, t, c] of spec.deps) {
    const from = pick(dependants, f);
    const to = pick(dependencies, t);
    if (from !== to) b.dep(from, to, c, 0);
  }
  const perItem = new Map<string, number>();
  for (const [i, s, share] of spec.supplied) {
    const item = pick(items, i);
    if ((perItem.get(item) ?? 0) >= 3) continue;
    perItem.set(item, (perItem.get(item) ?? 0) + 1);
    b.supplied(item, pick(suppliers, s), share);
  }
  for (const [x, y] of spec.substitutes) {
    const a = pick(dependencies, x);
    const c = pick(dependencies, y);
    if (a !== c) b.subst(a, c);
  }
  for (const [t, c, strength] of spec.enables) b.enables(pick(technologies, t), pick(capabilities, c), strength);
  const removable = [...countries, ...suppliers, ...materials, ...components, ...technologies];
  const removed = new Set(spec.removed.map((i) => pick(removable, i)));
  return { supply: b.build(), removed };
}

describe('fractions generalise the yes/no availability', () => {
  it('is 0 exactly where availability.ts says unavailable', () => {
    fc.assert(
      fc.property(randomGraph, (spec) => {
        const { supply, removed } = build(spec);
        const status = evaluateAvailability(supply, removed);
        const graph = withOutlook(supply, [], []);
        const e = evaluate(
          graph,
          [...removed].map((targetId) => ({ type: 'DISRUPTION' as const, targetId, fraction: 1 })),
          2030,
          2026,
        );
        for (const [id, node] of supply.nodes) {
          const fraction = node.kind === 'Capability' ? e.readiness.get(id)! : e.availability.get(id)!;
          expect({ id, lost: fraction === 0 }).toEqual({ id, lost: status.get(id) === 'unavailable' });
        }
      }),
      { numRuns: 400, seed: 20_260_101 },
    );
    // 400 generated graphs take about 4 s on a quiet machine; the default 5 s would fail a busy one.
  }, 30_000);
});
