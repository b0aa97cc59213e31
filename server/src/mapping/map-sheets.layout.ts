// The spreadsheet layout of the map (docs/mapping-spreadsheets.md), built from the mapping model so the columns are
// the form fields: one sheet per kind (id, name, description, aliases, the kind's fields, sources) and one per link
// type (from, to, its properties, sources). Pure: cells in, typed rows and per-cell errors out.
import type { EntityKind } from '../db/labels.js';
import type { FieldProblem } from '../graphql/errors.js';
import { checkField, checkFields } from './mapping-fields.validation.js';
import { COMMON_FIELDS, KIND_SPEC, KIND_SPECS, LINK_SPEC, LINK_SPECS, NAME_MAX, NAME_MIN, type FieldSpec, type LinkType } from './mapping-model.js';

/** Lists (aliases, sources) are written in one cell, separated by semicolons. */
export const LIST_SEPARATOR = '; ';

export type Cell = string | number | boolean | null;

export interface SheetLayout {
  name: string;
  kind?: EntityKind;
  linkType?: LinkType;
  /** Column headers in order; each names a field of the model (or id / from / to / sources). */
  columns: string[];
}

const SOURCES_SPEC: FieldSpec = { name: 'sources', label: 'Sources', type: 'TEXT_LIST', required: false };
const ID_SPEC: FieldSpec = { name: 'id', label: 'Id', type: 'TEXT', required: false, max: 121 };
const END_SPEC = (name: 'from' | 'to'): FieldSpec => ({ name, label: name === 'from' ? 'From id' : 'To id', type: 'TEXT', required: true, max: 121 });

// Sources first, so a workbook is read (and written) in the order it can be applied.
const KIND_ORDER = [...KIND_SPECS].sort((a, b) => Number(b.kind === 'Source') - Number(a.kind === 'Source'));

export const SHEETS: readonly SheetLayout[] = [
  ...KIND_ORDER.map((k) => ({ name: k.kind, kind: k.kind, columns: ['id', ...COMMON_FIELDS.map((f) => f.name), ...k.fields.map((f) => f.name), 'sources'] })),
  ...LINK_SPECS.map((l) => ({ name: l.type, linkType: l.type, columns: ['from', 'to', ...l.properties.map((p) => p.name), 'sources'] })),
];
export const SHEET_BY_NAME = new Map(SHEETS.map((s) => [s.name, s]));

