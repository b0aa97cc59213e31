// All Cypher that reads or writes technologies.
import type { Database } from '../db/database.js';
import { int } from '../db/values.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity, idFromName, replaceLinks, updateEntity } from '../entity/entity.writes.js';
import type { Cursor } from '../graphql/connection.js';
import type { TechnologyFilter, TechnologyInput, TechnologyUpdate } from './technology.type.js';

// Static text: every condition is switched off by a null parameter rather than built from input.
const FILTER = `
  ($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
  AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
  AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
  AND ($trlMin IS NULL OR t.trl >= $trlMin)
  AND ($trlMax IS NULL OR t.trl <= $trlMax)
  AND ($euPosition IS NULL OR t.euPosition = $euPosition)
  AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse)`;

export async function listTechnologies(
  db: Database,
  filter: TechnologyFilter,
  first: number,
  after: Cursor | null,
): Promise<{ rows: EntityRecord[]; total: number }> {
  const [row] = await db.read<{ total: number; page: Record<string, unknown>[] }>(
    `CALL () { MATCH (t:Technology) WHERE ${FILTER} RETURN count(t) AS total }
     CALL () {
       MATCH (t:Technology) WHERE ${FILTER}
         AND ($afterName IS NULL OR t.name > $afterName OR (t.name = $afterName AND t.id > $afterId))
       WITH t ORDER BY t.name, t.id LIMIT $limit
       RETURN collect(properties(t)) AS page
     }
     RETURN total, page`,
    {
      nameContains: filter.nameContains ?? null,
      ketAreaId: filter.ketAreaId ?? null,
      criticalAreaId: filter.criticalAreaId ?? null,
      trlMin: filter.trlMin ?? null,
      trlMax: filter.trlMax ?? null,
      euPosition: filter.euPosition ?? null,
      dualUse: filter.dualUse ?? null,
      afterName: after?.name ?? null,
      afterId: after?.id ?? null,
      limit: int(first + 1),
    },
  );
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map((props) => toEntity({ kind: 'Technology', props })) };
}

export async function findAreasOfTechnologies(db: Database, ids: readonly string[]) {
  return db.read<{ technologyId: string; kind: 'KetArea' | 'CriticalTechnologyArea'; props: Record<string, unknown> }>(
    `UNWIND $ids AS technologyId
     MATCH (:Technology {id: technologyId})-[r:IN_KET_AREA|IN_CRITICAL_AREA]->(a)
     RETURN technologyId, CASE type(r) WHEN 'IN_KET_AREA' THEN 'KetArea' ELSE 'CriticalTechnologyArea' END AS kind,
            properties(a) AS props
     ORDER BY a.name`,
    { ids },
  );
}

function technologyProps(input: TechnologyInput | TechnologyUpdate): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'trl', 'trlYear', 'horizon', 'euPosition', 'dualUse'] as const) {
    if (input[key] !== undefined) props[key] = input[key];
  }
  if (typeof props.name === 'string') props.name = props.name.trim();
  return props;
}

function areaReferences(input: TechnologyInput | TechnologyUpdate, field: string) {
  return [
    { field: `${field}.ketAreaIds`, ids: input.ketAreaIds ?? [], kinds: ['KetArea'] as const },
    { field: `${field}.criticalAreaIds`, ids: input.criticalAreaIds ?? [], kinds: ['CriticalTechnologyArea'] as const },
    { field: `${field}.sourceIds`, ids: input.sourceIds ?? [], kinds: ['Source'] as const },
  ];
}

export async function insertTechnology(db: Database, input: TechnologyInput, updatedBy: string): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, areaReferences(input, 'input'));
    const id = input.id ?? idFromName('Technology', input.name);
    const technology = await createEntity(tx, 'Technology', id, { ...technologyProps(input), updatedBy }, input.sourceIds ?? []);
    await replaceLinks(tx, id, 'IN_KET_AREA', input.ketAreaIds ?? []);
    await replaceLinks(tx, id, 'IN_CRITICAL_AREA', input.criticalAreaIds ?? []);
    return technology;
  });
}

export async function modifyTechnology(db: Database, id: string, input: TechnologyUpdate, updatedBy: string): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, areaReferences(input, 'input'));
    const technology = await updateEntity(tx, 'Technology', id, { ...technologyProps(input), updatedBy }, input.sourceIds ?? undefined);
    if (input.ketAreaIds) await replaceLinks(tx, id, 'IN_KET_AREA', input.ketAreaIds);
    if (input.criticalAreaIds) await replaceLinks(tx, id, 'IN_CRITICAL_AREA', input.criticalAreaIds);
    return technology;
  });
}

export async function removeTechnology(db: Database, id: string) {
  return db.writeTransaction((tx) => deleteEntity(tx, 'Technology', id));
}
