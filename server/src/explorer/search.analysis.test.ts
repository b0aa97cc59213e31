import { describe, expect, it } from 'vitest';
import { parseSearchText } from '../fulltext/lucene-query.js';
import { matchedField, SEARCH_KIND_ORDER, withinOneEdit } from './search.analysis.js';

const uas = {
  name: 'Uncrewed aircraft systems (drones)',
  aliases: ['UAV', 'UAS', 'unmanned aerial vehicles'],
  description: 'Remotely piloted aircraft used for surveillance.',
};
const match = (text: string, entity: { name: string; aliases: string[]; description: string | null } = uas) => {
  const { terms, exact } = parseSearchText(text);
  return matchedField(entity, terms, exact);
};

describe('matchedField', () => {
  it('names the field that holds every word, name before alias before description', () => {
    expect(match('drones')).toEqual({ field: 'NAME', text: null });
    expect(match('uav')).toEqual({ field: 'ALIAS', text: 'UAV' });
    expect(match('unmanned aerial')).toEqual({ field: 'ALIAS', text: 'unmanned aerial vehicles' });
    expect(match('piloted ')).toEqual({ field: 'DESCRIPTION', text: null });
  });

  it('follows stems, prefixes of the word being typed and one typo in long words', () => {
    expect(match('drone ')).toEqual({ field: 'NAME', text: null }); // stem: drone = drones
    expect(match('unman')).toEqual({ field: 'ALIAS', text: 'unmanned aerial vehicles' }); // prefix
    expect(match('uncrewd ')).toEqual({ field: 'NAME', text: null }); // one edit, 7 letters
  });

  it('an exact name or alias wins', () => {
    const entity = { name: 'China', aliases: ['PRC', 'china'], description: null };
    expect(match('China', entity)).toEqual({ field: 'NAME', text: null });
    expect(match('prc', entity)).toEqual({ field: 'ALIAS', text: 'PRC' });
  });

  it('words spread over fields: the field with most of them', () => {
    // Name: neither word. Alias "UAV": uav. Description: surveillance. One word each for alias and description: a tie
    // goes to the alias (name, then alias, then description).
    expect(match('uav surveillance')).toEqual({ field: 'ALIAS', text: 'UAV' });
    expect(match('drones piloted')).toEqual({ field: 'NAME', text: null });
  });
});

describe('withinOneEdit', () => {
  it('allows one substitution, insertion or deletion', () => {
    expect(withinOneEdit('china', 'chine')).toBe(true);
    expect(withinOneEdit('china', 'chna')).toBe(true);
    expect(withinOneEdit('china', 'chinaa')).toBe(true);
    expect(withinOneEdit('china', 'cihna')).toBe(false);
    expect(withinOneEdit('surveil', 'survail')).toBe(true);
  });
});

describe('SEARCH_KIND_ORDER', () => {
  it('puts technologies, then capabilities, first and signals last', () => {
    expect(SEARCH_KIND_ORDER.slice(0, 2)).toEqual(['Technology', 'Capability']);
    expect(SEARCH_KIND_ORDER.at(-1)).toBe('Signal');
  });
});
