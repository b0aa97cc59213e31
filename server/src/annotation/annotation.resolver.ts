import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { Capability } from '../capability/capability.type.js';
import { entityById } from '../entity/entity.loaders.js';
import { Component, Entity, Material, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { assertValid } from '../graphql/errors.js';
import { optionalText, problems } from '../graphql/validation.js';
import { Signal } from '../signal/signal.type.js';
import { Technology } from '../technology/technology.type.js';
import { ratingSpread, type RatedAnnotation } from './annotation.analysis.js';
import { annotationsOfTarget, revisionsOfAnnotation } from './annotation.loaders.js';
import { admiraltyCode } from './annotation.model.js';
import { insertAnnotation, reviseAnnotation, softDeleteAnnotation, toAnnotation } from './annotation.repository.js';
import { Annotation, AnnotationEdit, AnnotationInput, AnnotationRevision, RatingSpread } from './annotation.type.js';
import { validateAnnotation, validateAnnotationEdit } from './annotation.validation.js';
import { actorOf } from './author.js';

async function liveAnnotations(ctx: RequestContext, targetId: string, includeDeleted: boolean) {
  const all = await annotationsOfTarget(ctx).load(targetId);
  return includeDeleted ? all : all.filter((a) => !a.deleted);
}

async function spreadOf(ctx: RequestContext, targetId: string) {
  return ratingSpread((await annotationsOfTarget(ctx).load(targetId)) as unknown as RatedAnnotation[]);
}

@Resolver(() => Annotation)
export class AnnotationResolver {
  @Query(() => Annotation, { nullable: true, description: 'An annotation by id (deleted ones too: check `deleted`).' })
  async annotation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const entity = await entityById(ctx).load(id);
    return entity?.kind === 'Annotation' ? toAnnotation(entity) : null;
  }

  @Query(() => [Annotation], { description: "An entity's annotations, newest first." })
  annotations(
    @Arg('targetId', () => ID) targetId: string,
    @Arg('includeDeleted', () => Boolean, { defaultValue: false }) includeDeleted: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return liveAnnotations(ctx, targetId, includeDeleted);
  }

  @Query(() => RatingSpread, { description: "The spread of analysts' ratings of an entity (min, max, standard deviation, histograms)." })
  ratingSpread(@Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return spreadOf(ctx, targetId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'What it annotates.' })
  target(@Root() annotation: EntityRecord, @Ctx() ctx: RequestContext) {
    return entityById(ctx).load(annotation.targetId as string);
  }

  @FieldResolver(() => Boolean, { description: 'The author’s account was deleted: the name is kept, shown as a former user.' })
  authorFormer(@Root() annotation: EntityRecord) {
    return annotation.authorFormer === true;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Reliability and credibility together, e.g. "B2".' })
  confidence(@Root() annotation: EntityRecord) {
    return admiraltyCode(annotation.reliability as string | null, annotation.credibility as number | null);
  }

  @FieldResolver(() => [AnnotationRevision], { description: 'Every version, oldest first: created, each edit, and the delete.' })
  history(@Root() annotation: EntityRecord, @Ctx() ctx: RequestContext) {
    return revisionsOfAnnotation(ctx).load(annotation.id);
  }

  @Authorized('analyst')
  @Mutation(() => Annotation, { description: 'Annotates a signal, technology, capability, component or material.' })
  annotate(
    @Arg('input', () => AnnotationInput) input: AnnotationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const content = validateAnnotation(input);
    return insertAnnotation(ctx.db, `ann:${randomUUID()}`, input.targetId, content, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Annotation, { description: 'Edits your annotation; the earlier version stays in its history. Admins may moderate others’ (not their ratings).' })
  editAnnotation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AnnotationEdit) input: AnnotationEdit,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the edit was based on; refused if someone edited it since.' })
    expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    const merge = validateAnnotationEdit(input);
    return reviseAnnotation(ctx.db, id, merge, expectedVersion ?? null, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Annotation, { description: 'Soft-deletes your annotation (admins: anyone’s): hidden from lists and ratings, kept (with who and why) in its history.' })
  deleteAnnotation(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    assertValid(problems(optionalText('reason', reason, 1000)));
    return softDeleteAnnotation(ctx.db, id, reason?.trim() || null, actorOf(ctx));
  }
}

/** `annotations` and `ratings` on each annotatable kind, batched per request. */
function annotatedResolver(type: ClassType, name: string) {
  @Resolver(() => type)
  class AnnotatedResolver {
    @FieldResolver(() => [Annotation], { description: 'Analysts\' annotations, newest first.' })
    annotations(
      @Root() entity: EntityRecord,
      @Arg('includeDeleted', () => Boolean, { defaultValue: false }) includeDeleted: boolean,
      @Ctx() ctx: RequestContext,
    ) {
      return liveAnnotations(ctx, entity.id, includeDeleted);
    }

    @FieldResolver(() => RatingSpread, { description: "The spread of analysts' ratings." })
    ratings(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext) {
      return spreadOf(ctx, entity.id);
    }
  }
  Object.defineProperty(AnnotatedResolver, 'name', { value: `${name}AnnotationsResolver` });
  return AnnotatedResolver;
}

export const ANNOTATED_RESOLVERS = [
  annotatedResolver(Signal, 'Signal'),
  annotatedResolver(Technology, 'Technology'),
  annotatedResolver(Capability, 'Capability'),
  annotatedResolver(Component, 'Component'),
  annotatedResolver(Material, 'Material'),
];
