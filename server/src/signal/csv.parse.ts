// Reads a CSV of signals with csv-parse into raw records. The first row is the header; columns are found by
// name (any case, spaces or underscores ignored, a few aliases). A file csv-parse cannot read (an unclosed quote)
// or whose header lacks a required column is a FeedError: nothing is imported. A row with the wrong number of
// fields is one rejected record, not a failed import.
import { CsvError, parse } from 'csv-parse/sync';
import { FeedError, stripBom, type ParsedFeed } from './feed.parse.js';
import type { RawSignal } from './signal.model.js';

type Column = 'title' | 'summary' | 'url' | 'publisher' | 'publishedAt' | 'observedAt' | 'steep' | 'status' | 'targetIds';

const ALIASES: Record<string, Column> = {
  title: 'title',
  headline: 'title',
  summary: 'summary',
  description: 'summary',
  abstract: 'summary',
  url: 'url',
  link: 'url',
  sourceurl: 'url',
  publisher: 'publisher',
  source: 'publisher',
  publishedat: 'publishedAt',
  published: 'publishedAt',
  datepublished: 'publishedAt',
  date: 'publishedAt',
  observedat: 'observedAt',
  observed: 'observedAt',
  dateobserved: 'observedAt',
  steep: 'steep',
  category: 'steep',
  status: 'status',
  links: 'targetIds',
  technologies: 'targetIds',
  targets: 'targetIds',
  indicates: 'targetIds',
};

export const REQUIRED_COLUMNS: readonly Column[] = ['title', 'url', 'publishedAt'];

function columnOf(header: string): Column | undefined {
  const key = [...header.toLowerCase()].filter((ch) => ch !== ' ' && ch !== '_' && ch !== '-').join('');
  return ALIASES[key];
}

/** Comma, semicolon (spreadsheet exports in much of Europe) or tab: whichever the header line has most of, outside quotes. */
export function detectDelimiter(content: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of content) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** Link targets in one cell: ids separated by "|", white space or (with a comma-delimited file) ";". */
function splitIds(cell: string): string[] {
  const ids: string[] = [];
  let current = '';
  for (const ch of cell) {
    if (ch === '|' || ch === ';' || ch === ',' || ch === ' ' || ch === '\t') {
      if (current) ids.push(current);
      current = '';
    } else current += ch;
  }
  if (current) ids.push(current);
  return ids;
}

export function parseCsv(content: string): ParsedFeed {
  const text = stripBom(content);
  if (text.trim() === '') throw new FeedError('The CSV file is empty; it needs a header row and one row per signal.');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const detail = error instanceof CsvError ? error.message : String(error);
    throw new FeedError(`The CSV file cannot be read: ${detail}`);
  }
  const [header, ...data] = rows;
  if (!header) throw new FeedError('The CSV file is empty; it needs a header row and one row per signal.');
  const columns = header.record.map(columnOf);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new FeedError(
      `The CSV header must name the columns ${REQUIRED_COLUMNS.join(', ')} (found: ${header.record.join(', ') || 'nothing'}); missing: ${missing.join(', ')}.`,
    );
  }
  const records = data.map(({ record, info }, index): RawSignal => {
    const raw: RawSignal = { position: index + 1, line: info.lines };
    if (record.length !== header.record.length) {
      raw.problem = `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${header.record.length}`;
    }
    record.forEach((cell, i) => {
      const column = columns[i];
      if (!column || cell === '') return;
      if (column === 'targetIds') raw.targetIds = splitIds(cell);
      else raw[column] = cell;
    });
    return raw;
  });
  return { format: 'csv', title: null, records };
}
