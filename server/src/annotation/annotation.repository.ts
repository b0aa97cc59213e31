// All Cypher for annotations. The model, append-only:
//   (a:Entity:Annotation {current content, author, version, deleted…})-[:ANNOTATES]->(target)
//   (r:AnnotationRevision {version, action, author, at, content snapshot})-[:REVISION_OF]->(a)
// Every create, edit and delete adds one revision; nothing is ever overwritten without its earlier version kept.
import { GraphQLError } from 'graphql';
import type { Database, WriteTx } from '../db/database.js';
import { ANNOTATION_LINKS, ENTITY_LABEL, REVISION_LABEL } from '../db/labels.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences } from '../entity/entity.writes.repository.js';
import { badInput, notFound } from '../graphql/errors.js';
import { notYours, standingOf, type Owner } from '../auth/ownership.js';
import { admiraltyCode, ANNOTATABLE_KINDS, CONTENT_KEYS, excerpt, RATING_KEYS, type AnnotationContent, type RevisionAction } from './annotation.model.js';
import { sameContent } from './annotation.validation.js';
import { notifyAnnotation } from '../notification/notification.repository.js';
import { ratingWords } from '../notification/notification.model.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';

const { ANNOTATES, REVISION_OF } = ANNOTATION_LINKS;

/** What the node stores: the content (nulls removed by SET +=), plus its name for lists and search. */
function contentProps(content: AnnotationContent): Record<string, unknown> {
  return { ...Object.fromEntries(CONTENT_KEYS.map((k) => [k, content[k]])), name: excerpt(content.text) };
}

function contentOf(props: Record<string, any>): AnnotationContent {
  return {
    text: props.text ?? '',
    impact: props.impact ?? null,
    likelihood: props.likelihood ?? null,
    horizonYear: props.horizonYear ?? null,
    reliability: props.reliability ?? null,
    credibility: props.credibility ?? null,
    tags: props.tags ?? [],
    references: props.references ?? [],
  };
}

/** Annotations read back always have their lists (Neo4j drops empty lists' nulls) and a boolean deleted. */
export function toAnnotation(props: Record<string, unknown>): EntityRecord {
  const entity = toEntity({ kind: 'Annotation', props });
  return { ...entity, tags: entity.tags ?? [], references: entity.references ?? [], deleted: entity.deleted === true };
}

/** Who acts on an annotation: the signed-in user. */
type Actor = Owner;

async function addRevision(tx: WriteTx, id: string, action: RevisionAction, author: string, reason: string | null = null, moderated = false) {
  await tx.run(
    `MATCH (a:Annotation {id: $id})
     CREATE (r:${REVISION_LABEL})-[:${REVISION_OF}]->(a)
     SET r = {annotationId: a.id, version: a.version, action: $action, author: $author, at: a.updatedAt, reason: $reason, moderated: $moderated,
              text: a.text, impact: a.impact, likelihood: a.likelihood, horizonYear: a.horizonYear,
              reliability: a.reliability, credibility: a.credibility, tags: coalesce(a.tags, []), references: coalesce(a.references, [])}`,
    { id, action, author, reason, moderated },
  );
}

export async function insertAnnotation(db: Database, id: string, targetId: string, content: AnnotationContent, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction((tx) => createAnnotation(tx, id, targetId, content, actor));
}

/**
 * Creates an annotation and its first revision inside the caller's transaction: `annotate`, and the Delphi results a
 * study writes as its panel's ratings (delphi.repository.ts), whose author is the panel (an id no user has).
 */
