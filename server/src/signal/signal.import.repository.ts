// The import transaction: look up what is stored, plan (pure, signal.intake.ts), then create every new signal and
// its links with UNWIND, all or nothing. A dry run plans the same way and writes nothing.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL } from '../db/labels.js';
import { retryOnConstraintConflict } from '../db/constraint-conflict.js';
import { checkReferences } from '../entity/entity.writes.repository.js';
import { alternativeId, candidateId, planImport, type CheckedRecord, type PlannedItem } from './signal.intake.js';
import { ensureDedupKeys, findExistingKeys } from './signal.keys.repository.js';
import { INDICATES_TARGETS } from './signal.model.js';
import type { Actor } from '../history/history.model.js';
import { notifyImportedSignals } from '../notification/notification.repository.js';

export interface ImportWrite {
  checked: CheckedRecord[];
  linkTo: string[];
  relevance: number;
  actor: Actor;
  importedFrom: string | null;
  dryRun: boolean;
}

/**
 * Canonical URL, content hash and id are unique in the database (db/indexes-and-constraints.repository.ts): an import racing another intake of
 * the same signals loses on the constraint and is planned again, so the racers' signals become its duplicates.
 */
export async function runImport(db: Database, job: ImportWrite): Promise<PlannedItem[]> {
  // A dry run only reads: no write transaction, so the data version (and every cache keyed by it) stays as it is.
  const transaction = job.dryRun ? db.readTransaction.bind(db) : db.writeTransaction.bind(db);
  return retryOnConstraintConflict(() =>
    transaction(async (tx) => {
      await checkReferences(tx, [{ field: 'input.linkTo', ids: job.linkTo, kinds: INDICATES_TARGETS }]);
      const computed = await ensureDedupKeys(tx, !job.dryRun);
      const drafts = job.checked.flatMap((c) => (c.draft ? [c.draft] : []));
      const existing = await findExistingKeys(
        tx,
        {
          urls: [...new Set(drafts.map((d) => d.canonicalUrl))],
          hashes: [...new Set(drafts.map((d) => d.contentHash))],
          candidateIds: [...new Set(drafts.flatMap((d) => [candidateId(d), alternativeId(d)]))],
          targetIds: [...new Set(drafts.flatMap((d) => d.targetIds))],
        },
        job.dryRun ? computed : [],
      );
      const plan = planImport(job.checked, existing);
      if (job.dryRun) return plan;
      const rows = plan
        .filter((item) => item.outcome === 'created')
        .map((item) => {
          const { targetIds, ...props } = item.draft!;
          const links = [...new Set([...targetIds, ...job.linkTo])].map((targetId) => ({ targetId, relevance: job.relevance }));
          return { id: item.signalId!, props: { ...props, importedFrom: job.importedFrom }, links };
        });
      if (rows.length) {
        await tx.run(
          `UNWIND $rows AS row
         CREATE (s:${ENTITY_LABEL}:Signal {id: row.id})
         SET s += row.props, s.createdBy = $author, s.createdAt = datetime(), s.updatedAt = datetime()
         WITH s, row
         CALL (s, row) {
           UNWIND row.links AS l
           MATCH (t:${ENTITY_LABEL} {id: l.targetId})
           MERGE (s)-[r:INDICATES]->(t) SET r.relevance = l.relevance
         }
         RETURN count(*) AS created`,
          { rows, author: job.actor.name },
        );
        // In the same transaction: followers of the targets and of matching saved searches hear of the new signals.
        await notifyImportedSignals(
          tx,
          job.actor,
          rows.map((r) => ({ id: r.id, name: String(r.props.name), targetIds: r.links.map((l) => l.targetId) })),
        );
      }
      return plan;
    }),
  );
}
