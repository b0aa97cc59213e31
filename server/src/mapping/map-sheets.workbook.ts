// Reading and writing the map's workbooks: XLSX through exceljs (one worksheet per sheet of the layout) and CSV (one
// sheet, named by the file: SUPPLIED_BY.csv). Cells come out as plain values (text, number, boolean or null).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { badInput } from '../graphql/errors.js';
import type { Cell, SheetLayout } from './map-sheets.layout.js';

export interface RawSheet {
  name: string;
  cells: Cell[][];
}

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

/** The sheets of an uploaded file; the name tells the format (.xlsx or .csv). Unreadable files are refused, naming `field`. */
export async function readWorkbook(data: Buffer, fileName: string, field = 'file'): Promise<RawSheet[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    try {
      const rows = parse(data.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
      const name = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
      return [{ name, cells: rows.map((r) => r.map((c) => (c === '' ? null : c))) }];
    } catch (error) {
      throw badInput({ field, message: `is not a readable CSV file (${(error as Error).message}).` });
    }
  }
  if (!lower.endsWith('.xlsx')) throw badInput({ field: 'fileName', message: 'must end in .xlsx or .csv.' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw badInput({ field, message: `is not a readable XLSX workbook (${(error as Error).message}).` });
  }
  return workbook.worksheets.map((sheet) => {
    const cells: Cell[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      cells[rowNumber - 1] = Array.from({ length: width }, (_, i) => plainCell(row.getCell(i + 1).value));
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    return { name: sheet.name, cells };
  });
}

/** A workbook with every sheet of the layout (empty ones too, as a template), header row first. */
export async function writeWorkbook(layouts: readonly SheetLayout[], rowsBySheet: Map<string, Cell[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Foresight Atlas';
  for (const layout of layouts) {
    const sheet = workbook.addWorksheet(layout.name);
    sheet.addRow(layout.columns);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rowsBySheet.get(layout.name) ?? []) sheet.addRow(row);
    layout.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = i < 2 ? 32 : 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
