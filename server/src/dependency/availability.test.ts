import { describe, expect, it } from 'vitest';
import { allOf, anyOf, availability, evaluateAvailability, isAvailable, supplyShare } from './availability.js';
import { graphOf } from '../../../tests/support/supply-graph-builder.js';

const none = new Set<string>();

describe('Kleene AND / OR', () => {
  it('takes the worst for AND and the best for OR', () => {
    expect(allOf(['available', 'unknown'])).toBe('unknown');
    expect(allOf(['unknown', 'unavailable'])).toBe('unavailable');
    expect(allOf([])).toBe('available');
    expect(anyOf(['unavailable', 'unknown'])).toBe('unknown');
    expect(anyOf(['unavailable', 'available'])).toBe('available');
    expect(anyOf([])).toBe('unavailable');
  });
});

// cap ← tech → comp → mat → sup (CN)
const chain = graphOf((b) =>
  b
    .cap('cap:a')
    .tech('tech:t')
    .comp('comp:c')
    .mat('mat:m')
    .country('country:cn', false)
    .sup('sup:s', 'country:cn')
    .sup('sup:c', 'country:cn')
    .enables('tech:t', 'cap:a')
    .dep('tech:t', 'comp:c')
    .dep('comp:c', 'mat:m')
    .supplied('comp:c', 'sup:c', 1)
    .supplied('mat:m', 'sup:s', 1),
);

describe('a chain (AND all the way down)', () => {
  it('is available with nothing removed', () => {
    expect(availability(chain, 'cap:a', none)).toBe('available');
  });
  it.each(['tech:t', 'comp:c', 'mat:m', 'sup:s', 'country:cn'])('loses the capability when %s is removed', (id) => {
    expect(isAvailable(chain, 'cap:a', new Set([id]))).toBe(false);
  });
  it('cutting a country cuts its suppliers only', () => {
    const s = evaluateAvailability(chain, new Set(['country:cn']));
    expect(s.get('sup:s')).toBe('unavailable');
    expect(s.get('country:cn')).toBe('unavailable');
  });
});

describe('OR over suppliers, each by its share', () => {
  const g = graphOf((b) =>
    b
      .tech('tech:t')
      .mat('mat:m')
      .country('country:cn', false)
      .country('country:de', true)
      .sup('sup:cn', 'country:cn')
      .sup('sup:de', 'country:de')
      .dep('tech:t', 'mat:m')
      .supplied('mat:m', 'sup:cn', 0.9)
      .supplied('mat:m', 'sup:de', 0.1),
  );
  it('stays available while any supplier is', () => {
    expect(availability(g, 'tech:t', new Set(['country:cn']))).toBe('available');
    expect(availability(g, 'tech:t', new Set(['country:cn', 'sup:de']))).toBe('unavailable');
  });
  it('reports the share left: 0.1 after cutting China', () => {
    const status = evaluateAvailability(g, new Set(['country:cn']));
    expect(supplyShare(g, 'mat:m', status)).toEqual({ available: 0.1, lost: 0.9, unknown: 0 });
  });
});

describe('substitutes (OR on one requirement)', () => {
  const g = graphOf((b) =>
    b
      .tech('tech:t')
      .comp('comp:gaas')
      .comp('comp:inp')
      .sup('sup:a')
      .sup('sup:b')
      .dep('tech:t', 'comp:gaas')
      .subst('comp:inp', 'comp:gaas')
      .supplied('comp:gaas', 'sup:a')
      .supplied('comp:inp', 'sup:b'),
  );
  it('meets the requirement through the substitute when the dependency is lost', () => {
    expect(availability(g, 'tech:t', new Set(['comp:gaas']))).toBe('available');
    expect(availability(g, 'tech:t', new Set(['sup:a']))).toBe('available');
    expect(availability(g, 'tech:t', new Set(['comp:gaas', 'comp:inp']))).toBe('unavailable');
  });
  it('does not chain substitutes', () => {
    const h = graphOf((b) =>
      b.tech('tech:t').tech('tech:x').tech('tech:y').tech('tech:z').dep('tech:t', 'tech:x').subst('tech:y', 'tech:x').subst('tech:z', 'tech:y'),
    );
    expect(availability(h, 'tech:t', new Set(['tech:x', 'tech:y']))).toBe('unavailable');
  });
});

describe('capabilities (OR over enablers)', () => {
  const g = graphOf((b) =>
    b
      .cap('cap:a')
      .cap('cap:empty')
      .tech('tech:1')
      .tech('tech:2')
      .tech('tech:weak')
      .enables('tech:1', 'cap:a')
      .enables('tech:2', 'cap:a')
      .enables('tech:weak', 'cap:empty', 0),
  );
  it('needs any one enabling technology', () => {
    expect(availability(g, 'cap:a', new Set(['tech:1']))).toBe('available');
    expect(availability(g, 'cap:a', new Set(['tech:1', 'tech:2']))).toBe('unavailable');
  });
  it('is unknown with no enabler of strength > 0', () => {
    expect(availability(g, 'cap:empty', none)).toBe('unknown');
  });
});

describe('unknown supply', () => {
  const g = graphOf((b) => b.cap('cap:a').tech('tech:t').mat('mat:nodata').enables('tech:t', 'cap:a').dep('tech:t', 'mat:nodata'));
  it('is unknown, never safe, and propagates up', () => {
    const s = evaluateAvailability(g, none);
    expect(s.get('mat:nodata')).toBe('unknown');
    expect(s.get('tech:t')).toBe('unknown');
    expect(s.get('cap:a')).toBe('unknown');
    expect(isAvailable(g, 'cap:a', none)).toBe(true);
    expect(isAvailable(g, 'cap:a', new Set(['mat:nodata']))).toBe(false);
  });
  it('ignores criticality-0 links', () => {
    const h = graphOf((b) => b.tech('tech:t').mat('mat:nodata').dep('tech:t', 'mat:nodata', 0));
    expect(availability(h, 'tech:t', none)).toBe('available');
  });
});

describe('cycles (greatest fixed point)', () => {
  // tech:a → tech:b → tech:a, and tech:b → mat:m (sole supplier sup:s)
  const g = graphOf((b) =>
    b
      .tech('tech:a')
      .tech('tech:b')
      .mat('mat:m')
      .sup('sup:s')
      .dep('tech:a', 'tech:b')
      .dep('tech:b', 'tech:a')
      .dep('tech:b', 'mat:m')
      .supplied('mat:m', 'sup:s', 1),
  );
  it('terminates and keeps a cycle available when nothing outside it fails', () => {
    const s = evaluateAvailability(g, none);
    expect(s.get('tech:a')).toBe('available');
    expect(s.get('tech:b')).toBe('available');
  });
  it('loses both members when something below the cycle fails, or one member is removed', () => {
    expect(availability(g, 'tech:a', new Set(['sup:s']))).toBe('unavailable');
    expect(availability(g, 'tech:b', new Set(['tech:a']))).toBe('unavailable');
  });
  it('handles a self-loop', () => {
    const h = graphOf((b) => b.tech('tech:a').dep('tech:a', 'tech:a'));
    expect(availability(h, 'tech:a', none)).toBe('available');
  });
});
