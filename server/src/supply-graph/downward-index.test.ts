import { describe, expect, it } from 'vitest';
import { reachingCapabilities } from './capability-reach.js';
import { downwardIndex } from './downward-index.js';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';
import { stepsFrom, type Step } from '../dependency/walk.js';

// cap:1 ◀ tech:a → comp:x ⇄ tech:b ▶ cap:2      (a cycle between comp:x and tech:b)
//                  comp:x → mat:m ◀subst─ comp:alt → sup:s → country:cn
// cap:3 ◀ tech:c → mat:n                          (shares nothing with the others)
const g = graphOf((b) =>
  b
    .cap('cap:1')
    .cap('cap:2')
    .cap('cap:3')
    .tech('tech:a')
    .tech('tech:b')
    .tech('tech:c')
    .comp('comp:x')
    .comp('comp:alt')
    .mat('mat:m')
    .mat('mat:n')
    .country('country:cn', false)
    .sup('sup:s', 'country:cn')
    .enables('tech:a', 'cap:1')
    .enables('tech:b', 'cap:2')
    .enables('tech:c', 'cap:3')
    .dep('tech:a', 'comp:x')
    .dep('comp:x', 'tech:b')
    .dep('tech:b', 'comp:x')
    .dep('comp:x', 'mat:m')
    .dep('tech:c', 'mat:n')
    .subst('comp:alt', 'mat:m')
    .supplied('comp:alt', 'sup:s'),
);

/** The walk this replaces: a breadth-first walk per capability over stepsFrom (every incoming edge scanned). */
function perCapabilityWalk(): Map<string, string[]> {
  const reaching = new Map<string, string[]>();
  const caps = [...g.nodes.values()]
    .filter((n) => n.kind === 'Capability')
    .map((n) => n.id)
    .sort();
  for (const cap of caps) {
    const seen = new Set([cap]);
    const queue = [cap];
    for (let head = 0; head < queue.length; head++) {
      for (const s of stepsFrom(g, queue[head]!))
        if (!seen.has(s.to)) {
          seen.add(s.to);
          queue.push(s.to);
          reaching.set(s.to, [...(reaching.get(s.to) ?? []), cap]);
        }
    }
  }
  return reaching;
}

describe('capabilities reaching each node', () => {
  const reach = reachingCapabilities(g);

  it('follows the cycle once and the substitute down to its country', () => {
    expect(Object.fromEntries(reach)).toEqual({
      'tech:a': ['cap:1'],
      'tech:b': ['cap:1', 'cap:2'],
      'comp:x': ['cap:1', 'cap:2'],
      'mat:m': ['cap:1', 'cap:2'],
      'comp:alt': ['cap:1', 'cap:2'],
      'sup:s': ['cap:1', 'cap:2'],
      'country:cn': ['cap:1', 'cap:2'],
      'tech:c': ['cap:3'],
      'mat:n': ['cap:3'],
    });
  });

  it('equals the per-capability walk over every node', () => {
    const old = perCapabilityWalk();
    expect(new Map([...reach].sort())).toEqual(new Map([...old].sort()));
  });
});

describe('the downward index', () => {
  it('lists each node’s steps in stepsFrom order', () => {
    const x = downwardIndex(g);
    for (const id of g.nodes.keys()) {
      const i = x.index.get(id)!;
      const steps: Step[] = [];
      for (let k = x.start[i]!; k < x.start[i + 1]!; k++) steps.push({ to: x.ids[x.to[k]!]!, edge: x.edge[k]! });
      expect(steps).toEqual(stepsFrom(g, id));
    }
  });
});
