// Cypher of the generic mapping service: who owns an entity, its sources, free ids, and what deleting it would do.
import type { Database, WriteTx } from '../db/database.js';
import { ENTITY_LABEL, SCENARIO_EVENT_LABEL, SCENARIO_OVERLAY_TYPES, type EntityKind } from '../db/labels.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { idFromName } from '../entity/entity-id.js';
import { modelPropertiesOf, type LinkRecord } from './link.writes.repository.js';
import { LINK_SPEC, LINK_TYPES, type LinkType } from './mapping-model.js';

type Reader = Pick<WriteTx, 'run'>;

export interface EntityOwner {
  kind: EntityKind;
  name: string;
  createdBy: string | null;
  createdByName: string | null;
}

export async function findOwner(tx: Reader, id: string): Promise<EntityOwner | null> {
  const [row] = await tx.run<EntityOwner>(
    `MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${KIND_OF('n')} AS kind, n.name AS name, n.createdBy AS createdBy, n.createdByName AS createdByName`,
    { id },
  );
  return row ?? null;
}

export async function sourceIdsOf(tx: Reader, id: string): Promise<string[]> {
  const [row] = await tx.run<{ ids: string[] }>(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS ids`, { id });
  return row?.ids ?? [];
}

/** The id made from the name, with -2, -3… added until no entity has it (for sources created inline). */
export async function freeId(tx: Reader, kind: EntityKind, name: string): Promise<string> {
  const base = idFromName(kind, name);
  const rows = await tx.run<{ id: string }>(`MATCH (n:${ENTITY_LABEL}) WHERE n.id = $base OR n.id STARTS WITH $prefix RETURN n.id AS id`, {
    base,
    prefix: `${base}-`,
  });
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function linkFromRow(row: { type: LinkType; from: any; fromKind: EntityKind; to: any; toKind: EntityKind; props: Record<string, unknown> }): LinkRecord {
  return {
    type: row.type,
    from: toEntity({ kind: row.fromKind, props: row.from }),
    to: toEntity({ kind: row.toKind, props: row.to }),
    properties: modelPropertiesOf(LINK_SPEC.get(row.type)!, row.props),
    sourceIds: (row.props.sourceIds as string[] | undefined) ?? [],
  };
}

/** The map links touching each entity (both directions), for the loader; `ownerId` says whose. */
export async function findLinksOfEntities(db: Reader, ids: readonly string[]): Promise<(LinkRecord & { ownerId: string })[]> {
  const rows = await db.run<any>(
    `UNWIND $ids AS ownerId
     MATCH (n:${ENTITY_LABEL} {id: ownerId})
     CALL (n) {
       MATCH (n)-[r]->(o:${ENTITY_LABEL}) WHERE type(r) IN $types RETURN r, n AS a, o AS b
       UNION MATCH (o:${ENTITY_LABEL})-[r]->(n) WHERE type(r) IN $types AND o <> n RETURN r, o AS a, n AS b
     }
     RETURN ownerId, type(r) AS type, properties(a) AS from, ${KIND_OF('a')} AS fromKind, properties(b) AS to, ${KIND_OF('b')} AS toKind, properties(r) AS props
     ORDER BY ownerId, type, from.name, to.name`,
    { ids, types: LINK_TYPES },
  );
  return rows.map((row) => ({ ...linkFromRow(row), ownerId: row.ownerId }));
}

/** The map links touching an entity (both directions). */
export async function findLinksOf(db: Reader, id: string): Promise<LinkRecord[]> {
  return findLinksOfEntities(db, [id]);
}

/**
 * What deleting would touch beyond its links: saved scenarios with events on it, capabilities reached from it
 * through the supply chain (or through what it substitutes), and for a source how many facts cite it.
 */
export async function findDeletionReach(db: Database, id: string): Promise<{ scenarios: EntityRecord[]; capabilities: EntityRecord[]; citations: number }> {
  const [row] = await db.read<{ scenarios: Record<string, unknown>[]; capabilities: Record<string, unknown>[]; citations: number }>(
    `MATCH (n:${ENTITY_LABEL} {id: $id})
     RETURN
       COLLECT { MATCH (s:Scenario)-[:${SCENARIO_OVERLAY_TYPES.HAS_EVENT}]->(e:${SCENARIO_EVENT_LABEL}) WHERE e.targetId = $id OR e.replacesId = $id
                 WITH DISTINCT s ORDER BY s.name RETURN properties(s) } AS scenarios,
       COLLECT { UNWIND [n] + [(n)-[:SUBSTITUTES]->(x) | x] AS start
                 MATCH (start)<-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..8]-(:Technology)-[:ENABLES]->(c:Capability)
                 WITH DISTINCT c ORDER BY c.name RETURN properties(c) } +
       CASE WHEN n:Capability THEN [properties(n)] ELSE [] END AS capabilities,
       CASE WHEN n:Source THEN COUNT { (n)<-[:SOURCED_FROM]-() } + COUNT { ()-[r]->() WHERE type(r) IN $types AND $id IN r.sourceIds } ELSE 0 END AS citations`,
    { id, types: LINK_TYPES },
  );
  return {
    scenarios: (row?.scenarios ?? []).map((props) => toEntity({ kind: 'Scenario', props })),
    capabilities: (row?.capabilities ?? []).map((props) => toEntity({ kind: 'Capability', props })),
    citations: row?.citations ?? 0,
  };
}
