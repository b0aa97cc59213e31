// All Cypher that reads or writes technologies.
import type { Database } from '../db/database.js';
import { int } from '../db/values.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity, updateEntity } from '../entity/entity.writes.repository.js';
import { idFromName } from '../entity/entity-id.js';
import { replaceLinksOfType, type LinkFieldNames } from '../mapping/link.writes.repository.js';
import type { Cursor } from '../graphql/connection.js';
import {
  DEPENDENCIES_OF_T,
  dependenciesFrom,
  ENABLES_OF_T,
  enablesFrom,
  type DependencyRow,
  type EnablesRow,
  type FarEnd,
} from '../mapping/mapping.repository.js';
import type { Actor } from '../history/history.model.js';
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

/** Technology properties a list may fetch one by one when a query asks for nothing else of the technologies. */
export const TECHNOLOGY_PROPS = [
  'description',
  'trl',
  'trlYear',
  'horizon',
  'euPosition',
  'dualUse',
  ...(['trl', 'horizon', 'euPosition'] as const).flatMap((v) => [`${v}Source`, `${v}Basis`, `${v}Note`] as const),
] as const;
export type TechnologyProp = (typeof TECHNOLOGY_PROPS)[number];

/** What a read fetches with the technologies: the selected links (and how much of their far ends), and which properties. */
export interface LinkSelection {
  enables: FarEnd | false;
  dependsOn: FarEnd | false;
  /** 'all' (the default), or only id, name and these: the records are then partial, for this selection only. */
  props?: 'all' | readonly TechnologyProp[];
}

export interface TechnologyWithLinks {
  technology: EntityRecord;
  enables?: EnablesRow[];
  dependsOn?: DependencyRow[];
}

// The properties chosen by parameter ($want), so one text serves every choice.
const SOME_PROPS = `{id: t.id, name: t.name, ${TECHNOLOGY_PROPS.map((p) => `${p}: CASE WHEN $want.${p} THEN t.${p} END`).join(', ')}}`;

// A map per technology; one fixed text per choice of links and of all/some properties (18 in all), never built from input.
const ITEM_TEXTS = new Map<string, string>();
function itemOfT(include: LinkSelection): string {
  const all = (include.props ?? 'all') === 'all';
  const key = `${include.enables}:${include.dependsOn}:${all}`;
  let text = ITEM_TEXTS.get(key);
  if (!text) {
    const enables = include.enables ? `, enables: ${ENABLES_OF_T(include.enables)}` : '';
    const dependsOn = include.dependsOn ? `, dependsOn: ${DEPENDENCIES_OF_T(include.dependsOn)}` : '';
    text = `{props: ${all ? 'properties(t)' : SOME_PROPS}${enables}${dependsOn}}`;
    ITEM_TEXTS.set(key, text);
  }
  return text;
}

function wanted(include: LinkSelection): Record<TechnologyProp, boolean> | null {
  const props = include.props ?? 'all';
  return props === 'all' ? null : (Object.fromEntries(TECHNOLOGY_PROPS.map((p) => [p, props.includes(p)])) as Record<TechnologyProp, boolean>);
}

function withLinks(item: { props: Record<string, unknown>; enables?: unknown[]; dependsOn?: unknown[] }): TechnologyWithLinks {
  const technology = toEntity({ kind: 'Technology', props: item.props });
  return {
    technology,
    enables: item.enables ? enablesFrom(technology, item.enables) : undefined,
    dependsOn: item.dependsOn ? dependenciesFrom(technology, item.dependsOn) : undefined,
  };
}

/** One technology and the selected links with their far ends, in one round trip; null when no technology has the id. */
export async function findTechnologyWithLinks(db: Database, id: string, include: LinkSelection): Promise<TechnologyWithLinks | null> {
  const [row] = await db.read<{ item: any }>(`MATCH (t:Technology {id: $id}) RETURN ${itemOfT(include)} AS item`, { id, want: wanted(include) });
  return row ? withLinks(row.item) : null;
}

// `t.name IS NOT NULL` (every technology has a name) lets the planner walk the name index in order and stop after
// $limit rows instead of sorting every technology. The total (a scan of every match) only when asked for.
export async function listTechnologies(
  db: Database,
  filter: TechnologyFilter,
  first: number,
  after: Cursor | null,
  include: LinkSelection = { enables: false, dependsOn: false },
  countTotal = true,
): Promise<{ rows: TechnologyWithLinks[]; total: number | null }> {
  const rows = await db.read<{ total: number | null; item: any }>(
    `${countTotal ? `CALL () { MATCH (t:Technology) WHERE ${FILTER} RETURN count(t) AS total }` : 'WITH null AS total'}
     OPTIONAL CALL () {
       MATCH (t:Technology) WHERE t.name IS NOT NULL AND ${FILTER}
         AND ($afterName IS NULL OR t.name > $afterName OR (t.name = $afterName AND t.id > $afterId))
       WITH t ORDER BY t.name, t.id LIMIT $limit
       RETURN ${itemOfT(include)} AS item
     }
     RETURN total, item ORDER BY item.props.name, item.props.id`,
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
      want: wanted(include),
    },
  );
  // One row per technology (faster to build and decode than one row holding a collected list); one null row when none.
  return { total: rows[0]?.total ?? null, rows: rows.filter((r) => r.item !== null).map((r) => withLinks(r.item)) };
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

// Area links are written (and recorded in history) like any link; their ends were checked above, naming the list item.
const areaNames = (field: string): LinkFieldNames => ({ from: 'id', to: field, sourceIds: 'input.sourceIds', properties: 'input', singleEnds: true });

export async function insertTechnology(db: Database, input: TechnologyInput, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, areaReferences(input, 'input'));
    const id = input.id ?? idFromName('Technology', input.name);
    const technology = await createEntity(tx, 'Technology', id, technologyProps(input), input.sourceIds ?? [], actor);
    await replaceLinksOfType(tx, id, 'IN_KET_AREA', input.ketAreaIds ?? [], actor, areaNames('input.ketAreaIds'));
    await replaceLinksOfType(tx, id, 'IN_CRITICAL_AREA', input.criticalAreaIds ?? [], actor, areaNames('input.criticalAreaIds'));
    return technology;
  });
}

export async function modifyTechnology(db: Database, id: string, input: TechnologyUpdate, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, areaReferences(input, 'input'));
    const technology = await updateEntity(tx, 'Technology', id, technologyProps(input), input.sourceIds ?? undefined, actor);
    if (input.ketAreaIds) await replaceLinksOfType(tx, id, 'IN_KET_AREA', input.ketAreaIds, actor, areaNames('input.ketAreaIds'));
    if (input.criticalAreaIds) await replaceLinksOfType(tx, id, 'IN_CRITICAL_AREA', input.criticalAreaIds, actor, areaNames('input.criticalAreaIds'));
    return technology;
  });
}

export async function removeTechnology(db: Database, id: string, actor: Actor) {
  return db.writeTransaction((tx) => deleteEntity(tx, 'Technology', id, actor));
}
