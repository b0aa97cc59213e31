// The import report as the web app shows it: grouped by sheet, values as the workbook writes them, long lists capped.
import { describe, expect, it } from 'vitest';
import { capped, cellText, groupBySheet, sheetSummary, summary, toBase64, type MapImportRow } from '../../web/src/views/Sheets/sheets-report';

const row = (sheet: string, n: number, status: MapImportRow['status']): MapImportRow => ({ sheet, row: n, key: `${sheet}-${n}`, status, changes: [] });

describe('groupBySheet', () => {
  it('keeps the order sheets first appear in, splits new / changed / unchanged and sorts by row', () => {
    const sections = groupBySheet({
      rows: [
        row('Technology', 5, 'CHANGED'),
        row('Technology', 2, 'NEW'),
        row('Technology', 3, 'UNCHANGED'),
        row('SUPPLIED_BY', 2, 'NEW'),
        row('Technology', 4, 'CHANGED'),
      ],
      errors: [
        { sheet: 'Country', row: 7, column: 'iso2', message: 'two letters' },
        { sheet: 'Technology', row: 9, column: 'trl', message: 'must be 1–9' },
        { sheet: 'Technology', row: 6, column: null, message: 'duplicate id' },
      ],
    });
    expect(sections.map((s) => s.sheet)).toEqual(['Technology', 'SUPPLIED_BY', 'Country']);
    const tech = sections[0]!;
    expect(tech.created.map((r) => r.row)).toEqual([2]);
    expect(tech.changed.map((r) => r.row)).toEqual([4, 5]);
    expect(tech.unchanged).toBe(1);
    expect(tech.errors.map((e) => e.row)).toEqual([6, 9]);
    expect(sections[2]).toEqual({
      sheet: 'Country',
      created: [],
      changed: [],
      unchanged: 0,
      errors: [{ sheet: 'Country', row: 7, column: 'iso2', message: 'two letters' }],
    });
  });

  it('gives no section for an empty report', () => {
    expect(groupBySheet({ rows: [], errors: [] })).toEqual([]);
  });
});

describe('cellText', () => {
  it('writes values as the workbook does', () => {
    expect(cellText(null)).toBe('(empty)');
    expect(cellText('')).toBe('(empty)');
    expect(cellText([])).toBe('(empty)');
    expect(cellText(['UAV', 'UAS'])).toBe('UAV; UAS');
    expect(cellText(0)).toBe('0');
    expect(cellText(false)).toBe('false');
    expect(cellText(0.35)).toBe('0.35');
  });
});

describe('capped and summary', () => {
  it('shows the first rows unless all are asked for', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(capped(items, false, 20)).toHaveLength(20);
    expect(capped(items, true, 20)).toHaveLength(25);
    expect(capped([1, 2], false, 20)).toEqual([1, 2]);
  });

  it('names errors only when there are some, singular for one', () => {
    expect(summary({ created: 1, changed: 2, unchanged: 40, errors: 0 })).toBe('1 new, 2 changed, 40 unchanged');
    expect(summary({ created: 0, changed: 0, unchanged: 0, errors: 1 })).toBe('0 new, 0 changed, 0 unchanged, 1 error');
    expect(summary({ created: 0, changed: 0, unchanged: 0, errors: 3 })).toBe('0 new, 0 changed, 0 unchanged, 3 errors');
  });
});

describe('sheetSummary', () => {
  it('names only what the sheet has', () => {
    const [tech] = groupBySheet({
      rows: [row('Technology', 2, 'CHANGED'), row('Technology', 3, 'NEW')],
      errors: [{ sheet: 'Technology', row: 4, column: 'trl', message: 'x' }],
    });
    expect(sheetSummary(tech!)).toBe('1 new, 1 changed, 1 error');
  });
});

describe('toBase64', () => {
  it('encodes bytes, also beyond one chunk', () => {
    expect(toBase64(new TextEncoder().encode('id,name\n'))).toBe('aWQsbmFtZQo=');
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(big), 'base64').equals(Buffer.from(big))).toBe(true);
  });
});
