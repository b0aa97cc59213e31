import { describe, expect, it } from 'vitest';
import { linkKey, planWorkbook, type CurrentMap } from './map-sheets.diff.js';
import { SHEETS, cellValue, parseSheet, toCell } from './map-sheets.layout.js';
import { LINK_SPEC } from './mapping-model.js';

const current = (): CurrentMap => ({
  entities: new Map([
    ['src:doc', { kind: 'Source', values: { name: 'Doc', sources: null } }],
    [
      'mat:m',
      {
        kind: 'Material',
        values: { name: 'Material M', description: null, aliases: null, criticalRawMaterial: true, strategicRawMaterial: null, sources: ['src:doc'] },
      },
    ],
    ['sup:s', { kind: 'Supplier', values: { name: 'Supplier S', description: null, aliases: null, sources: null } }],
    ['sup:t', { kind: 'Supplier', values: { name: 'Supplier T', description: null, aliases: null, sources: null } }],
  ]),
  links: new Map([[linkKey('SUPPLIED_BY', 'mat:m', 'sup:s'), { share: 0.7, year: null, basis: null, sources: null }]]),
});

describe('the sheet layout', () => {
  it('has a sheet per kind (sources first) and per link type, with the model\u2019s fields as columns', () => {
    expect(SHEETS[0]!.name).toBe('Source');
    expect(SHEETS.find((s) => s.name === 'Country')!.columns).toEqual(['id', 'name', 'description', 'aliases', 'iso2', 'eu', 'sources']);
    expect(SHEETS.find((s) => s.name === 'SUPPLIED_BY')!.columns).toEqual(['from', 'to', 'share', 'year', 'basis', 'sources']);
  });

  it('reads cells as the field types and writes them back the same way', () => {
    const share = LINK_SPEC.get('SUPPLIED_BY')!.properties[0]!;
    expect(cellValue(share, '0.25')).toBe(0.25);
    expect(cellValue(share, 'a quarter')).toBe('a quarter');
    expect(cellValue({ name: 'eu', label: 'EU', type: 'BOOLEAN', required: true }, 'Yes')).toBe(true);
    expect(cellValue({ name: 'sources', label: 'S', type: 'TEXT_LIST', required: false }, 'src:a; src:b;')).toEqual(['src:a', 'src:b']);
    expect(toCell(['src:a', 'src:b'])).toBe('src:a; src:b');
    expect(toCell([])).toBeNull();
  });

  it('names the sheet, row and column of every bad cell', () => {
    const parsed = parseSheet('Country', [
      ['id', 'name', 'iso2', 'eu'],
      ['country:de', 'Germany', 'DE', 'maybe'],
      [null, null, null, null],
      ['cty:fr', 'France', 'FR', true],
    ]);
    expect(parsed.errors).toEqual([
      { sheet: 'Country', row: 2, column: 'eu', message: 'must be true or false, got "maybe".' },
      { sheet: 'Country', row: 4, column: 'id', message: 'must look like "country:lowercase-words", got "cty:fr".' },
    ]);
  });
});

describe('planning an import', () => {
  it('sorts rows into new, changed (with before and after) and unchanged', () => {
    const sheets = [
      parseSheet('Supplier', [
        ['id', 'name', 'sources'],
        ['sup:s', 'Supplier S', null],
        ['sup:t', 'Supplier T2', 'src:doc'],
        [null, 'Supplier U', null],
      ]),
      parseSheet('SUPPLIED_BY', [
        ['from', 'to', 'share'],
        ['mat:m', 'sup:s', 0.7],
        ['mat:m', 'sup:supplier-u', 0.2],
      ]),
    ];
    const plan = planWorkbook(sheets, current(), false);
    expect(plan.errors).toEqual([]);
    expect(plan.entities.map((e) => [e.id, e.status, e.changes])).toEqual([
      ['sup:s', 'UNCHANGED', []],
      [
        'sup:t',
        'CHANGED',
        [
          { field: 'name', before: 'Supplier T', after: 'Supplier T2' },
          { field: 'sources', before: null, after: ['src:doc'] },
        ],
      ],
      ['sup:supplier-u', 'NEW', [{ field: 'name', before: null, after: 'Supplier U' }]],
    ]);
    expect(plan.links.map((l) => [l.row.to, l.status])).toEqual([
      ['sup:s', 'UNCHANGED'],
      ['sup:supplier-u', 'NEW'],
    ]);
  });

  it('refuses shares over 1 counting the map\u2019s other suppliers, unknown ends and sources, kinds the model does not allow', () => {
    const sheets = [
      parseSheet('SUPPLIED_BY', [
        ['from', 'to', 'share', 'sources'],
        ['mat:m', 'sup:t', 0.4, 'src:nope'],
        ['sup:s', 'sup:t', null, null],
        ['mat:x', 'sup:t', 0.1, null],
      ]),
    ];
    const plan = planWorkbook(sheets, current(), false);
    expect(plan.errors).toEqual([
      { sheet: 'SUPPLIED_BY', row: 2, column: 'sources', message: '"src:nope" is not a source of the map or of the Source sheet; add it there first.' },
      { sheet: 'SUPPLIED_BY', row: 3, column: 'from', message: '"sup:s" is a Supplier; a SUPPLIED_BY link goes from Component or Material.' },
      { sheet: 'SUPPLIED_BY', row: 4, column: 'from', message: 'no entity has id "mat:x", in the map or in the workbook.' },
      { sheet: 'SUPPLIED_BY', row: 2, column: 'share', message: "the shares of mat:m's suppliers would add up to 1.100, more than 1." },
    ]);
  });

  it('lets only admins add to the EU official lists, and refuses an id given twice', () => {
    const sheets = [
      parseSheet('KetArea', [
        ['id', 'name', 'framework'],
        ['ket:x', 'X area', 'KET-2018'],
        ['ket:x', 'X again', 'KET-2018'],
      ]),
    ];
    expect(planWorkbook(sheets, current(), false).errors.map((e) => [e.row, e.column])).toEqual([
      [2, null],
      [3, 'id'],
    ]);
    expect(planWorkbook(sheets, current(), true).errors.map((e) => [e.row, e.column])).toEqual([[3, 'id']]);
  });
});
