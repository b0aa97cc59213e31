// Undo and merge: an admin restores a deleted entity (with the links whose other end still exists) or a removed link
// from its history record; analysts merge two duplicates of one kind. Each is one write transaction with its record.
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { findEntitiesByIds } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { snapshotEntity } from '../entity/entity.writes.repository.js';
import { assertValid, badInput, notAllowed, notFound } from '../graphql/errors.js';
import { optionalText, problems, requiredText } from '../graphql/validation.js';
import { fieldChanges, type Actor, type EntitySnapshot, type LinkSnapshot } from '../history/history.model.js';
import { findChange, markRestored, recordChange } from '../history/history.repository.js';
import { KIND_SPEC } from './mapping-model.js';
import { findOwner } from './map-entity.repository.js';
import { mergedAliases } from './merge.rules.js';
import { isSoftDeletedSignal, restoreSoftDeletedSignal } from '../signal/signal.deletion.service.js';
import { describeLink, entityExists, recreateEntity, recreateLinks, repointRelationships, setMergedAliases } from './restore.repository.js';

const actorOf = (user: AuthUser): Actor => ({ id: user.id, name: user.name });

export async function restoreChange(db: Database, changeId: string, user: AuthUser): Promise<EntityRecord> {
  const actor = actorOf(user);
  const restoredId = await db.writeTransaction(async (tx) => {
    const change = await findChange(tx, changeId);
    if (!change) throw notFound('change', changeId, 'changeId');
    if (change.restoredBy) throw badInput({ field: 'changeId', message: `was already undone by ${change.restoredBy}; nothing to restore.` });
    if (change.kind === 'DELETE') {
      const snapshot = change.snapshot as EntitySnapshot;
      if (await isSoftDeletedSignal(tx, snapshot)) return restoreSoftDeletedSignal(tx, changeId, snapshot, actor);
      const id = String(snapshot.properties.id);
      if (await entityExists(tx, id))
        throw badInput({ field: 'changeId', message: `an entity with id "${id}" exists again; merge or delete it first, then restore.` });
      const revision = Number(snapshot.properties.revision ?? 0) + 1;
      const missing = await recreateEntity(tx, snapshot, revision);
      const outcomes = await recreateLinks(tx, snapshot.links);
      const notRestored = [
        ...missing,
        ...outcomes.filter((o) => o.outcome === 'missing').map((o) => `${describeLink(o.link)} (the other end no longer exists)`),
      ];
      const restoreId = await recordChange(tx, actor, {
        kind: 'RESTORE',
        entityId: id,
        entityKind: snapshot.kind,
        entityName: String(snapshot.properties.name ?? id),
        revision,
        fields: fieldChanges({}, { ...snapshot.properties, sources: snapshot.sourceIds }),
        restoresChangeId: changeId,
        notRestored,
      });
      await markRestored(tx, changeId, restoreId);
      return id;
    }
    if (change.kind === 'UNLINK') {
      const link = change.snapshot as LinkSnapshot;
      const [outcome] = await recreateLinks(tx, [link]);
      if (!outcome || outcome.outcome === 'missing') {
        throw badInput({ field: 'changeId', message: `cannot bring back ${describeLink(link)}: one of its ends no longer exists; restore that entity first.` });
      }
      if (outcome.outcome === 'exists') throw badInput({ field: 'changeId', message: `${describeLink(link)} exists again; edit it instead.` });
      const restoreId = await recordChange(tx, actor, {
        kind: 'RESTORE',
        linkType: link.type,
        fromId: link.fromId,
        toId: link.toId,
        fields: fieldChanges({}, link.properties),
        restoresChangeId: changeId,
      });
      await markRestored(tx, changeId, restoreId);
      return link.fromId;
    }
    throw badInput({ field: 'changeId', message: `is a ${change.kind}; only a DELETE or an UNLINK can be restored (edit the entity to undo other changes).` });
  });
  const [entity] = await findEntitiesByIds(db, [restoredId]);
  return entity!;
}

function mergeProblems(keepId: string, mergeId: string, comment: string | null | undefined) {
  return problems(
    requiredText('keepId', keepId),
    requiredText('mergeId', mergeId),
    keepId === mergeId ? { field: 'mergeId', message: 'must differ from keepId: an entity cannot be merged into itself.' } : null,
    optionalText('comment', comment, 2000),
  );
}

export async function mergeEntities(db: Database, keepId: string, mergeId: string, comment: string | null | undefined, user: AuthUser): Promise<EntityRecord> {
  assertValid(mergeProblems(keepId, mergeId, comment));
  const actor = actorOf(user);
  await db.writeTransaction(async (tx) => {
    const [keep, merged] = [await findOwner(tx, keepId), await findOwner(tx, mergeId)];
    if (!keep) throw notFound('entity', keepId, 'keepId');
    if (!merged) throw notFound('entity', mergeId, 'mergeId');
    if (keep.kind !== merged.kind)
      throw badInput({ field: 'mergeId', message: `is a ${merged.kind} and ${keepId} a ${keep.kind}; only entities of the same kind can be merged.` });
    if (!KIND_SPEC.has(keep.kind)) throw badInput({ field: 'keepId', message: `${keep.kind}s are not merged here.` });
    if (KIND_SPEC.get(keep.kind)!.adminOnly && user.role !== 'admin') throw notAllowed('Only an admin may merge entries of the EU official lists.', 'keepId');
    const kind: EntityKind = keep.kind;
    const keepBefore = (await snapshotEntity(tx, kind, keepId))!;
    const mergedSnapshot = (await snapshotEntity(tx, kind, mergeId))!;
    const { dropped } = await repointRelationships(tx, keepId, mergeId, mergedSnapshot.links);
    const aliases = mergedAliases(keepBefore.properties, mergedSnapshot.properties);
    const sources = [...new Set([...keepBefore.sourceIds, ...mergedSnapshot.sourceIds])].sort();
    const revision = await setMergedAliases(tx, kind, keepId, aliases, actor);
    await recordChange(tx, actor, {
      kind: 'MERGE',
      entityId: keepId,
      entityKind: kind,
      entityName: keep.name,
      mergedId: mergeId,
      revision,
      fields: fieldChanges({ aliases: keepBefore.properties.aliases ?? null, sources: [...keepBefore.sourceIds].sort() }, { aliases, sources }),
      snapshot: mergedSnapshot,
      notRestored: dropped,
      comment,
    });
  });
  const [entity] = await findEntitiesByIds(db, [keepId]);
  return entity!;
}
