// The gaps analysts fix: unsourced entities and links, components and materials with no supplier data, technologies
// with no TRL. Each list is capped, with its full count.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL } from '../db/labels.js';
import { int } from '../db/values.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { LINK_TYPES, MAPPABLE_KINDS } from './mapping-model.js';

export interface QualityItem {
  id: string;
  kind: string;
  name: string;
}

export interface QualityLink {
  type: string;
  fromId: string;
  fromKind: string;
  fromName: string;
  toId: string;
  toKind: string;
  toName: string;
}

export interface QualityList<T> {
  total: number;
  items: T[];
}

export interface QualityReport {
  unsourcedEntities: QualityList<QualityItem>;
  unsourcedLinks: QualityList<QualityLink>;
  unknownSupply: QualityList<QualityItem>;
  unknownTrl: QualityList<QualityItem>;
}

const ITEM = (v: string) => `{id: ${v}.id, kind: ${KIND_OF(v)}, name: ${v}.name}`;

export async function findDataQuality(db: Database, first: number): Promise<QualityReport> {
  const [row] = await db.read<Record<keyof QualityReport, QualityList<any>>>(
    `CALL () {
       MATCH (n:${ENTITY_LABEL}) WHERE NOT n:Source AND any(l IN labels(n) WHERE l IN $kinds) AND NOT EXISTS { (n)-[:SOURCED_FROM]->(:Source) }
       WITH n ORDER BY n.name, n.id
       RETURN {total: count(n), items: collect(${ITEM('n')})[..$first]} AS unsourcedEntities
     }
     CALL () {
       MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE type(r) IN $types AND size(coalesce(r.sourceIds, [])) = 0
       WITH a, r, b ORDER BY type(r), a.name, b.name
       RETURN {total: count(r), items: collect({type: type(r), fromId: a.id, fromKind: ${KIND_OF('a')}, fromName: a.name,
                                                toId: b.id, toKind: ${KIND_OF('b')}, toName: b.name})[..$first]} AS unsourcedLinks
     }
     CALL () {
       MATCH (n:${ENTITY_LABEL}) WHERE (n:Component OR n:Material) AND NOT EXISTS { (n)-[:SUPPLIED_BY]->(:Supplier) }
       WITH n ORDER BY n.name, n.id
       RETURN {total: count(n), items: collect(${ITEM('n')})[..$first]} AS unknownSupply
     }
     CALL () {
       MATCH (n:Technology) WHERE n.trl IS NULL
       WITH n ORDER BY n.name, n.id
       RETURN {total: count(n), items: collect(${ITEM('n')})[..$first]} AS unknownTrl
     }
     RETURN unsourcedEntities, unsourcedLinks, unknownSupply, unknownTrl`,
    { kinds: MAPPABLE_KINDS, types: LINK_TYPES, first: int(first) },
  );
  return row as QualityReport;
}
