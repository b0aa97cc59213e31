// Search as analysts type: parse the text, count the hits per kind, fetch one page in rank order, and tell per hit
// which field matched. Pages are addressed by an opaque cursor holding the offset of the next hit.
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { aliasesOf } from '../entity/attributes.js';
import { badInput } from '../graphql/errors.js';
import { buildLuceneQuery, parseSearchText } from '../fulltext/lucene-query.js';
import { KIND_RANK, matchedField, type MatchedField } from './search.analysis.js';
import { countHitsByKind, findHitPage } from './search.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';

export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
  exact: boolean;
  matchedField: MatchedField;
  matchedText: string | null;
}

export interface SearchResultsRecord {
  total: number;
  hits: SearchHitRecord[];
  facets: { kind: EntityKind; count: number }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const EMPTY: SearchResultsRecord = { total: 0, hits: [], facets: [], pageInfo: { hasNextPage: false, endCursor: null } };

export function encodeSearchCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ searchOffset: offset }), 'utf8').toString('base64url');
}

export function decodeSearchCursor(value: string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  try {
    const offset = (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { searchOffset?: unknown }).searchOffset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw badInput({ field: 'after', message: 'is not a search cursor; pass pageInfo.endCursor from the previous page of the same search.' });
}

export async function searchMap(db: Database, text: string, first: number, after: string | null, kinds: EntityKind[] | null): Promise<SearchResultsRecord> {
  const offset = decodeSearchCursor(after);
  const { terms, exact } = parseSearchText(text);
  const query = buildLuceneQuery(terms);
  if (!query) return EMPTY;
  const [counts, rows] = await Promise.all([countHitsByKind(db, query), findHitPage(db, query, exact, kinds, offset, first)]);
  const facets = counts.filter((c) => c.kind in KIND_RANK).sort((a, b) => b.count - a.count || KIND_RANK[a.kind]! - KIND_RANK[b.kind]!);
  const total = facets.filter((f) => !kinds || kinds.includes(f.kind)).reduce((n, f) => n + f.count, 0);
  const hits = rows.map(({ entity, score, exact: isExact }) => {
    const match = matchedField({ name: entity.name, aliases: aliasesOf(entity), description: entity.description }, terms, exact);
    return { entity, score, exact: isExact, matchedField: match.field, matchedText: match.text };
  });
  const next = offset + hits.length;
  return { total, hits, facets, pageInfo: { hasNextPage: next < total, endCursor: hits.length ? encodeSearchCursor(next) : null } };
}
