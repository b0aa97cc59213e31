import type { EntityRecord } from '../entity/entity.type.js';
import { defineLoader, groupInOrder } from '../graphql/context.js';
import { findAnnotationsOfTargets, findRevisions, type RevisionRow } from './annotation.repository.js';

/** Every annotation of an entity, deleted ones included (the field filters), newest first. */
export const annotationsOfTarget = defineLoader<string, EntityRecord[]>('annotationsOfTarget', async (db, ids) =>
  groupInOrder(ids, await findAnnotationsOfTargets(db, ids), (r) => r.key).map((rows) => rows.map((r) => r.annotation)),
);

/** An annotation's revisions, oldest first. */
export const revisionsOfAnnotation = defineLoader<string, RevisionRow[]>('revisionsOfAnnotation', async (db, ids) =>
  groupInOrder(ids, await findRevisions(db, ids), (r) => r.annotationId),
);
