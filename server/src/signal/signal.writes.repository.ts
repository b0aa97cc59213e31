// All Cypher that writes signals by hand: create, edit, triage (status), link and unlink. One transaction each.
import type { Database, WriteTx } from '../db/database.js';
import { retryOnConstraintConflict } from '../db/constraint-conflict.js';
import { ENTITY_LABEL } from '../db/labels.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences } from '../entity/entity.writes.repository.js';
import { createdFields, type Actor } from '../history/history.model.js';
import { recordChange } from '../history/history.repository.js';
import { notifySavedSearchMatches } from '../notification/notification.repository.js';
import { findDeletedIds } from './signal.deletion.repository.js';
import { removeLink, writeLink } from '../mapping/link.writes.repository.js';
import { badInput, notFound } from '../graphql/errors.js';
import { alternativeId, candidateId } from './signal.intake.js';
import { ensureDedupKeys, findExistingKeys } from './signal.keys.repository.js';
import { DEFAULT_RELEVANCE, INDICATES_TARGETS, type SignalDraft } from './signal.model.js';
import type { IndicatesRow } from './signal.repository.js';

export interface DraftLink {
  targetId: string;
  relevance: number;
}

/** Fails with BAD_USER_INPUT on the URL or title field when a stored signal has the same canonical URL or content. */
async function refuseDuplicate(tx: WriteTx, draft: Pick<SignalDraft, 'canonicalUrl' | 'contentHash'>, excludeId: string | null, field: string) {
  const computed = await ensureDedupKeys(tx, true);
  const existing = await findExistingKeys(
    tx,
    { urls: [draft.canonicalUrl], hashes: [draft.contentHash], candidateIds: [], targetIds: [], excludeId },
    computed,
  );
  const sameUrl = existing.byUrl.get(draft.canonicalUrl);
  if (sameUrl) throw badInput({ field: `${field}.url`, message: `is already recorded as signal ${sameUrl} (same canonical URL).` });
  const sameContent = existing.byHash.get(draft.contentHash);
  if (sameContent) throw badInput({ field: `${field}.title`, message: `signal ${sameContent} already has this title and summary.` });
}

const SIGNAL_PROPS = ['name', 'description', 'url', 'canonicalUrl', 'contentHash', 'publisher', 'publishedAt', 'observedAt', 'steep', 'status'] as const;

function draftProps(draft: SignalDraft): Record<string, unknown> {
  return Object.fromEntries(SIGNAL_PROPS.map((key) => [key, draft[key]]));
}

/** Retried when it loses a race on the unique keys (db/indexes-and-constraints.repository.ts), so the replay refuses it as already recorded. */
export async function insertSignal(db: Database, draft: SignalDraft, links: DraftLink[], actor: Actor): Promise<EntityRecord> {
  return retryOnConstraintConflict(() =>
    db.writeTransaction(async (tx) => {
      await checkReferences(tx, [{ field: 'input.links', ids: links.map((l) => l.targetId), kinds: INDICATES_TARGETS }]);
      await refuseDuplicate(tx, draft, null, 'input');
      const candidates = [candidateId(draft), alternativeId(draft)];
      const taken = await tx.run<{ id: string }>(`UNWIND $ids AS i MATCH (n:${ENTITY_LABEL} {id: i}) RETURN i AS id`, { ids: candidates });
      const deleted = await findDeletedIds(tx, candidates);
      const id = candidates.find((c) => !taken.some((t) => t.id === c) && !deleted.includes(c)) ?? `${alternativeId(draft)}-${Date.now().toString(36)}`;
      const [row] = await tx.run<{ props: Record<string, unknown> }>(
        `CREATE (s:${ENTITY_LABEL}:Signal {id: $id})
       SET s += $props, s.createdBy = $author, s.createdAt = datetime(), s.updatedAt = datetime()
       WITH s
       CALL (s) { UNWIND $links AS l MATCH (t:${ENTITY_LABEL} {id: l.targetId}) MERGE (s)-[r:INDICATES]->(t) SET r.relevance = l.relevance }
       RETURN properties(s) AS props`,
        { id, props: draftProps(draft), author: actor.name, links },
      );
      await recordChange(tx, actor, {
        kind: 'CREATE',
        entityId: id,
        entityKind: 'Signal',
        entityName: draft.name,
        fields: createdFields({ ...draftProps(draft), indicates: links.map((l) => l.targetId) }),
      });
      // (recordChange told the followers of the linked targets; saved searches are asked here, in the same transaction.)
      await notifySavedSearchMatches(tx, actor, [id]);
      return toEntity({ kind: 'Signal', props: row!.props });
    }),
  );
}

