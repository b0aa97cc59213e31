// Unit tests of the spec-driven forms' rules: typed text → API values, client checks, API error paths → fields.
import { describe, expect, it } from 'vitest';
import {
  displayValue,
  errorsFromApi,
  formFieldOf,
  formValuesFrom,
  readValues,
  slugOf,
  splitList,
  unplacedErrors,
  type FieldSpec,
} from '../../web/src/lib/forms/field-spec';

const TRL: FieldSpec = { name: 'trl', label: 'TRL', type: 'INT', required: false, min: 1, max: 9 };
const SHARE: FieldSpec = { name: 'share', label: 'Share', type: 'SHARE', required: false, min: 0, max: 1 };
const EU: FieldSpec = { name: 'eu', label: 'EU member state', type: 'BOOLEAN', required: true };
const HORIZON: FieldSpec = { name: 'horizon', label: 'Horizon', type: 'CHOICE', required: false, choices: ['now', '2030'] };
const URL_FIELD: FieldSpec = { name: 'url', label: 'URL', type: 'URL', required: true };
const ACCESSED: FieldSpec = { name: 'accessed', label: 'Accessed', type: 'DATE', required: false };

describe('formValuesFrom', () => {
  it('turns stored numbers, booleans and lists into input text; missing values are empty', () => {
    expect(
      formValuesFrom([TRL, EU, { name: 'tags', label: 'Tags', type: 'TEXT_LIST', required: false }, SHARE], { trl: 7, eu: false, tags: ['a', 'b'] }),
    ).toEqual({
      trl: '7',
      eu: 'false',
      tags: 'a, b',
      share: '',
    });
  });
});

describe('readValues', () => {
  it('converts text to numbers and booleans, empty to null (unknown)', () => {
    const { values, errors } = readValues([TRL, SHARE, EU, HORIZON], { trl: ' 8 ', share: '0,6', eu: 'true', horizon: '' });
    expect(errors).toEqual({});
    expect(values).toEqual({ trl: 8, share: 0.6, eu: true, horizon: null });
  });

  it('names each problem on its own field: range, whole numbers, required, URL, date, choice', () => {
    const { errors } = readValues([TRL, SHARE, EU, URL_FIELD, ACCESSED, HORIZON], {
      trl: '7.5',
      share: '1.2',
      eu: '',
      url: 'example.org',
      accessed: '31/01/2026',
      horizon: 'soon',
    });
    expect(Object.keys(errors).sort()).toEqual(['accessed', 'eu', 'horizon', 'share', 'trl', 'url']);
    expect(errors.trl).toBe('TRL must be a whole number.');
    expect(errors.share).toBe('Share must be between 0 and 1.');
    expect(errors.eu).toBe('EU member state is required.');
  });
});

describe('splitList', () => {
  it('trims, drops empties and repeats (case-insensitive), keeps order', () => {
    expect(splitList(' UAV, UAS ,, uav, RPAS ')).toEqual(['UAV', 'UAS', 'RPAS']);
  });
});

describe('formFieldOf and errorsFromApi', () => {
  it('maps API paths to form fields', () => {
    expect(formFieldOf('input.attributes.trl')).toBe('trl');
    expect(formFieldOf('input.properties.share')).toBe('share');
    expect(formFieldOf('input.newSources.0.title')).toBe('sources');
    expect(formFieldOf('input.sourceIds.1')).toBe('sources');
    expect(formFieldOf('input.aliases.2')).toBe('aliases');
    expect(formFieldOf('input.name')).toBe('name');
    expect(formFieldOf('input.toId')).toBe('toId');
  });

  it('collects every listed problem, joining two on one field', () => {
    const errors = errorsFromApi(
      {
        field: 'input.name',
        fields: [
          { field: 'input.name', message: 'Give a name.' },
          { field: 'input.attributes.trl', message: 'TRL is 1–9.' },
          { field: 'input.sourceIds.0', message: 'No source "src:x".' },
          { field: 'input.newSources.0.url', message: 'URL is not valid.' },
        ],
      },
      'Invalid input.',
    );
    expect(errors).toEqual({ name: 'Give a name.', trl: 'TRL is 1–9.', sources: 'No source "src:x". URL is not valid.' });
  });

  it('falls back to the single field and the message', () => {
    expect(errorsFromApi({ field: 'input.id' }, 'Duplicate id.')).toEqual({ id: 'Duplicate id.' });
    expect(errorsFromApi({}, 'x')).toEqual({});
  });

  it('lists problems of fields the form does not show', () => {
    expect(unplacedErrors({ name: 'a', kind: 'b' }, ['name'])).toEqual(['kind: b']);
  });
});

describe('displayValue and slugOf', () => {
  it('says unknown for missing values and yes/no for booleans', () => {
    expect(displayValue(null)).toBe('unknown');
    expect(displayValue(undefined, { empty: '—' })).toBe('—');
    expect(displayValue(true)).toBe('yes');
    expect(displayValue(['UAV', 'UAS'])).toBe('UAV, UAS');
    expect(displayValue(0.6)).toBe('0.6');
  });

  it('makes readable ids', () => {
    expect(slugOf('Gallium nitride (GaN) amplifier')).toBe('gallium-nitride-gan-amplifier');
    expect(slugOf('Ägypten Öl')).toBe('agypten-ol');
  });
});