export async function createAnnotation(
  tx: WriteTx,
  id: string,
  targetId: string,
  content: AnnotationContent,
  actor: Pick<Actor, 'id' | 'name'>,
): Promise<EntityRecord> {
  const author = actor.name;
  await checkReferences(tx, [{ field: 'input.targetId', ids: [targetId], kinds: ANNOTATABLE_KINDS }]);
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `MATCH (t:${ENTITY_LABEL} {id: $targetId})
     WITH t, datetime() AS now
     CREATE (a:${ENTITY_LABEL}:Annotation {id: $id})-[:${ANNOTATES}]->(t)
     SET a += $props, a.targetId = $targetId, a.author = $author, a.authorId = $authorId, a.updatedBy = $author, a.version = 1,
         a.deleted = false, a.createdAt = now, a.updatedAt = now, a.authorUpdatedAt = now
     RETURN properties(a) AS props`,
    { id, targetId, props: contentProps(content), author, authorId: actor.id },
  );
  await addRevision(tx, id, 'created', author);
  await notifyFollowersOfAnnotation(tx, actor, targetId, 'created', emptyContent(), content);
  return toAnnotation(row!.props);
}

const WRITE_YOUR_OWN = 'Write your own annotation to give your view, or ask an administrator to moderate this one.';

async function findForChange(
  tx: WriteTx,
  id: string,
  expectedVersion: number | null,
  actor: Actor,
): Promise<{ props: Record<string, any>; moderated: boolean }> {
  const [row] = await tx.run<{ props: Record<string, any> }>('MATCH (a:Annotation {id: $id}) RETURN properties(a) AS props', { id });
  if (!row) throw notFound('annotation', id);
  const standing = standingOf(actor, row.props);
  if (standing === 'other') throw notYours('annotation', row.props.author, WRITE_YOUR_OWN);
  if (row.props.deleted) throw badInput({ field: 'id', message: `annotation ${id} is deleted; its history is kept, but it cannot change.` });
  if (expectedVersion !== null && row.props.version !== expectedVersion) {
    throw badInput({
      field: 'expectedVersion',
      message: `is ${expectedVersion}, but the annotation is at version ${row.props.version}: someone edited it meanwhile. Reload and retry.`,
    });
  }
  return { props: row.props, moderated: standing === 'moderator' };
}

/** A moderator may tidy the words, not the ratings: those are the author's vote in the spread. */
function refuseRatingChange(current: AnnotationContent, next: AnnotationContent, author: unknown): void {
  const changed = RATING_KEYS.filter((k) => (current[k] ?? null) !== (next[k] ?? null));
  if (changed.length === 0) return;
  throw new GraphQLError(
    `As a moderator you can change the text, tags and references ` +
      `of ${typeof author === 'string' ? author : 'another author'}'s annotation, not its ratings (${changed.join(', ')}): ` +
      `they are the author's vote. Delete the annotation to remove the vote.`,
    { extensions: { code: 'FORBIDDEN', fields: changed.map((k) => `input.${k}`) } },
  );
}

/** An edit: a new version with the merged content. An edit that changes nothing adds no revision. */
export async function reviseAnnotation(
  db: Database,
  id: string,
  merge: (current: AnnotationContent) => AnnotationContent,
  expectedVersion: number | null,
  actor: Actor,
): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    const { props, moderated } = await findForChange(tx, id, expectedVersion, actor);
    const current = contentOf(props);
    const next = merge(current);
    if (sameContent(current, next)) return toAnnotation(props);
    if (moderated) refuseRatingChange(current, next, props.author);
    // authorUpdatedAt moves only with the author's own edits: which of an author's annotations is their latest vote
    // (annotation.analysis.ts) must not change because a moderator touched an older one.
    const [row] = await tx.run<{ props: Record<string, unknown> }>(
      `MATCH (a:Annotation {id: $id})
       WITH a, datetime() AS now
       SET a += $props, a.version = a.version + 1, a.updatedBy = $author, a.updatedAt = now,
           a.authorUpdatedAt = CASE WHEN $moderated THEN coalesce(a.authorUpdatedAt, a.createdAt) ELSE now END
       RETURN properties(a) AS props`,
      { id, props: contentProps(next), author: actor.name, moderated },
    );
    await addRevision(tx, id, 'edited', actor.name, null, moderated);
    await notifyFollowersOfAnnotation(tx, actor, String(props.targetId), 'edited', current, next);
    return toAnnotation(row!.props);
  });
}

