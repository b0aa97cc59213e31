// Cypher for entities of any kind: lookup by id and their sources.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import type { EntityRecord } from './entity.type.js';

/** Cypher fragment naming a node's kind: its label other than :Entity. */
export const KIND_OF = (v: string) => `[l IN labels(${v}) WHERE l <> '${ENTITY_LABEL}'][0]`;

export function toEntity(row: { kind: EntityKind; props: Record<string, unknown> }): EntityRecord {
  return { ...(row.props as { id: string; name: string }), kind: row.kind };
}

export async function findEntitiesByIds(db: Database, ids: readonly string[]): Promise<(EntityRecord | null)[]> {
  const rows = await db.read<{ id: string; kind: EntityKind; props: Record<string, unknown> }>(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     RETURN id, ${KIND_OF('n')} AS kind, properties(n) AS props`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, toEntity(r)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface SourceRow {
  ownerId: string;
  source: EntityRecord;
}

export async function findSourcesOfEntities(db: Database, ids: readonly string[]): Promise<SourceRow[]> {
  const rows = await db.read<{ ownerId: string; props: Record<string, unknown> }>(
    `UNWIND $ids AS ownerId
     MATCH (:${ENTITY_LABEL} {id: ownerId})-[:SOURCED_FROM]->(s:Source)
     RETURN ownerId, properties(s) AS props
     ORDER BY s.year DESC, s.name`,
    { ids },
  );
  return rows.map((r) => ({ ownerId: r.ownerId, source: toEntity({ kind: 'Source', props: r.props }) }));
}

export async function countEntities(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`);
  return row?.n ?? 0;
}
