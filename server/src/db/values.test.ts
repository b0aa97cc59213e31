// Driver values become plain JS, whatever their nesting; integers outside the safe range are refused, not rounded.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from './values.js';

describe('toPlain', () => {
  it('converts integers, temporals and nested lists and maps', () => {
    const date = new neo4j.types.Date(2026, 11, 26);
    const value = { n: neo4j.int(42), when: date, list: [neo4j.int(1), 'a', true, null, [neo4j.int(2)]], nested: { x: 1.5, y: undefined } };
    expect(toPlain(value)).toEqual({ n: 42, when: '2026-11-26', list: [1, 'a', true, null, [2]], nested: { x: 1.5, y: null } });
  });

  it('takes the properties of nodes', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Technology'], { id: 'tech:x', trl: neo4j.int(6) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'tech:x', trl: 6 });
  });

  it('refuses an integer outside the safe range', () => {
    expect(() => toPlain(neo4j.int('9007199254740993'))).toThrow(RangeError);
  });
});
