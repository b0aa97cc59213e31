import { describe, expect, it } from 'vitest';
import { createdFields, fieldChanges, nextSeq } from './history.model.js';

describe('history records', () => {
  it('lists the fields that differ, treating absent as null and ignoring bookkeeping', () => {
    expect(fieldChanges({ name: 'A', trl: 4, updatedAt: 'x', revision: 1 }, { name: 'A', trl: 5, horizon: null, updatedAt: 'y', revision: 2 })).toEqual([
      { field: 'trl', before: 4, after: 5 },
    ]);
    expect(fieldChanges({ aliases: ['a'] }, { aliases: ['a', 'b'] })).toEqual([{ field: 'aliases', before: ['a'], after: ['a', 'b'] }]);
    expect(createdFields({ name: 'A', description: null })).toEqual([{ field: 'name', before: null, after: 'A' }]);
  });

  it('orders changes made in the same millisecond in the order they were made', () => {
    const a = nextSeq(1000);
    const b = nextSeq(1000);
    const c = nextSeq(999);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });
});
