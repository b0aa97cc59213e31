// All Cypher of the history: one (:Change) node per change, written inside the caller's write transaction so the
// change and its record commit or roll back together. Field values and snapshots are stored as JSON text (a property
// cannot hold a map).
import type { Database, WriteTx } from '../db/database.js';
import { HISTORY_LABEL } from '../db/labels.js';
import { int } from '../db/values.js';
import type { Cursor } from '../graphql/connection.js';
import { notifyChange } from '../notification/notification.repository.js';
import { newChangeId, nextSeq, type Actor, type ChangeInput, type ChangeRecord, type FieldChange } from './history.model.js';

export async function recordChange(tx: WriteTx, actor: Actor, change: ChangeInput): Promise<string> {
  // Every map change is recorded here, naming each entity it touched: the write's delta of the supply graph (database.ts).
  tx.touch?.([change.entityId, change.fromId, change.toId, change.mergedId]);
  const id = newChangeId();
  await tx.run(`CREATE (c:${HISTORY_LABEL} {id: $id}) SET c += $props, c.at = datetime()`, {
    id,
    props: {
      seq: nextSeq(),
      kind: change.kind,
      byId: actor.id,
      byName: actor.name,
      entityId: change.entityId ?? null,
      entityKind: change.entityKind ?? null,
      entityName: change.entityName ?? null,
      linkType: change.linkType ?? null,
      fromId: change.fromId ?? null,
      toId: change.toId ?? null,
      fields: JSON.stringify(change.fields),
      comment: change.comment ?? null,
      revision: change.revision ?? null,
      snapshot: change.snapshot ? JSON.stringify(change.snapshot) : null,
      mergedId: change.mergedId ?? null,
      restoresChangeId: change.restoresChangeId ?? null,
      notRestored: change.notRestored ?? null,
    },
  });
  // The followers of what changed hear of it in this same transaction: a rolled-back change notifies nobody.
  await notifyChange(tx, actor, change);
  return id;
}

const RETURN_CHANGE = `RETURN properties(c) AS c`;

function toChange(row: { c: Record<string, any> }): ChangeRecord {
  const c = row.c;
  return {
    id: c.id,
    kind: c.kind,
    at: c.at,
    byId: c.byId,
    byName: c.byName,
    entityId: c.entityId ?? null,
    entityKind: c.entityKind ?? null,
    entityName: c.entityName ?? null,
    linkType: c.linkType ?? null,
    fromId: c.fromId ?? null,
    toId: c.toId ?? null,
    fields: JSON.parse(c.fields ?? '[]') as FieldChange[],
    comment: c.comment ?? null,
    revision: c.revision ?? null,
    snapshot: c.snapshot ? JSON.parse(c.snapshot) : null,
    mergedId: c.mergedId ?? null,
    restoresChangeId: c.restoresChangeId ?? null,
    notRestored: c.notRestored ?? null,
    restoredBy: c.restoredBy ?? null,
    seq: c.seq,
  } as ChangeRecord & { seq: number };
}

// Changes of the entity itself, of links touching it, and merges that folded another entity into it.
const CONCERNS = `CALL () {
    MATCH (c:${HISTORY_LABEL} {entityId: $id}) RETURN c
    UNION MATCH (c:${HISTORY_LABEL} {fromId: $id}) RETURN c
    UNION MATCH (c:${HISTORY_LABEL} {toId: $id}) RETURN c
    UNION MATCH (c:${HISTORY_LABEL} {mergedId: $id}) RETURN c
  }`;

/** Newest first; `after` is the cursor of the last change of the previous page (name = seq). */
export async function findHistory(
  db: Database,
  id: string,
  first: number,
  after: Cursor | null,
): Promise<{ rows: (ChangeRecord & { seq: number })[]; total: number }> {
  const rows = await db.read<{ c: Record<string, any>; total: number }>(
    `CALL () { ${CONCERNS} RETURN count(c) AS total }
     OPTIONAL CALL () {
       ${CONCERNS}
       WITH c WHERE $afterSeq IS NULL OR c.seq < $afterSeq OR (c.seq = $afterSeq AND c.id < $afterId)
       RETURN c ORDER BY c.seq DESC, c.id DESC LIMIT $limit
     }
     RETURN total, properties(c) AS c`,
    { id, afterSeq: after ? Number(after.name) : null, afterId: after?.id ?? '', limit: int(first + 1) },
  );
  const total = rows[0]?.total ?? 0;
  return { total, rows: rows.filter((r) => r.c !== null).map((r) => toChange(r) as ChangeRecord & { seq: number }) };
}

/** The entity's own changes after the given revision, oldest first: what a conflicting editor has not seen. */
export async function changesSinceRevision(tx: WriteTx, id: string, revision: number): Promise<ChangeRecord[]> {
  const rows = await tx.run<{ c: Record<string, any> }>(
    `MATCH (c:${HISTORY_LABEL} {entityId: $id}) WHERE c.revision > $revision ${RETURN_CHANGE} ORDER BY c.seq`,
    { id, revision },
  );
  return rows.map(toChange);
}

export async function findChange(tx: WriteTx, changeId: string): Promise<ChangeRecord | null> {
  const [row] = await tx.run<{ c: Record<string, any> }>(`MATCH (c:${HISTORY_LABEL} {id: $changeId}) ${RETURN_CHANGE}`, { changeId });
  return row ? toChange(row) : null;
}

/** Marks a DELETE or UNLINK as undone, so it cannot be restored twice. */
export async function markRestored(tx: WriteTx, changeId: string, restoreChangeId: string): Promise<void> {
  await tx.run(`MATCH (c:${HISTORY_LABEL} {id: $changeId}) SET c.restoredBy = $restoreChangeId`, { changeId, restoreChangeId });
}
