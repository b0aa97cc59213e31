// All Cypher of soft-deleting and restoring a signal. A deleted signal keeps its node (id, properties, annotations)
// under DELETED_SIGNAL_LABEL instead of :Entity:Signal, so every query that matches signals stops seeing it; its
// INDICATES links are removed (analyses walk links without always checking labels) and kept in the DELETE snapshot.
import type { WriteTx } from '../db/database.js';
import { DELETED_SIGNAL_LABEL, ENTITY_LABEL } from '../db/labels.js';

const SIGNAL = 'Signal';
const INDICATES = 'INDICATES';

/** Takes the signal out of every list and analysis; returns how many INDICATES links went with it. */
export async function markSignalDeleted(tx: WriteTx, id: string, by: { id: string; name: string }): Promise<number> {
  const [row] = await tx.run<{ removed: number }>(
    `MATCH (s:${SIGNAL} {id: $id})
     OPTIONAL MATCH (s)-[r:${INDICATES}]->()
     WITH s, collect(r) AS links
     FOREACH (r IN links | DELETE r)
     REMOVE s:${ENTITY_LABEL}:${SIGNAL}
     SET s:${DELETED_SIGNAL_LABEL}, s.deletedAt = datetime(), s.deletedById = $by.id, s.deletedByName = $by.name
     RETURN size(links) AS removed`,
    { id, by },
  );
  return row?.removed ?? 0;
}

export async function isDeletedSignal(tx: WriteTx, id: string): Promise<boolean> {
  return (await tx.run(`MATCH (s:${DELETED_SIGNAL_LABEL} {id: $id}) RETURN s.id AS id`, { id })).length > 0;
}

/** What a restore would collide with: a live entity with the id, or a live signal holding its URL or content keys. */
export async function findRestoreConflicts(tx: WriteTx, id: string): Promise<{ sameId: boolean; sameUrl: string | null; sameContent: string | null }> {
  const [row] = await tx.run<{ sameId: boolean; sameUrl: string | null; sameContent: string | null }>(
    `MATCH (d:${DELETED_SIGNAL_LABEL} {id: $id})
     RETURN EXISTS { MATCH (:${ENTITY_LABEL} {id: $id}) } AS sameId,
       COLLECT { MATCH (o:${SIGNAL}) WHERE d.canonicalUrl IS NOT NULL AND o.canonicalUrl = d.canonicalUrl RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS sameUrl,
       COLLECT { MATCH (o:${SIGNAL}) WHERE d.contentHash IS NOT NULL AND o.contentHash = d.contentHash RETURN o.id ORDER BY o.id LIMIT 1 }[0] AS sameContent`,
    { id },
  );
  return row ?? { sameId: false, sameUrl: null, sameContent: null };
}

/** Gives a soft-deleted signal its labels back (its links are re-created from the snapshot by the caller). */
export async function unmarkSignalDeleted(tx: WriteTx, id: string): Promise<void> {
  await tx.run(
    `MATCH (s:${DELETED_SIGNAL_LABEL} {id: $id})
     REMOVE s:${DELETED_SIGNAL_LABEL}, s.deletedAt, s.deletedById, s.deletedByName
     SET s:${ENTITY_LABEL}:${SIGNAL}, s.updatedAt = datetime()`,
    { id },
  );
}

/** Ids of soft-deleted signals among these, so a new signal never takes a deleted one's id (restore needs it free). */
export async function findDeletedIds(tx: WriteTx, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.run<{ id: string }>(`UNWIND $ids AS i MATCH (s:${DELETED_SIGNAL_LABEL} {id: i}) RETURN i AS id`, { ids });
  return rows.map((r) => r.id);
}
