// Admins delete signals softly: one transaction takes the signal out of the inbox, search and analyses, and records
// a DELETE in history with a snapshot of its INDICATES links, so history (and `restore`) can bring it back whole.
import type { Database, WriteTx } from '../db/database.js';
import { snapshotEntity } from '../entity/entity.writes.repository.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { optionalText, problems } from '../graphql/validation.js';
import { fieldChanges, type Actor, type EntitySnapshot } from '../history/history.model.js';
import { markRestored, recordChange } from '../history/history.repository.js';
import { describeLink, recreateLinks } from '../mapping/restore.repository.js';
import { findRestoreConflicts, isDeletedSignal, markSignalDeleted, unmarkSignalDeleted } from './signal.deletion.repository.js';

export async function softDeleteSignal(db: Database, id: string, comment: string | null | undefined, actor: Actor) {
  assertValid(problems(optionalText('comment', comment, 2000)));
  return db.writeTransaction(async (tx) => {
    const snapshot = await snapshotEntity(tx, 'Signal', id);
    if (!snapshot) throw notFound('signal', id);
    // Only the links the deletion removes are restored; annotations stay attached to the deleted signal.
    const kept: EntitySnapshot = { ...snapshot, links: snapshot.links.filter((l) => l.type === 'INDICATES' && l.fromId === id) };
    const relationshipsRemoved = await markSignalDeleted(tx, id, actor);
    const changeId = await recordChange(tx, actor, {
      kind: 'DELETE',
      entityId: id,
      entityKind: 'Signal',
      entityName: String(snapshot.properties.name ?? id),
      fields: fieldChanges({ status: snapshot.properties.status ?? null, deleted: false }, { status: snapshot.properties.status ?? null, deleted: true }),
      snapshot: kept,
      comment: comment?.trim() || null,
    });
    return { id, relationshipsRemoved, changeId };
  });
}

/** Whether a DELETE record is a signal's soft deletion that this module undoes (rather than a re-created entity). */
export async function isSoftDeletedSignal(tx: WriteTx, snapshot: EntitySnapshot): Promise<boolean> {
  return snapshot.kind === 'Signal' && (await isDeletedSignal(tx, String(snapshot.properties.id)));
}

/** Undoes a soft deletion inside the restore's transaction; refuses when the signal's id or keys were taken since. */
export async function restoreSoftDeletedSignal(tx: WriteTx, changeId: string, snapshot: EntitySnapshot, actor: Actor): Promise<string> {
  const id = String(snapshot.properties.id);
  const conflicts = await findRestoreConflicts(tx, id);
  if (conflicts.sameId) throw badInput({ field: 'changeId', message: `an entity with id "${id}" exists again; delete it first, then restore.` });
  if (conflicts.sameUrl)
    throw badInput({ field: 'changeId', message: `signal ${conflicts.sameUrl} now has the same URL; delete or edit it first, then restore.` });
  if (conflicts.sameContent)
    throw badInput({
      field: 'changeId',
      message: `signal ${conflicts.sameContent} now has the same title and summary; delete or edit it first, then restore.`,
    });
  await unmarkSignalDeleted(tx, id);
  const outcomes = await recreateLinks(tx, snapshot.links);
  const notRestored = outcomes.filter((o) => o.outcome === 'missing').map((o) => `${describeLink(o.link)} (the other end no longer exists)`);
  const restoreId = await recordChange(tx, actor, {
    kind: 'RESTORE',
    entityId: id,
    entityKind: 'Signal',
    entityName: String(snapshot.properties.name ?? id),
    fields: fieldChanges({ deleted: true }, { deleted: false }),
    restoresChangeId: changeId,
    notRestored,
  });
  await markRestored(tx, changeId, restoreId);
  return id;
}
