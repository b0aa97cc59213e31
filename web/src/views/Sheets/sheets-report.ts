// The import report as an analyst reads it: one section per sheet, in workbook order, with its new and changed rows
// and its errors; values shown as the spreadsheet would show them. The report's shapes are generated (npm run codegen).
import type * as Api from '../../lib/graphql/api-types';

export type MapRowStatus = Api.MapRowStatus;
export type MapImportReport = Api.ImportMapMutation['importMap'];
export type MapImportRow = MapImportReport['rows'][number];
export type FieldChange = MapImportRow['changes'][number];
export type MapImportError = MapImportReport['errors'][number];

export interface SheetSection {
  sheet: string;
  created: MapImportRow[];
  changed: MapImportRow[];
  unchanged: number;
  errors: MapImportError[];
}

/** Groups rows and errors by sheet, keeping the order the sheets first appear in; rows and errors by row number. */
export function groupBySheet(report: Pick<MapImportReport, 'rows' | 'errors'>): SheetSection[] {
  const sections = new Map<string, SheetSection>();
  const sectionOf = (sheet: string): SheetSection => {
    let section = sections.get(sheet);
    if (!section) {
      section = { sheet, created: [], changed: [], unchanged: 0, errors: [] };
      sections.set(sheet, section);
    }
    return section;
  };
  for (const row of report.rows) {
    const section = sectionOf(row.sheet);
    if (row.status === 'NEW') section.created.push(row);
    else if (row.status === 'CHANGED') section.changed.push(row);
    else section.unchanged++;
  }
  for (const error of report.errors) sectionOf(error.sheet).errors.push(error);
  const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;
  for (const section of sections.values()) {
    section.created.sort(byRow);
    section.changed.sort(byRow);
    section.errors.sort(byRow);
  }
  return [...sections.values()];
}

/** A cell value as text: empty is "(empty)", lists joined by "; " as in the workbook. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map((v) => cellText(v)).join('; ') : '(empty)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows listed per section before "Show all". */
export const ROWS_SHOWN = 20;

/** The first `limit` items unless all are asked for. */
export function capped<T>(items: readonly T[], showAll: boolean, limit = ROWS_SHOWN): T[] {
  return showAll ? [...items] : items.slice(0, limit);
}

/** "3 new, 1 changed, 40 unchanged, 2 errors" — the summary line of a sheet or the whole report. */
export function summary(counts: { created: number; changed: number; unchanged: number; errors: number }): string {
  const parts = [`${counts.created} new`, `${counts.changed} changed`, `${counts.unchanged} unchanged`];
  if (counts.errors) parts.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** A sheet's heading line: only what it has (the report counts unchanged rows for the whole file, not per sheet). */
export function sheetSummary(section: SheetSection): string {
  const parts: string[] = [];
  if (section.created.length) parts.push(`${section.created.length} new`);
  if (section.changed.length) parts.push(`${section.changed.length} changed`);
  if (section.unchanged) parts.push(`${section.unchanged} unchanged`);
  if (section.errors.length) parts.push(`${section.errors.length} error${section.errors.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The file's bytes as base64, for the importMap mutation (chunked: spreading a large array overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