/** The stored fields as a draft, to merge an edit into. */
export async function findSignalForEdit(tx: WriteTx, id: string): Promise<SignalDraft> {
  const [row] = await tx.run<{ props: Record<string, any> }>('MATCH (s:Signal {id: $id}) RETURN properties(s) AS props', { id });
  if (!row) throw notFound('signal', id);
  const p = row.props;
  return {
    name: p.name,
    description: p.description ?? null,
    url: p.url,
    canonicalUrl: p.canonicalUrl ?? '',
    contentHash: p.contentHash ?? '',
    publisher: p.publisher ?? null,
    publishedAt: p.publishedAt,
    observedAt: p.observedAt ?? p.publishedAt,
    steep: p.steep,
    status: p.status,
    targetIds: [],
  };
}

/** Applies an edit: `merge` turns the stored draft into the new one (validated, with fresh keys) inside the transaction. */
export async function modifySignal(db: Database, id: string, merge: (current: SignalDraft) => SignalDraft): Promise<EntityRecord> {
  return retryOnConstraintConflict(() =>
    db.writeTransaction(async (tx) => {
      const current = await findSignalForEdit(tx, id);
      const next = merge(current);
      if (next.canonicalUrl !== current.canonicalUrl || next.contentHash !== current.contentHash) await refuseDuplicate(tx, next, id, 'input');
      const props = draftProps(next);
      const [row] = await tx.run<{ props: Record<string, unknown> }>(
        'MATCH (s:Signal {id: $id}) SET s += $props, s.updatedAt = datetime() RETURN properties(s) AS props',
        { id, props },
      );
      return toEntity({ kind: 'Signal', props: row!.props });
    }),
  );
}

/**
 * Triage: sets the status of one or more signals; unknown ids fail the whole change. Each signal whose status really
 * changes gets an UPDATE in its history (who, when, before → after) in the same transaction.
 */
export async function changeStatus(db: Database, ids: readonly string[], status: string, actor: Actor): Promise<EntityRecord[]> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'ids', ids, kinds: ['Signal'] }]);
    const rows = await tx.run<{ props: Record<string, unknown>; before: string | null }>(
      `UNWIND $ids AS id MATCH (s:Signal {id: id})
       WITH s, s.status AS before
       SET s.status = $status, s.statusBy = $author, s.updatedAt = datetime()
       RETURN properties(s) AS props, before`,
      { ids, status, author: actor.name },
    );
    await recordStatusChanges(
      tx,
      rows.map((r) => ({ id: String(r.props.id), name: String(r.props.name ?? r.props.id), before: r.before, after: status })),
      actor,
    );
    return rows.map((r) => toEntity({ kind: 'Signal', props: r.props }));
  });
}

interface StatusChange {
  id: string;
  name: string;
  before: string | null;
  after: string;
}

async function recordStatusChanges(tx: WriteTx, changes: readonly StatusChange[], actor: Actor): Promise<void> {
  for (const c of changes) {
    if (c.before === c.after) continue;
    await recordChange(tx, actor, {
      kind: 'UPDATE',
      entityId: c.id,
      entityKind: 'Signal',
      entityName: c.name,
      fields: [{ field: 'status', before: c.before, after: c.after }],
    });
  }
}

/**
 * Links (or re-rates) a signal to a target through the map's one link path (references, history). A new or assessed
 * signal becomes linked; an archived one stays archived.
 */
export async function linkSignal(db: Database, signalId: string, targetId: string, relevance: number | null, actor: Actor): Promise<IndicatesRow> {
  return db.writeTransaction(async (tx) => {
    const link = await writeLink(
      tx,
      { type: 'INDICATES', fromId: signalId, toId: targetId, properties: { relevance: relevance ?? DEFAULT_RELEVANCE }, sourceIds: null },
      actor,
      { from: 'input.signalId', to: 'input.targetId', sourceIds: 'input.sourceIds', properties: 'input', singleEnds: false },
    );
    const [row] = await tx.run<{ signal: Record<string, unknown>; before: string | null }>(
      `MATCH (s:Signal {id: $signalId})
       WITH s, s.status AS before
       SET s.updatedAt = datetime(), s.status = CASE WHEN s.status IN ['new', 'assessed'] THEN 'linked' ELSE s.status END
       RETURN properties(s) AS signal, before`,
      { signalId },
    );
    await recordStatusChanges(
      tx,
      [{ id: signalId, name: String(row!.signal.name ?? signalId), before: row!.before, after: String(row!.signal.status) }],
      actor,
    );
    return { signal: toEntity({ kind: 'Signal', props: row!.signal }), target: link.to, relevance: link.properties.relevance as number };
  });
}

export async function unlinkSignal(db: Database, signalId: string, targetId: string, actor: Actor): Promise<{ removed: boolean }> {
  const { removed } = await db.writeTransaction((tx) => removeLink(tx, 'INDICATES', signalId, targetId, actor));
  return { removed };
}
