// Cypher of full-text search: the hits per kind (facets and totals) and one page of hits in rank order.
// The Lucene query comes from lucene-query.ts (server/src/fulltext) (letters and digits only); everything else is a parameter.
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import { int } from '../db/values.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { KIND_RANK } from './search.analysis.js';

export interface SearchRow {
  entity: EntityRecord;
  score: number;
  exact: boolean;
}

/** Every hit counted per kind: no page limit, so the total is right however many match. */
export async function countHitsByKind(db: Database, query: string): Promise<{ kind: EntityKind; count: number }[]> {
  return db.read<{ kind: EntityKind; count: number }>(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node
     RETURN ${KIND_OF('node')} AS kind, count(*) AS count`,
    { index: FULLTEXT_INDEX, query },
  );
}

/**
 * One page in rank order: an exact name or alias match first, then the Lucene score (rounded, so near-equal scores
 * tie and the kind order decides), then kind, name and id (a stable order for paging).
 */
export async function findHitPage(db: Database, query: string, exact: string, kinds: EntityKind[] | null, skip: number, limit: number): Promise<SearchRow[]> {
  const rows = await db.read<{ kind: EntityKind; props: Record<string, unknown>; score: number; exact: boolean }>(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WITH node, score, ${KIND_OF('node')} AS kind
     WHERE $kinds IS NULL OR kind IN $kinds
     WITH node, score, kind,
          toLower(node.name) = $exact OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact) AS exact
     ORDER BY exact DESC, round(score, 4) DESC, coalesce($kindRank[kind], 99), node.name, node.id
     SKIP $skip LIMIT $limit
     RETURN kind, properties(node) AS props, score, exact`,
    { index: FULLTEXT_INDEX, query, exact, kinds, kindRank: KIND_RANK, skip: int(skip), limit: int(limit) },
  );
  return rows.map((r) => ({ entity: toEntity(r), score: r.score, exact: r.exact }));
}
