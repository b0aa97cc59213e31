import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './lucene.js';

describe('toLuceneQuery', () => {
  it('requires every word, matching prefixes, weighting the name', () => {
    expect(toLuceneQuery('Facial rec')).toBe(
      '(name:facial^4 OR name:facial*^2 OR description:facial OR description:facial*) AND (name:rec^4 OR name:rec*^2 OR description:rec OR description:rec*)',
    );
  });

  it('neutralises Lucene syntax so analysts cannot break or widen the query', () => {
    expect(toLuceneQuery('name:* OR "x"~')).toBe('(name:name^4 OR name:name*^2 OR description:name OR description:name*) AND (name:x^4 OR name:x*^2 OR description:x OR description:x*)');
    expect(toLuceneQuery('  ** ?? ')).toBeNull();
  });
});
