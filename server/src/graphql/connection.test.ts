import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './connection.js';

describe('cursor pagination', () => {
  it('round-trips a cursor and rejects a forged one with the field named', () => {
    const cursor = encodeCursor({ name: 'Drones', id: 'tech:drones' });
    expect(decodeCursor(cursor)).toEqual({ name: 'Drones', id: 'tech:drones' });
    expect(() => decodeCursor('not-a-cursor')).toThrow(/after: is not a cursor/);
  });

  it('uses the extra row only to tell that another page follows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `tech:${n}`, name: `T${n}` }));
    const page = toPage(rows, 2, 10);
    expect(page.edges.map((e) => e.node.id)).toEqual(['tech:1', 'tech:2']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(rows[1]!) });
    expect(toPage(rows.slice(0, 2), 2, 2).pageInfo.hasNextPage).toBe(false);
  });
});
