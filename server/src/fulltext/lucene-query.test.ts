import { describe, expect, it } from 'vitest';
import { completedStems, parseSearchText, stemOf, toLuceneQuery } from './lucene-query.js';

describe('parseSearchText', () => {
  it('keeps letters and digits, drops stop words and possessives, and treats the last word as being typed', () => {
    expect(parseSearchText("China's rare earths in 3D")).toEqual({
      terms: [
        { word: 'china', prefix: false, required: true },
        { word: 'rare', prefix: false, required: true },
        { word: 'earths', prefix: false, required: true },
        { word: '3d', prefix: true, required: true },
      ],
      exact: "china's rare earths in 3d",
    });
  });

  it('a trailing space finishes the last word; a single letter is never a prefix', () => {
    expect(parseSearchText('drone ').terms).toEqual([{ word: 'drone', prefix: false, required: true }]);
    expect(parseSearchText('e').terms).toEqual([{ word: 'e', prefix: false, required: true }]);
  });

  it('a stop word being typed is optional, unless it is all there is', () => {
    expect(parseSearchText('producers in').terms).toEqual([
      { word: 'producers', prefix: false, required: true },
      { word: 'in', prefix: true, required: false },
    ]);
    expect(parseSearchText('in').terms).toEqual([{ word: 'in', prefix: true, required: true }]);
  });
});

describe('buildLuceneQuery', () => {
  it('weights name and aliases over the description; one edit only for words of 5+ letters', () => {
    expect(toLuceneQuery('uav ')).toBe('+(name:uav^4 aliases:uav^4 description:uav)');
    expect(toLuceneQuery('china ')).toBe('+(name:china^4 aliases:china^4 description:china name:china~1^2 aliases:china~1^2)');
  });

  it('tries the stem for typos, since the index holds stems', () => {
    expect(stemOf('biometrics')).toBe('biometr');
    expect(toLuceneQuery('biometrics ')).toBe(
      '+(name:biometrics^4 aliases:biometrics^4 description:biometrics name:biometrics~1^2 aliases:biometrics~1^2 name:biometr~1^2 aliases:biometr~1^2)',
    );
  });

  it('the word being typed matches as a prefix, and by the stems of its completions', () => {
    expect(toLuceneQuery('bio')).toBe('+(name:bio^4 aliases:bio^4 description:bio name:bio* aliases:bio* description:bio*^0.3)');
    // "surveilla" is past the stem of surveillance ("surveil"): completed with "nce" (and other begun endings).
    expect(completedStems('surveilla')).toEqual(['surveil']);
    expect(completedStems('identificatio')).toContain('identif');
    expect(completedStems('drones')).toEqual([]);
    expect(toLuceneQuery('surveilla')).toContain(
      'name:surveilla* aliases:surveilla* description:surveilla*^0.3 name:surveil~0^0.5 aliases:surveil~0^0.5 description:surveil~0^0.2',
    );
  });

  it('one letter after other words is a prefix', () => {
    expect(parseSearchText('quantum n').terms).toEqual([
      { word: 'quantum', prefix: false, required: true },
      { word: 'n', prefix: true, required: true },
    ]);
  });

  it('requires every word but an optional stop word being typed', () => {
    expect(toLuceneQuery('gallium in')).toBe(
      '+(name:gallium^4 aliases:gallium^4 description:gallium name:gallium~1^2 aliases:gallium~1^2) (name:in^4 aliases:in^4 ' +
        'description:in name:in* aliases:in* description:in*^0.3)',
    );
  });

  it('neutralises Lucene syntax so analysts cannot break or widen the query', () => {
    expect(toLuceneQuery('name:* OR "x"~ ')).toBe('+(name:name^4 aliases:name^4 description:name) +(name:x^4 aliases:x^4 description:x)');
    expect(toLuceneQuery('  ** ?? ')).toBeNull();
    // Nine words: "a" is a stop word, "i" the ninth (past MAX_WORDS); "h" is the last kept, matched as a prefix.
    expect(toLuceneQuery('a+b (c) [d] {e} ^f \\g /h/ &&|| !i')).toBe(
      ['b', 'c', 'd', 'e', 'f', 'g'].map((w) => `+(name:${w}^4 aliases:${w}^4 description:${w})`).join(' ') +
        ' +(name:h^4 aliases:h^4 description:h name:h* aliases:h* description:h*^0.3)',
    );
  });
});
