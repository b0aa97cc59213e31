// All Cypher of ENABLES and DEPENDS_ON: batched reads for the loaders; writes go through the one link path (link.writes.repository.ts).
import type { Database } from '../db/database.js';
import type { Actor } from '../history/history.model.js';
import { removeLink, writeLink, type LinkFieldNames } from './link.writes.repository.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { DependsOnInput, EnablesInput } from './mapping.type.js';

export interface EnablesRow {
  technology: EntityRecord;
  capability: EntityRecord;
  strength: number;
  rationale: string | null;
  sourceIds: string[];
}

export interface DependencyRow {
  dependant: EntityRecord;
  dependency: EntityRecord;
  criticality: number;
  substitutability: number;
  rationale: string | null;
  sourceIds: string[];
}

const ENABLES_RETURN = `RETURN properties(t) AS technology, properties(c) AS capability,
  r.strength AS strength, r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds`;

function enablesRow(row: any): EnablesRow {
  return {
    ...row,
    technology: toEntity({ kind: 'Technology', props: row.technology }),
    capability: toEntity({ kind: 'Capability', props: row.capability }),
  };
}

export async function findEnablesByTechnology(db: Database, ids: readonly string[]): Promise<EnablesRow[]> {
  const rows = await db.read(
    `UNWIND $ids AS id MATCH (t:Technology {id: id})-[r:ENABLES]->(c:Capability)
     ${ENABLES_RETURN} ORDER BY r.strength DESC, c.name`,
    { ids },
  );
  return rows.map(enablesRow);
}

export async function findEnablesByCapability(db: Database, ids: readonly string[]): Promise<EnablesRow[]> {
  const rows = await db.read(
    `UNWIND $ids AS id MATCH (t:Technology)-[r:ENABLES]->(c:Capability {id: id})
     ${ENABLES_RETURN} ORDER BY r.strength DESC, t.name`,
    { ids },
  );
  return rows.map(enablesRow);
}

const DEPENDENCY_RETURN = `RETURN properties(a) AS dependantProps, ${KIND_OF('a')} AS dependantKind,
  properties(b) AS dependencyProps, ${KIND_OF('b')} AS dependencyKind,
  r.criticality AS criticality, coalesce(r.substitutability, 0.0) AS substitutability,
  r.rationale AS rationale, coalesce(r.sourceIds, []) AS sourceIds`;

function dependencyRow(row: any): DependencyRow {
  return {
    dependant: toEntity({ kind: row.dependantKind, props: row.dependantProps }),
    dependency: toEntity({ kind: row.dependencyKind, props: row.dependencyProps }),
    criticality: row.criticality,
    substitutability: row.substitutability,
    rationale: row.rationale,
    sourceIds: row.sourceIds,
  };
}

export async function findDependenciesOf(db: Database, ids: readonly string[]): Promise<DependencyRow[]> {
  const rows = await db.read(
    `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r:DEPENDS_ON]->(b)
     ${DEPENDENCY_RETURN} ORDER BY r.criticality DESC, b.name`,
    { ids },
  );
  return rows.map(dependencyRow);
}

export async function findDependantsOf(db: Database, ids: readonly string[]): Promise<DependencyRow[]> {
  const rows = await db.read(
    `UNWIND $ids AS id MATCH (a)-[r:DEPENDS_ON]->(b:Entity {id: id})
     ${DEPENDENCY_RETURN} ORDER BY r.criticality DESC, a.name`,
    { ids },
  );
  return rows.map(dependencyRow);
}

// The same links as the loaders above (same order), as COLLECT subqueries on a technology bound to `t`: list
// resolvers that look ahead fetch them in their own query and prime the loaders (technology.loaders.ts).
// 'full' returns the far end's properties as the loaders do; 'brief' only its id and name (and kind), for queries that
// ask nothing else of it anywhere: the far ends' full properties are most of the bytes of a nested read.
// Variable names are prefixed so they cannot capture a variable of the enclosing query.
export type FarEnd = 'brief' | 'full';
const FAR_END = (v: string, farEnd: FarEnd) => (farEnd === 'full' ? `properties(${v})` : `${v} {.id, .name}`);
export const ENABLES_OF_T = (farEnd: FarEnd) => `COLLECT { MATCH (t)-[_er:ENABLES]->(_ec:Capability)
  WITH _er, _ec ORDER BY _er.strength DESC, _ec.name
  RETURN {capability: ${FAR_END('_ec', farEnd)}, strength: _er.strength, rationale: _er.rationale, sourceIds: coalesce(_er.sourceIds, [])} }`;
