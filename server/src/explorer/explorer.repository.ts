// Cypher for exploring the map: neighbourhoods (search is search.repository.ts).
import type { Database } from '../db/database.js';
import { RELATIONSHIP_TYPE_NAMES, type EntityKind } from '../db/labels.js';
import { int } from '../db/values.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';

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