/** A soft delete: marked deleted (hidden from lists and the spread) with a last revision saying who and why. */
export async function softDeleteAnnotation(db: Database, id: string, reason: string | null, actor: Actor): Promise<EntityRecord> {
  const author = actor.name;
  return db.writeTransaction(async (tx) => {
    const { props, moderated } = await findForChange(tx, id, null, actor);
    const [row] = await tx.run<{ props: Record<string, unknown> }>(
      `MATCH (a:Annotation {id: $id})
       WITH a, datetime() AS now
       SET a.deleted = true, a.deletedBy = $author, a.deletedAt = now, a.version = a.version + 1,
           a.updatedBy = $author, a.updatedAt = now
       RETURN properties(a) AS props`,
      { id, author },
    );
    await addRevision(tx, id, 'deleted', author, reason, moderated);
    await notifyFollowersOfAnnotation(tx, actor, String(props.targetId), 'deleted', contentOf(props), emptyContent());
    return toAnnotation(row!.props);
  });
}

function emptyContent(): AnnotationContent {
  return { text: '', impact: null, likelihood: null, horizonYear: null, reliability: null, credibility: null, tags: [], references: [] };
}

/**
 * Followers of the annotated signal or entity hear of it in the same transaction: RATING_CHANGED when the ratings
 * (the author's vote in the spread) moved, SIGNAL_ANNOTATED for a new annotation without ratings; a text edit is quiet.
 */
async function notifyFollowersOfAnnotation(
  tx: WriteTx,
  actor: Pick<Actor, 'id' | 'name'>,
  targetId: string,
  action: RevisionAction,
  before: AnnotationContent,
  after: AnnotationContent,
): Promise<void> {
  const ratingsMoved = RATING_KEYS.some((k) => (before[k] ?? null) !== (after[k] ?? null));
  if (ratingsMoved) {
    const ratings = ratingWords(Object.fromEntries(RATING_KEYS.map((k) => [k, after[k]])));
    await notifyAnnotation(tx, actor, targetId, NotificationKind.RATING_CHANGED, (name) =>
      action === 'deleted' ? `${actor.name} withdrew their rating of “${name}”.` : `${actor.name} rated “${name}”${ratings ? `: ${ratings}` : ''}.`,
    );
  } else if (action === 'created') {
    await notifyAnnotation(tx, actor, targetId, NotificationKind.SIGNAL_ANNOTATED, (name) => `${actor.name} annotated “${name}”: ${excerpt(after.text, 120)}`);
  }
}

/** Every annotation (deleted ones too) of each target, newest first. */
export async function findAnnotationsOfTargets(db: Database, ids: readonly string[]) {
  const rows = await db.read<{ key: string; props: Record<string, unknown> }>(
    `UNWIND $ids AS key
     MATCH (a:Annotation)-[:${ANNOTATES}]->(:${ENTITY_LABEL} {id: key})
     RETURN key, properties(a) AS props
     ORDER BY a.createdAt DESC, a.id`,
    { ids },
  );
  return rows.map((r) => ({ key: r.key, annotation: toAnnotation(r.props) }));
}

export interface RevisionRow {
  annotationId: string;
  version: number;
  action: string;
  author: string;
  at: string;
  reason: string | null;
  confidence: string | null;
  [field: string]: unknown;
}

/** The revisions of each annotation, oldest first. */
export async function findRevisions(db: Database, ids: readonly string[]): Promise<RevisionRow[]> {
  const rows = await db.read<{ props: Record<string, any> }>(
    `UNWIND $ids AS key
     MATCH (r:${REVISION_LABEL})-[:${REVISION_OF}]->(:Annotation {id: key})
     RETURN properties(r) AS props
     ORDER BY r.version`,
    { ids },
  );
  return rows.map(({ props }) => ({
    ...props,
    tags: props.tags ?? [],
    references: props.references ?? [],
    reason: props.reason ?? null,
    moderated: props.moderated === true,
    confidence: admiraltyCode(props.reliability, props.credibility),
  })) as unknown as RevisionRow[];
}
