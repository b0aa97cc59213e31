import { describe, expect, it } from 'vitest';
import { ID_PREFIX, RELATIONSHIP_TYPES } from '../db/labels.js';
import { checkField, checkFields, normaliseFields } from './mapping-fields.validation.js';
import { KIND_SPECS, LINK_SPEC, LINK_SPECS, LINK_TYPES } from './mapping-model.js';
import { entityProblems, linkProblems } from './mapping.input.validation.js';
import { mergedAliases } from './merge.rules.js';

describe('the mapping model', () => {
  it('covers every link type of the contract with the ends of the graph model', () => {
    expect(LINK_SPECS.map((l) => l.type)).toEqual([...LINK_TYPES]);
    for (const spec of LINK_SPECS) {
      expect(spec.fromKinds).toEqual(RELATIONSHIP_TYPES[spec.type].from);
      expect(spec.toKinds).toEqual(RELATIONSHIP_TYPES[spec.type].to);
    }
    expect(KIND_SPECS.every((k) => k.idPrefix === ID_PREFIX[k.kind])).toBe(true);
  });

  it('keeps field names unique within a kind and a link type', () => {
    for (const spec of [...KIND_SPECS.map((k) => k.fields), ...LINK_SPECS.map((l) => l.properties)]) {
      expect(new Set(spec.map((f) => f.name)).size).toBe(spec.length);
    }
  });
});

describe('field checks', () => {
  const share = LINK_SPEC.get('SUPPLIED_BY')!.properties[0]!;
  it('accepts supply shares above 0 up to 1 and names the field otherwise', () => {
    expect(checkField('p.share', share, 0.01)).toBeNull();
    expect(checkField('p.share', share, 0)).toEqual({
      field: 'p.share',
      message: 'must be above 0: a supplier with no share supplies nothing. Unlink it instead, or leave the share empty if it is unknown.',
    });
    expect(checkField('p.share', share, 1)).toBeNull();
    expect(checkField('p.share', share, 1.01)).toEqual({ field: 'p.share', message: 'must be a number from 0 to 1, got 1.01.' });
    expect(checkField('p.share', share, '0.5')).toEqual({ field: 'p.share', message: 'must be a number from 0 to 1, got "0.5".' });
  });

  it('checks dates, URLs, years and lists', () => {
    const date = { name: 'd', label: 'Date', type: 'DATE', required: false } as const;
    expect(checkField('d', date, '2024-02-29')).toBeNull();
    expect(checkField('d', date, '2023-02-29')?.message).toContain('YYYY-MM-DD');
    const url = { name: 'u', label: 'URL', type: 'URL', required: true } as const;
    expect(checkField('u', url, 'ftp://x')?.message).toContain('http');
    expect(checkField('u', url, '')).toEqual({ field: 'u', message: 'is required: give the url.' });
    const list = { name: 'aliases', label: 'Aliases', type: 'TEXT_LIST', required: false, max: 3 } as const;
    expect(checkField('a', list, ['UAV', 'uav'])).toEqual({ field: 'a[1]', message: '"uav" is listed twice; keep one.' });
    expect(checkField('a', list, ['a', 'b', 'c', 'd'])?.message).toBe('may hold at most 3 entries (got 4).');
  });

  it('refuses unknown fields and, on an update, checks only the fields given', () => {
    const fields = KIND_SPECS.find((k) => k.kind === 'Country')!.fields;
    expect(checkFields('a', fields, { iso2: 'DE', eu: true, capital: 'Berlin' }, false, 'a country')).toEqual([
      { field: 'a.capital', message: 'is not a field of a country; its fields are iso2, eu.' },
    ]);
    expect(checkFields('a', fields, {}, false, 'a country').map((p) => p.field)).toEqual(['a.iso2', 'a.eu']);
    expect(checkFields('a', fields, { eu: false }, true, 'a country')).toEqual([]);
  });

  it('normalises texts and fills every field on create, only the given ones on update', () => {
    const fields = KIND_SPECS.find((k) => k.kind === 'Project')!.fields;
    expect(normaliseFields(fields, { acronym: ' AHEAD ', url: '' }, false)).toEqual({ acronym: 'AHEAD', startDate: null, endDate: null, url: null });
    expect(normaliseFields(fields, { acronym: 'X' }, true)).toEqual({ acronym: 'X' });
  });
});

describe('entity and link inputs', () => {
  it('names every problem of a new entity', () => {
    expect(entityProblems('Technology', { id: 'cap:x', name: 'A', attributes: { trl: 0 } }, false).map((p) => p.field)).toEqual([
      'input.id',
      'input.name',
      'input.attributes.trl',
    ]);
    expect(entityProblems('Scenario', { name: 'S' }, false)[0]!.field).toBe('input.kind');
    expect(entityProblems('Source', { name: 'Report', attributes: { publisher: 'JRC', year: 2024, url: 'https://x.org' } }, false)).toEqual([]);
  });

  it('refuses a self link where it means nothing, and missing required properties', () => {
    expect(linkProblems({ type: 'SUBSTITUTES', fromId: 'comp:a', toId: 'comp:a' })).toEqual([
      { field: 'input.toId', message: 'must differ from the other end: nothing can substitute for itself.' },
    ]);
    expect(linkProblems({ type: 'ENABLES', fromId: 'tech:a', toId: 'cap:b', properties: {} })).toEqual([
      { field: 'input.properties.strength', message: 'is required: give the strength.' },
    ]);
    expect(linkProblems({ type: 'LOCATED_IN', fromId: 'sup:a', toId: 'country:b' })).toEqual([]);
  });
});

describe('merge rules', () => {
  it("keeps keep's aliases, adds the merged name and aliases once, never keep's own name", () => {
    expect(mergedAliases({ name: 'Uncrewed aircraft', aliases: ['UAV'] }, { name: 'Drone', aliases: ['uav', 'RPAS', 'Uncrewed Aircraft'] })).toEqual([
      'UAV',
      'Drone',
      'RPAS',
    ]);
  });
});
