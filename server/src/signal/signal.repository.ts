// All Cypher that reads signals: the inbox list (filters, full-text), counts, and the INDICATES links both ways.
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import { int } from '../db/values.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { toLuceneQuery } from '../fulltext/lucene-query.js';
import type { Cursor } from '../graphql/connection.js';
import { SIGNAL_STATUSES, STEEP_CATEGORIES, type SignalStatus, type Steep } from './signal.model.js';
import type { SignalFilter } from './signal.type.js';

// Static text: every condition is switched off by a null parameter rather than built from input.
const CONDITIONS = `
  ($steep IS NULL OR s.steep = $steep)
  AND ($targetId IS NULL OR EXISTS { (s)-[:INDICATES]->(:Entity {id: $targetId}) })
  AND ($from IS NULL OR s.publishedAt >= $from)
  AND ($to IS NULL OR s.publishedAt <= $to)`;
const WITH_STATUS = `${CONDITIONS} AND ($status IS NULL OR s.status = $status)`;

// The two ways in: every signal, or the full-text index restricted to signals. Chosen by whether there is text, never built from it.
const ALL_SIGNALS = 'MATCH (s:Signal)';
const TEXT_MATCHES = 'CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS s WITH s WHERE s:Signal';

function params(filter: SignalFilter) {
  const query = filter.text ? toLuceneQuery(filter.text) : null;
  return {
    source: query ? TEXT_MATCHES : ALL_SIGNALS,
    params: {
      index: FULLTEXT_INDEX,
      query,
      status: filter.status ?? null,
      steep: filter.steep ?? null,
      targetId: filter.targetId ?? null,
      from: filter.publishedFrom ?? null,
      to: filter.publishedTo ?? null,
    },
  };
}

/** Text that yields no search words (only punctuation) matches nothing rather than everything. */
function emptySearch(filter: SignalFilter): boolean {
  return typeof filter.text === 'string' && filter.text.trim() !== '' && toLuceneQuery(filter.text) === null;
}

/** Newest first (publication day, then id), a page at a time; the cursor holds the last (day, id). */
export async function listSignals(db: Database, filter: SignalFilter, first: number, after: Cursor | null): Promise<{ rows: EntityRecord[]; total: number }> {
  if (emptySearch(filter)) return { rows: [], total: 0 };
  const { source, params: p } = params(filter);
  const [row] = await db.read<{ total: number; page: Record<string, unknown>[] }>(
    `CALL () { ${source} WITH s WHERE ${WITH_STATUS} RETURN count(s) AS total }
     CALL () {
       ${source} WITH s WHERE ${WITH_STATUS}
         AND ($afterDay IS NULL OR s.publishedAt < $afterDay OR (s.publishedAt = $afterDay AND s.id < $afterId))
       WITH s ORDER BY s.publishedAt DESC, s.id DESC LIMIT $limit
       RETURN collect(properties(s)) AS page
     }
     RETURN total, page`,
    { ...p, afterDay: after?.name ?? null, afterId: after?.id ?? null, limit: int(first + 1) },
  );
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map((props) => toEntity({ kind: 'Signal', props })) };
}

/** The ids of every signal the filter matches (the inbox grouped by cluster keeps these). */
export async function listSignalIds(db: Database, filter: SignalFilter): Promise<string[]> {
  if (emptySearch(filter)) return [];
  const { source, params: p } = params(filter);
  const rows = await db.read<{ id: string }>(`${source} WITH s WHERE ${WITH_STATUS} RETURN s.id AS id`, p);
  return rows.map((r) => r.id);
}

export interface SignalCountsRow {
  total: number;
  byStatus: { value: SignalStatus; count: number }[];
  bySteep: { value: Steep; count: number }[];
}

/** Per status (ignoring the filter's status, so the inbox tabs show what each holds) and per STEEP category. */
export async function countSignals(db: Database, filter: SignalFilter): Promise<SignalCountsRow> {
  const rows = emptySearch(filter)
    ? []
    : await (async () => {
        const { source, params: p } = params(filter);
        return db.read<{ status: string | null; steep: string | null; n: number }>(
          `${source} WITH s WHERE ${CONDITIONS} RETURN s.status AS status, s.steep AS steep, count(*) AS n`,
          p,
        );
      })();
  const matching = rows.filter((r) => !filter.status || r.status === filter.status);
  const sum = (list: typeof rows, pick: (r: (typeof rows)[number]) => boolean) => list.filter(pick).reduce((n, r) => n + r.n, 0);
  return {
    total: sum(matching, () => true),
    byStatus: SIGNAL_STATUSES.map((value) => ({ value, count: sum(rows, (r) => r.status === value) })),
    bySteep: STEEP_CATEGORIES.map((value) => ({ value, count: sum(matching, (r) => r.steep === value) })),
  };
}

export interface IndicatesRow {
  signal: EntityRecord;
  target: EntityRecord;
  relevance: number | null;
}

type LinkRowRaw = { key: string; signal: Record<string, unknown>; kind: EntityKind; target: Record<string, unknown>; relevance: number | null };

function toLinkRow(r: LinkRowRaw): IndicatesRow & { key: string } {
  return { key: r.key, signal: toEntity({ kind: 'Signal', props: r.signal }), target: toEntity({ kind: r.kind, props: r.target }), relevance: r.relevance };
}

/** What each signal indicates, most relevant first. */
export async function findLinksOfSignals(db: Database, ids: readonly string[]) {
  const rows = await db.read<LinkRowRaw>(
    `UNWIND $ids AS key
     MATCH (s:Signal {id: key})-[r:INDICATES]->(t)
     RETURN key, properties(s) AS signal, ${KIND_OF('t')} AS kind, properties(t) AS target, r.relevance AS relevance
     ORDER BY coalesce(r.relevance, 0) DESC, t.name`,
    { ids },
  );
  return rows.map(toLinkRow);
}

/** The signals indicating each technology, capability or case study, newest first. */
export async function findSignalsOfTargets(db: Database, ids: readonly string[]) {
  const rows = await db.read<LinkRowRaw>(
    `UNWIND $ids AS key
     MATCH (s:Signal)-[r:INDICATES]->(t:Entity {id: key})
     RETURN key, properties(s) AS signal, ${KIND_OF('t')} AS kind, properties(t) AS target, r.relevance AS relevance
     ORDER BY s.publishedAt DESC, s.id DESC`,
    { ids },
  );
  return rows.map(toLinkRow);
}
