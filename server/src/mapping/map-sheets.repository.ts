// Reads the map (or a capability's part of it) in spreadsheet row shape, for export and for the import's diff.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { notFound } from '../graphql/errors.js';
import { COMMON_FIELDS, KIND_SPEC, LINK_SPEC, LINK_TYPES, MAPPABLE_KINDS, type LinkType } from './mapping-model.js';
import { linkKey, type CurrentMap } from './map-sheets.diff.js';

const sortedOrNull = (ids: string[] | null | undefined) => (ids && ids.length ? [...new Set(ids)].sort() : null);

function entityValues(kind: EntityKind, props: Record<string, any>, sourceIds: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of COMMON_FIELDS) values[f.name] = f.name === 'aliases' ? (props.aliases?.length ? props.aliases : null) : (props[f.name] ?? null);
  for (const f of KIND_SPEC.get(kind)!.fields) values[f.name] = props[f.name] ?? null;
  values.sources = sortedOrNull(sourceIds);
  return values;
}

function linkValues(type: LinkType, props: Record<string, any>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of LINK_SPEC.get(type)!.properties) values[p.name] = props[p.name] ?? null;
  values.sources = sortedOrNull(props.sourceIds);
  return values;
}

/**
 * The ids of a capability's part of the map: the capability, the technologies enabling it and everything they depend
 * on down to supplier countries, what substitutes for any of those, and the sources all of them cite.
 */
async function capabilityIds(db: Database, capabilityId: string): Promise<string[]> {
  const [row] = await db.read<{ ids: string[]; entitySources: string[]; linkSources: string[] }>(
    `MATCH (c:Capability {id: $capabilityId})
     OPTIONAL MATCH (c)<-[:ENABLES]-(:Technology)-[:DEPENDS_ON|SUPPLIED_BY|LOCATED_IN*0..12]->(x)
     WITH c, collect(DISTINCT x) AS chain
     WITH [c] + chain AS inner
     CALL (inner) { UNWIND inner AS n OPTIONAL MATCH (s)-[:SUBSTITUTES]->(n) RETURN collect(DISTINCT s) AS subs }
     WITH inner + subs AS nodes
     RETURN [n IN nodes | n.id] AS ids,
       COLLECT { UNWIND nodes AS n MATCH (n)-[:SOURCED_FROM]->(src:Source) RETURN DISTINCT src.id } AS entitySources,
       COLLECT { UNWIND nodes AS n MATCH (n)-[r]->(m) WHERE m IN nodes AND type(r) IN $types UNWIND coalesce(r.sourceIds, []) AS sid RETURN DISTINCT sid } AS linkSources`,
    { capabilityId, types: LINK_TYPES },
  );
  if (!row) throw notFound('Capability', capabilityId, 'capabilityId');
  return [...new Set([...row.ids, ...row.entitySources, ...row.linkSources])];
}

/** The whole map, or only the given capability's part. */
export async function readMap(db: Database, capabilityId?: string | null): Promise<CurrentMap> {
  const ids = capabilityId ? await capabilityIds(db, capabilityId) : null;
  const [entityRows, linkRows] = await Promise.all([
    db.read<{ id: string; kind: EntityKind; props: Record<string, any>; sourceIds: string[] }>(
      `MATCH (n:${ENTITY_LABEL}) WHERE any(l IN labels(n) WHERE l IN $kinds) AND ($ids IS NULL OR n.id IN $ids)
       RETURN n.id AS id, ${KIND_OF('n')} AS kind, properties(n) AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds
       ORDER BY n.id`,
      { kinds: MAPPABLE_KINDS, ids },
    ),
    db.read<{ type: LinkType; from: string; to: string; props: Record<string, any> }>(
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE type(r) IN $types AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to`,
      { types: LINK_TYPES, ids },
    ),
  ]);
  return {
    entities: new Map(entityRows.filter((r) => KIND_SPEC.has(r.kind)).map((r) => [r.id, { kind: r.kind, values: entityValues(r.kind, r.props, r.sourceIds) }])),
    links: new Map(linkRows.map((r) => [linkKey(r.type, r.from, r.to), linkValues(r.type, r.props)])),
  };
}
