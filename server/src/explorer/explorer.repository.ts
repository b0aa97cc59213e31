// Cypher for exploring the map: neighbourhoods and full-text search.
import type { Database } from '../db/database.js';
import { RELATIONSHIP_TYPE_NAMES, type EntityKind } from '../db/labels.js';
import { FULLTEXT_INDEX } from '../db/schema.js';
import { int } from '../db/values.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { toLuceneQuery } from './lucene.js';

// Map relationships only: sources, annotations and scenarios are not walked through.
const MAP_TYPES = RELATIONSHIP_TYPE_NAMES.join('|');

// A path length cannot be a parameter, so each allowed depth has its own fixed query text.
function neighbourhoodQuery(depth: number): string {
  return `
    MATCH (centre:Entity {id: $id})
    OPTIONAL MATCH p = ANY SHORTEST (centre)-[:${MAP_TYPES}]-{1,${depth}}(n:Entity)
    WITH centre, n, length(p) AS distance
    ORDER BY distance, n.name
    WITH centre, collect(n) AS reached
    WITH centre, [centre] + reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
    CALL (nodes) {
      UNWIND nodes AS a
      MATCH (a)-[r:${MAP_TYPES}]->(b) WHERE b IN nodes
      RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS links
    }
    RETURN [x IN nodes | {kind: ${KIND_OF('x')}, props: properties(x)}] AS entities, links, truncated`;
}
export const MAX_DEPTH = 3;
const QUERIES = new Map(Array.from({ length: MAX_DEPTH }, (_, i) => [i + 1, neighbourhoodQuery(i + 1)]));

export interface LinkRow {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  sourceIds: string[];
}

export async function findNeighbourhood(db: Database, id: string, depth: number, limit: number) {
  const query = QUERIES.get(depth);
  if (!query) throw new RangeError(`depth must be 1–${MAX_DEPTH}`);
  const [row] = await db.read<{ entities: { kind: EntityKind; props: Record<string, unknown> }[]; links: any[]; truncated: boolean }>(query, {
    id,
    limit: int(limit),
  });
  if (!row) return null;
  const entities = row.entities.map(toEntity);
  const links: LinkRow[] = row.links.map((l) => {
    const { sourceIds, ...properties } = l.props as Record<string, unknown>;
    return { id: `${l.from}|${l.type}|${l.to}`, type: l.type, from: l.from, to: l.to, properties, sourceIds: (sourceIds as string[]) ?? [] };
  });
  return { centre: entities[0]!, entities, links, truncated: row.truncated };
}

export async function searchEntities(db: Database, text: string, first: number, kinds: EntityKind[] | null) {
  const query = toLuceneQuery(text);
  if (!query) return [];
  const rows = await db.read<{ kind: EntityKind; props: Record<string, unknown>; score: number }>(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score
     WITH node, score WHERE $kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)
     RETURN ${KIND_OF('node')} AS kind, properties(node) AS props, score
     ORDER BY score DESC, node.name LIMIT $first`,
    // Fetch more than asked so a kind filter applied afterwards still fills the page.
    { index: FULLTEXT_INDEX, query, fetch: int(kinds ? first * 5 : first), first: int(first), kinds },
  );
  return rows.map((r) => ({ entity: toEntity(r) as EntityRecord, score: r.score }));
}
