// Orchestrates the generic mapping mutations: validate against the model first, then one write transaction that
// checks references and permissions, creates inline sources, writes, and records history.
import type { AuthUser } from '../auth/roles.js';
import type { Database, WriteTx } from '../db/database.js';
import { kindOfId, type EntityKind } from '../db/labels.js';
import { findEntitiesByIds } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity, updateEntity } from '../entity/entity.writes.repository.js';
import { idFromName } from '../entity/entity-id.js';
import { assertValid, badInput, notAllowed, notFound } from '../graphql/errors.js';
import type { Actor } from '../history/history.model.js';
import { normaliseFields } from './mapping-fields.validation.js';
import { entityProblems, sourceAttributes, type NewSourceFields } from './mapping.input.validation.js';
import { KIND_SPEC } from './mapping-model.js';
import { findDeletionReach, findLinksOf, findOwner, freeId, sourceIdsOf } from './map-entity.repository.js';
import type { CreateEntityInput, UpdateEntityInput } from './map-entity.type.js';

const actorOf = (user: AuthUser): Actor => ({ id: user.id, name: user.name });

function checkAdminOnly(kind: EntityKind, user: AuthUser, action: string): void {
  if (KIND_SPEC.get(kind)?.adminOnly && user.role !== 'admin') {
    throw notAllowed(`${KIND_SPEC.get(kind)!.label}s are the EU's official list: only an admin may ${action} them. Ask an admin.`, 'input.kind');
  }
}

/** Creates the new sources of a form and returns their ids (inside the caller's transaction). */
export async function createNewSources(
  tx: WriteTx,
  sources: readonly NewSourceFields[] | null | undefined,
  actor: Actor,
  path = 'input.newSources',
): Promise<string[]> {
  const spec = KIND_SPEC.get('Source')!;
  const ids: string[] = [];
  for (const [i, source] of (sources ?? []).entries()) {
    const id = source.id ?? (await freeId(tx, 'Source', source.title));
    const props = { name: source.title.trim(), ...normaliseFields(spec.fields, sourceAttributes(source), false) };
    await createEntity(tx, 'Source', id, props, [], actor, { idField: `${path}[${i}].id` });
    ids.push(id);
  }
  return ids;
}

function commonProps(input: { name?: string | null; description?: string | null; aliases?: string[] | null }, partial: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (!partial || (input.name !== undefined && input.name !== null)) props.name = input.name!.trim();
  if (!partial || input.description !== undefined) props.description = input.description?.trim() ? input.description : null;
  if (!partial || input.aliases !== undefined) props.aliases = input.aliases?.length ? input.aliases.map((a) => a.trim()) : null;
  return props;
}

export async function createMapEntity(db: Database, input: CreateEntityInput, user: AuthUser): Promise<EntityRecord> {
  assertValid(entityProblems(input.kind, input, false));
  checkAdminOnly(input.kind, user, 'create');
  const spec = KIND_SPEC.get(input.kind)!;
  const actor = actorOf(user);
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] }]);
    const newIds = await createNewSources(tx, input.newSources, actor);
    const id = input.id ?? idFromName(input.kind, input.name);
    const props = { ...commonProps(input, false), ...normaliseFields(spec.fields, input.attributes, false) };
    return createEntity(tx, input.kind, id, props, [...(input.sourceIds ?? []), ...newIds], actor, { comment: input.comment });
  });
}

function kindOf(id: string): EntityKind {
  const kind = kindOfId(id);
  if (!kind || !KIND_SPEC.has(kind)) throw notFound('entity analysts map', id, 'input.id');
  return kind;
}

export async function updateMapEntity(db: Database, input: UpdateEntityInput, user: AuthUser): Promise<EntityRecord> {
  const kind = kindOf(input.id);
  assertValid(entityProblems(kind, input, true));
  checkAdminOnly(kind, user, 'edit');
  const spec = KIND_SPEC.get(kind)!;
  const actor = actorOf(user);
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] }]);
    const newIds = await createNewSources(tx, input.newSources, actor);
    let sourceIds: string[] | undefined = input.sourceIds ?? undefined;
    if (newIds.length) sourceIds = [...(sourceIds ?? (await sourceIdsOf(tx, input.id))), ...newIds];
    const props = { ...commonProps(input, true), ...normaliseFields(spec.fields, input.attributes, true) };
    return updateEntity(tx, kind, input.id, props, sourceIds, actor, { expectedRevision: input.expectedRevision, comment: input.comment });
  });
}

/** Why the user may not delete it, or null when they may: analysts delete what they created, admins anything. */
export function deletionRefusal(
  owner: { kind: EntityKind; name: string; createdBy: string | null; createdByName: string | null },
  user: AuthUser,
): string | null {
  if (user.role === 'admin') return null;
  if (KIND_SPEC.get(owner.kind)?.adminOnly) return `${owner.name} is on the EU's official list: only an admin may delete it.`;
  if (owner.createdBy !== user.id) {
    return (
      `You may delete only what you created; ${owner.name} ` +
      `was ${owner.createdByName ? `created by ${owner.createdByName}` : 'loaded with the seed'}. Ask an admin to delete it.`
    );
  }
  return null;
}

export async function deleteMapEntity(db: Database, id: string, comment: string | null | undefined, user: AuthUser) {
  return db.writeTransaction(async (tx) => {
    const owner = await findOwner(tx, id);
    if (!owner || !KIND_SPEC.has(owner.kind)) throw notFound('entity analysts map', id);
    const refusal = deletionRefusal(owner, user);
    if (refusal) throw notAllowed(refusal);
    if (comment && comment.length > 2000) throw badInput({ field: 'comment', message: 'must be at most 2000 characters.' });
    return deleteEntity(tx, owner.kind, id, actorOf(user), { comment });
  });
}

export async function deletionImpact(db: Database, id: string, user: AuthUser | null) {
  const reader: WriteTx = { run: (cypher, params) => db.read(cypher, params) };
  const owner = await findOwner(reader, id);
  if (!owner) throw notFound('entity', id);
  const [[entity], links, reach] = await Promise.all([findEntitiesByIds(db, [id]), findLinksOf(reader, id), findDeletionReach(db, id)]);
  const refusal = !user ? 'Sign in to delete.' : !KIND_SPEC.has(owner.kind) ? `${owner.kind}s are deleted from their own page.` : deletionRefusal(owner, user);
  return { entity: entity!, links, ...reach, canDelete: refusal === null, reason: refusal };
}