export const DEPENDENCIES_OF_T = (farEnd: FarEnd) => `COLLECT { MATCH (t)-[_dr:DEPENDS_ON]->(_db)
  WITH _dr, _db ORDER BY _dr.criticality DESC, _db.name
  RETURN {props: ${FAR_END('_db', farEnd)}, kind: ${KIND_OF('_db')}, criticality: _dr.criticality,
    substitutability: coalesce(_dr.substitutability, 0.0), rationale: _dr.rationale, sourceIds: coalesce(_dr.sourceIds, [])} }`;

/** Rows of ENABLES_OF_T as the enablesOfTechnology loader returns them. */
export function enablesFrom(technology: EntityRecord, items: any[]): EnablesRow[] {
  return items.map((i) => ({
    technology,
    capability: toEntity({ kind: 'Capability', props: i.capability }),
    strength: i.strength,
    rationale: i.rationale,
    sourceIds: i.sourceIds,
  }));
}

/** Rows of DEPENDENCIES_OF_T as the dependenciesOf loader returns them. */
export function dependenciesFrom(dependant: EntityRecord, items: any[]): DependencyRow[] {
  return items.map((i) => ({
    dependant,
    dependency: toEntity({ kind: i.kind, props: i.props }),
    criticality: i.criticality,
    substitutability: i.substitutability,
    rationale: i.rationale,
    sourceIds: i.sourceIds,
  }));
}

const legacyNames = (from: string, to: string): LinkFieldNames => ({ from, to, sourceIds: 'input.sourceIds', properties: 'input', singleEnds: false });

export async function upsertEnables(db: Database, input: EnablesInput, actor: Actor): Promise<EnablesRow> {
  return db.writeTransaction(async (tx) => {
    const link = await writeLink(
      tx,
      {
        type: 'ENABLES',
        fromId: input.technologyId,
        toId: input.capabilityId,
        properties: { strength: input.strength, rationale: input.rationale ?? null },
        sourceIds: input.sourceIds ?? [],
      },
      actor,
      legacyNames('input.technologyId', 'input.capabilityId'),
    );
    const p = link.properties;
    return {
      technology: link.from,
      capability: link.to,
      strength: p.strength as number,
      rationale: (p.rationale as string) ?? null,
      sourceIds: link.sourceIds,
    };
  });
}

export async function deleteEnables(db: Database, technologyId: string, capabilityId: string, actor: Actor): Promise<boolean> {
  return (await db.writeTransaction((tx) => removeLink(tx, 'ENABLES', technologyId, capabilityId, actor))).removed;
}

export async function upsertDependsOn(db: Database, input: DependsOnInput, actor: Actor): Promise<DependencyRow> {
  return db.writeTransaction(async (tx) => {
    const link = await writeLink(
      tx,
      {
        type: 'DEPENDS_ON',
        fromId: input.dependantId,
        toId: input.dependencyId,
        properties: { criticality: input.criticality, substitutability: input.substitutability ?? null, rationale: input.rationale ?? null },
        sourceIds: input.sourceIds ?? [],
      },
      actor,
      legacyNames('input.dependantId', 'input.dependencyId'),
    );
    const p = link.properties;
    return {
      dependant: link.from,
      dependency: link.to,
      criticality: p.criticality as number,
      substitutability: (p.substitutability as number) ?? 0,
      rationale: (p.rationale as string) ?? null,
      sourceIds: link.sourceIds,
    };
  });
}

export async function deleteDependsOn(db: Database, dependantId: string, dependencyId: string, actor: Actor): Promise<boolean> {
  return (await db.writeTransaction((tx) => removeLink(tx, 'DEPENDS_ON', dependantId, dependencyId, actor))).removed;
}