function specOf(sheet: SheetLayout, column: string): FieldSpec | undefined {
  if (column === 'sources') return SOURCES_SPEC;
  if (sheet.kind) {
    if (column === 'id') return ID_SPEC;
    return COMMON_FIELDS.find((f) => f.name === column) ?? KIND_SPEC.get(sheet.kind)!.fields.find((f) => f.name === column);
  }
  if (column === 'from' || column === 'to') return END_SPEC(column);
  return LINK_SPEC.get(sheet.linkType!)!.properties.find((p) => p.name === column);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** A cell as the field's type; what cannot be read stays as it was, for the field check to name. */
export function cellValue(spec: FieldSpec, cell: Cell): unknown {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  switch (spec.type) {
    case 'INT':
    case 'YEAR':
    case 'FLOAT':
    case 'SHARE': {
      if (typeof cell === 'number') return cell;
      const n = Number(String(cell).trim());
      return Number.isFinite(n) ? n : cell;
    }
    case 'BOOLEAN': {
      if (typeof cell === 'boolean') return cell;
      const text = String(cell).trim().toLowerCase();
      return TRUE.has(text) ? true : FALSE.has(text) ? false : cell;
    }
    case 'TEXT_LIST':
      return String(cell)
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return String(cell).trim();
  }
}

/** A value as written to a cell (the inverse of cellValue). */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.join(LIST_SEPARATOR) : null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

export interface SheetError {
  sheet: string;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface EntityRow {
  sheet: string;
  row: number;
  kind: EntityKind;
  id: string | null;
  values: Record<string, unknown>;
}

export interface LinkRow {
  sheet: string;
  row: number;
  type: LinkType;
  from: string;
  to: string;
  values: Record<string, unknown>;
}

export interface ParsedSheet {
  entities: EntityRow[];
  links: LinkRow[];
  errors: SheetError[];
}

const toSheetError =
  (sheet: string, row: number) =>
  (p: FieldProblem): SheetError => ({ sheet, row, column: p.field.replace(/^row\./, '').replace(/\[\d+\]$/, ''), message: p.message });

/** One sheet's cells (first row: headers) as typed rows, or errors naming the sheet, row and column. */
export function parseSheet(name: string, cells: Cell[][]): ParsedSheet {
  const out: ParsedSheet = { entities: [], links: [], errors: [] };
  const sheet = SHEET_BY_NAME.get(name);
  if (!sheet) {
    out.errors.push({
      sheet: name,
      row: 1,
      column: null,
      message: `is not a sheet of the map layout; name sheets after a kind (Technology…) or a link type (SUPPLIED_BY…), see docs/mapping-spreadsheets.md.`,
    });
    return out;
  }
  const headers = (cells[0] ?? []).map((h) => String(h ?? '').trim());
  for (const header of headers) {
    if (header && !sheet.columns.includes(header))
      out.errors.push({ sheet: name, row: 1, column: header, message: `is not a column of ${name}; its columns are ${sheet.columns.join(', ')}.` });
  }
  for (const required of sheet.kind ? ['name'] : ['from', 'to']) {
    if (!headers.includes(required)) out.errors.push({ sheet: name, row: 1, column: required, message: 'this column is missing; add it to the header row.' });
  }
  if (out.errors.length) return out;
  for (let r = 1; r < cells.length; r++) {
    const rowCells = cells[r] ?? [];
    if (rowCells.every((c) => c === null || String(c).trim() === '')) continue;
    const values: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      if (header) values[header] = cellValue(specOf(sheet, header)!, rowCells[i] ?? null);
    });
    const rowNumber = r + 1;
    const problems = sheet.kind ? entityRowProblems(sheet.kind, values, headers) : linkRowProblems(sheet.linkType!, values, headers);
    if (problems.length) {
      out.errors.push(...problems.map(toSheetError(name, rowNumber)));
      continue;
    }
    if (sheet.kind) out.entities.push({ sheet: name, row: rowNumber, kind: sheet.kind, id: (values.id as string | null) ?? null, values });
    else out.links.push({ sheet: name, row: rowNumber, type: sheet.linkType!, from: values.from as string, to: values.to as string, values });
  }
  return out;
}

function present(values: Record<string, unknown>, headers: string[], names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => headers.includes(n)).map((n) => [n, values[n]]));
}

function entityRowProblems(kind: EntityKind, values: Record<string, unknown>, headers: string[]): FieldProblem[] {
  const spec = KIND_SPEC.get(kind)!;
  const nameSpec: FieldSpec = { ...COMMON_FIELDS[0]!, min: NAME_MIN, max: NAME_MAX };
  const problems = [
    values.id ? checkIdPrefix(values.id, spec.idPrefix) : null,
    checkField('row.name', nameSpec, values.name),
    ...checkFields('row', COMMON_FIELDS.slice(1), present(values, headers, ['description', 'aliases']), true, kind),
    ...checkFields(
      'row',
      spec.fields,
      present(
        values,
        headers,
        spec.fields.map((f) => f.name),
      ),
      true,
      kind,
    ),
  ];
  return problems.filter((p): p is FieldProblem => p !== null);
}

function checkIdPrefix(id: unknown, prefix: string): FieldProblem | null {
  return typeof id === 'string' && new RegExp(`^${prefix}:[a-z0-9][a-z0-9._-]{0,119}$`).test(id)
    ? null
    : { field: 'row.id', message: `must look like "${prefix}:lowercase-words", got "${String(id)}".` };
}

function linkRowProblems(type: LinkType, values: Record<string, unknown>, headers: string[]): FieldProblem[] {
  const spec = LINK_SPEC.get(type)!;
  const problems = [
    checkField('row.from', END_SPEC('from'), values.from),
    checkField('row.to', END_SPEC('to'), values.to),
    spec.noSelfLink && values.from === values.to ? { field: 'row.to', message: `must differ from "from": nothing ${spec.label} itself.` } : null,
    ...checkFields(
      'row',
      spec.properties,
      present(
        values,
        headers,
        spec.properties.map((p) => p.name),
      ),
      false,
      `a ${spec.label} link`,
    ),
  ];
  return problems.filter((p): p is FieldProblem => p !== null);
}
