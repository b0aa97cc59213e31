// An import from start to report: validate the request, read the file, parse (feed or CSV), check every record,
// then plan and write in one transaction. A malformed file stops here with BAD_USER_INPUT, having written nothing.
import type { Database } from '../db/database.js';
import { assertValid, badInput } from '../graphql/errors.js';
import { numberInRange, oneOf, optionalText, problems } from '../graphql/validation.js';
import { parseCsv } from './csv.parse.js';
import { FeedError, IMPORT_FORMATS, looksLikeXml, parseFeed, type ParsedFeed } from './feed.parse.js';
import { checkRecord } from './signal.intake.js';
import { runImport } from './signal.import.repository.js';
import type { Actor } from '../history/history.model.js';
import { readImportFile } from './signal.import-source.js';
import type { SignalImportInput, SignalImportReport } from './signal.import.type.js';
import { DEFAULT_RELEVANCE, STEEP_CATEGORIES, type Steep } from './signal.model.js';
import { today } from './signal.text.js';
import type { SignalImportFormat } from '../vocabulary/vocabularies.js';

/** Uploaded content arrives inside the GraphQL request (the API accepts 1 MB bodies); larger files go through path. */
export const MAX_CONTENT_CHARS = 1_000_000;
export const MAX_RECORDS = 5000;

export function validateImportInput(input: SignalImportInput): void {
  const hasContent = typeof input.content === 'string' && input.content !== '';
  const hasPath = typeof input.path === 'string' && input.path.trim() !== '';
  assertValid(
    problems(
      hasContent === hasPath
        ? { field: 'input.content', message: hasContent ? 'give content or path, not both.' : 'give the file content (an upload) or a path on the server.' }
        : null,
      hasContent && input.content!.length > MAX_CONTENT_CHARS
        ? { field: 'input.content', message: `is larger than ${MAX_CONTENT_CHARS} characters; put the file in the import folder and give its path.` }
        : null,
      optionalText('input.fileName', input.fileName, 300),
      oneOf('input.format', input.format, IMPORT_FORMATS),
      oneOf('input.defaultSteep', input.defaultSteep, STEEP_CATEGORIES),
      numberInRange('input.relevance', input.relevance, 0, 1),
      (input.linkTo?.length ?? 0) > 50 ? { field: 'input.linkTo', message: 'must name at most 50 targets.' } : null,
    ),
  );
}

function parseContent(content: string, format: string | null | undefined, field: string): ParsedFeed {
  try {
    if (format === 'csv' || (!format && !looksLikeXml(content))) return parseCsv(content);
    const feed = parseFeed(content);
    if (format && format !== feed.format) {
      throw badInput({ field: 'input.format', message: `is ${format}, but the file is ${feed.format === 'atom' ? 'an Atom' : 'an RSS'} feed.` });
    }
    return feed;
  } catch (error) {
    if (error instanceof FeedError) throw badInput({ field, message: error.message });
    throw error;
  }
}

export async function importSignals(db: Database, input: SignalImportInput, actor: Actor, now = new Date()): Promise<SignalImportReport> {
  validateImportInput(input);
  const field = input.content ? 'input.content' : 'input.path';
  const content = input.content ? input.content : await readImportFile(input.path!.trim());
  const parsed = parseContent(content, input.format, field);
  if (parsed.records.length > MAX_RECORDS) {
    throw badInput({ field, message: `has ${parsed.records.length} records; import at most ${MAX_RECORDS} at a time.` });
  }
  const defaults = { steep: (input.defaultSteep ?? 'technological') as Steep, status: 'new' as const, observedAt: today(now) };
  const checked = parsed.records.map((record) => checkRecord(record, defaults));
  const fileName = input.fileName?.trim() || (input.path ? input.path.trim().split(/[\\/]/).pop()! : null);
  const plan = await runImport(db, {
    checked,
    linkTo: [...new Set(input.linkTo ?? [])],
    relevance: input.relevance ?? DEFAULT_RELEVANCE,
    actor,
    importedFrom: fileName ?? parsed.title,
    dryRun: input.dryRun ?? false,
  });
  const count = (outcome: string) => plan.filter((p) => p.outcome === outcome).length;
  return {
    format: parsed.format as SignalImportFormat,
    fileName,
    feedTitle: parsed.title,
    dryRun: input.dryRun ?? false,
    total: plan.length,
    created: count('created'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    items: plan.map(({ draft: _draft, ...item }) => item),
  };
}
