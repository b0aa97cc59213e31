// Create / update / delete for any kind, used inside a domain's write transaction; each records its change in the
// history in that same transaction (server/src/history).
// Labels come from our constant model (identifiers cannot be parameters); every value is a parameter.
import type { WriteTx } from '../db/database.js';
import { ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import { badInput, conflict, notFound, type FieldProblem } from '../graphql/errors.js';
import { createdFields, fieldChanges, type Actor, type EntitySnapshot, type LinkSnapshot } from '../history/history.model.js';
import { changesSinceRevision, recordChange } from '../history/history.repository.js';
import { KIND_OF, toEntity } from './entity.repository.js';
import type { EntityRecord } from './entity.type.js';

export interface Reference {
  field: string;
  ids: readonly string[];
  kinds: readonly EntityKind[];
  /** One id, named by the field itself (input.fromId) rather than as a list item (input.sourceIds[0]). */
  single?: boolean;
}

/** Fails the transaction with BAD_USER_INPUT naming the field when a referenced id is unknown or of the wrong kind. */
export async function checkReferences(tx: WriteTx, references: Reference[]): Promise<void> {
  const wanted = references.flatMap((r) => r.ids.map((id, index) => ({ id, field: r.single ? r.field : `${r.field}[${index}]`, kinds: r.kinds })));
  if (wanted.length === 0) return;
  const rows = await tx.run<{ id: string; kind: EntityKind | null }>(
    `UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, ${KIND_OF('n')} AS kind`,
    { ids: [...new Set(wanted.map((w) => w.id))] },
  );
  const kindById = new Map(rows.map((r) => [r.id, r.kind]));
  const problems: FieldProblem[] = [];
  for (const w of wanted) {
    const kind = kindById.get(w.id);
    if (!kind) problems.push({ field: w.field, message: `no entity has id "${w.id}".` });
    else if (!w.kinds.includes(kind)) problems.push({ field: w.field, message: `"${w.id}" is a ${kind}; expected ${w.kinds.join(' or ')}.` });
  }
  if (problems.length) throw badInput(problems);
}

/** Options of a recorded change: why (shown in history). */
export interface ChangeOptions {
  comment?: string | null;
}

/** Creates an entity and records CREATE; a taken id is refused naming `idField`. */
export async function createEntity(
  tx: WriteTx,
  kind: EntityKind,
  id: string,
  props: Record<string, unknown>,
  sourceIds: readonly string[],
  actor: Actor,
  options: ChangeOptions & { idField?: string } = {},
): Promise<EntityRecord> {
  const existing = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n.id AS id`, { id });
  if (existing.length) throw badInput({ field: options.idField ?? 'input.id', message: `"${id}" is taken; choose another id or name.` });
  const stored = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `CREATE (n:${ENTITY_LABEL}:${kind} {id: $id})
     SET n += $props, n.createdAt = datetime(), n.updatedAt = datetime(), n.revision = 1,
         n.createdBy = $actor.id, n.createdByName = $actor.name, n.updatedBy = $actor.name
     WITH n
     CALL (n) { UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s) }
     RETURN properties(n) AS props`,
    { id, props: stored, sourceIds, actor },
  );
  const entity = toEntity({ kind, props: row!.props });
  await recordChange(tx, actor, {
    kind: 'CREATE',
    entityId: id,
    entityKind: kind,
    entityName: entity.name,
    revision: 1,
    fields: createdFields({ ...stored, ...(sourceIds.length ? { sources: [...sourceIds].sort() } : {}) }),
    comment: options.comment,
  });
  return entity;
}

async function currentState(tx: WriteTx, kind: EntityKind, id: string) {
  const [row] = await tx.run<{ props: Record<string, unknown>; sourceIds: string[] }>(
    `MATCH (n:${kind} {id: $id}) RETURN properties(n) AS props, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds`,
    { id },
  );
  return row ?? null;
}

/**
 * Sets the given properties (null removes one); replaces sources when sourceIds is given; bumps the revision and
 * records UPDATE with the fields that changed. Nothing changed: nothing is written or recorded. A stale
 * expectedRevision is refused with CONFLICT listing what changed since.
 */
export async function updateEntity(
  tx: WriteTx,
  kind: EntityKind,
  id: string,
  props: Record<string, unknown>,
  sourceIds: readonly string[] | undefined,
  actor: Actor,
  options: ChangeOptions & { expectedRevision?: number | null } = {},
): Promise<EntityRecord> {
  const before = await currentState(tx, kind, id);
  if (!before) throw notFound(kind, id);
  const revision = Number(before.props.revision ?? 0);
  if (options.expectedRevision !== undefined && options.expectedRevision !== null && options.expectedRevision !== revision) {
    const since = await changesSinceRevision(tx, id, options.expectedRevision);
    const changes = since.flatMap((c) => c.fields.map((f) => ({ ...f, by: c.byName, at: c.at })));
    throw conflict(`${kind} ${id}`, options.expectedRevision, revision, changes);
  }
  const beforeView = { ...before.props, sources: [...before.sourceIds].sort() };
  const afterView: Record<string, unknown> = { ...before.props, ...props, sources: sourceIds ? [...new Set(sourceIds)].sort() : beforeView.sources };
  const fields = fieldChanges(beforeView, afterView);
  if (fields.length === 0) return toEntity({ kind, props: before.props });
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `MATCH (n:${kind} {id: $id})
     SET n += $props, n.updatedAt = datetime(), n.updatedBy = $actor.name, n.revision = coalesce(n.revision, 0) + 1
     WITH n
     CALL (n) {
       WITH n WHERE $sourceIds IS NOT NULL
       OPTIONAL MATCH (n)-[old:SOURCED_FROM]->()
       DELETE old
       WITH DISTINCT n
       UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s)
     }
     RETURN properties(n) AS props`,
    { id, props, sourceIds: sourceIds ?? null, actor },
  );
  const entity = toEntity({ kind, props: row!.props });
  await recordChange(tx, actor, {
    kind: 'UPDATE',
    entityId: id,
    entityKind: kind,
    entityName: entity.name,
    revision: revision + 1,
    fields,
    comment: options.comment,
  });
  return entity;
}

/** Everything needed to bring an entity back: its properties, sources and every link to another entity. */
export async function snapshotEntity(tx: WriteTx, kind: EntityKind, id: string): Promise<EntitySnapshot | null> {
  const [row] = await tx.run<{ props: Record<string, unknown>; sourceIds: string[]; links: LinkSnapshot[] }>(
    `MATCH (n:${kind} {id: $id})
     RETURN properties(n) AS props,
       [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sourceIds,
       [(n)-[r]->(o:${ENTITY_LABEL}) WHERE type(r) <> 'SOURCED_FROM' | {type: type(r), fromId: n.id, toId: o.id, properties: properties(r)}]
       + [(o:${ENTITY_LABEL})-[r]->(n) WHERE o <> n | {type: type(r), fromId: o.id, toId: n.id, properties: properties(r)}] AS links`,
    { id },
  );
  return row ? { kind, properties: row.props, sourceIds: row.sourceIds, links: row.links } : null;
}

/** Deletes an entity and its links, recording DELETE with a full snapshot (restore brings it back). */
export async function deleteEntity(
  tx: WriteTx,
  kind: EntityKind,
  id: string,
  actor: Actor,
  options: ChangeOptions = {},
): Promise<{ id: string; relationshipsRemoved: number; changeId: string }> {
  const snapshot = await snapshotEntity(tx, kind, id);
  if (!snapshot) throw notFound(kind, id);
  const [row] = await tx.run<{ removed: number }>(
    `MATCH (n:${kind} {id: $id})
     OPTIONAL MATCH (n)-[r]-()
     WITH n, count(r) AS removed
     DETACH DELETE n
     RETURN removed`,
    { id },
  );
  const changeId = await recordChange(tx, actor, {
    kind: 'DELETE',
    entityId: id,
    entityKind: kind,
    entityName: String(snapshot.properties.name ?? id),
    fields: fieldChanges({ ...snapshot.properties, sources: snapshot.sourceIds }, {}),
    snapshot,
    comment: options.comment,
  });
  return { id, relationshipsRemoved: row!.removed, changeId };
}
