import { describe, expect, it } from 'vitest';
import { handleOf, mentionsIn, resolveMentions, type Mentionable } from './mentions.js';

const ana: Mentionable = { id: 'user:1', name: 'Ana Martin', handle: 'ana' };
const ben: Mentionable = { id: 'user:2', name: 'Ben', handle: 'b.okafor' };
const ana2: Mentionable = { id: 'user:3', name: 'Ana Martin', handle: 'a.martin' };

describe('mentionsIn', () => {
  it('finds bare and quoted mentions, each once, and not e-mail addresses', () => {
    const text = '@ana please assess; cc @"Ben" and @ANA again. Mail ana@example.eu or (@b.okafor).';
    expect(mentionsIn(text)).toEqual([
      { written: 'ana', quoted: false },
      { written: 'Ben', quoted: true },
      { written: 'b.okafor', quoted: false },
    ]);
  });

  it('ends a bare mention before trailing sentence punctuation', () => {
    expect(mentionsIn('Thanks @ben.')).toEqual([{ written: 'ben', quoted: false }]);
    expect(mentionsIn('ask @ana, then @ben!')).toEqual([
      { written: 'ana', quoted: false },
      { written: 'ben', quoted: false },
    ]);
  });
});

describe('resolveMentions', () => {
  it('matches a bare word by handle, else by a one-word name; a quoted one by the whole name', () => {
    const r = resolveMentions(mentionsIn('@ana @Ben @"ana martin" @bob'), [ana, ben]);
    // @ana → handle of Ana; @Ben → name of Ben; "ana martin" → Ana again (listed once); @bob → nobody.
    expect(r.users.map((u) => u.id)).toEqual(['user:1', 'user:2']);
    expect(r.unknown).toEqual(['bob']);
    expect(r.ambiguous).toEqual([]);
  });

  it('reports a name that fits two users instead of guessing', () => {
    const r = resolveMentions(mentionsIn('@"Ana Martin"'), [ana, ana2]);
    expect(r.ambiguous).toEqual([{ written: 'Ana Martin', candidates: ['Ana Martin', 'Ana Martin'] }]);
    expect(r.users).toEqual([]);
  });

  it('takes the handle from the e-mail local part', () => {
    expect(handleOf('Ana.Martin@Example.eu')).toBe('ana.martin');
  });
});
