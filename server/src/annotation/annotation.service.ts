// Annotations: the input checked first (each problem naming its field), then one write in the repository; and the
// spread of an entity's ratings, computed by the pure analysis from the request's batched annotations.
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { assertValid } from '../graphql/errors.js';
import { optionalText, problems } from '../graphql/validation.js';
import { ratingSpread, type RatedAnnotation } from './annotation.analysis.js';
import { annotationsOfTarget } from './annotation.loaders.js';
import { insertAnnotation, reviseAnnotation, softDeleteAnnotation } from './annotation.repository.js';
import type { AnnotationEdit, AnnotationInput } from './annotation.type.js';
import { validateAnnotation, validateAnnotationEdit } from './annotation.validation.js';

export function annotate(db: Database, input: AnnotationInput, author: AuthUser): Promise<EntityRecord> {
  const content = validateAnnotation(input);
  return insertAnnotation(db, `ann:${randomUUID()}`, input.targetId, content, author);
}

export function editAnnotation(db: Database, id: string, input: AnnotationEdit, expectedVersion: number | null, editor: AuthUser): Promise<EntityRecord> {
  const merge = validateAnnotationEdit(input);
  return reviseAnnotation(db, id, merge, expectedVersion, editor);
}

export function deleteAnnotation(db: Database, id: string, reason: string | null, editor: AuthUser): Promise<EntityRecord> {
  assertValid(problems(optionalText('reason', reason, 1000)));
  return softDeleteAnnotation(db, id, reason?.trim() || null, editor);
}

/** An entity's annotations (batched per request), the deleted ones only when asked for. */
export async function annotationsOf(ctx: RequestContext, targetId: string, includeDeleted: boolean): Promise<EntityRecord[]> {
  const all = await annotationsOfTarget(ctx).load(targetId);
  return includeDeleted ? all : all.filter((a) => !a.deleted);
}

export async function ratingSpreadOf(ctx: RequestContext, targetId: string) {
  return ratingSpread((await annotationsOfTarget(ctx).load(targetId)) as unknown as RatedAnnotation[]);
}
