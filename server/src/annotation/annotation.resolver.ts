import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { Capability } from '../capability/capability.type.js';
import { entityById } from '../entity/entity.loaders.js';
import { Component, Entity, Material, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { Signal } from '../signal/signal.type.js';
import { Technology } from '../technology/technology.type.js';
import { revisionsOfAnnotation } from './annotation.loaders.js';
import { admiraltyCode } from './annotation.model.js';
import { toAnnotation } from './annotation.repository.js';
import { annotate, annotationsOf, deleteAnnotation, editAnnotation, ratingSpreadOf } from './annotation.service.js';
import { Annotation, AnnotationEdit, AnnotationInput, AnnotationRevision, RatingSpread } from './annotation.type.js';
import { signedInUserOf } from '../request/acting-user.js';

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
    return annotationsOf(ctx, targetId, includeDeleted);
  }

  @Query(() => RatingSpread, { description: "The spread of analysts' ratings of an entity (min, max, standard deviation, histograms)." })
  ratingSpread(@Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return ratingSpreadOf(ctx, targetId);
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
  annotate(@Arg('input', () => AnnotationInput) input: AnnotationInput, @Ctx() ctx: RequestContext) {
    return annotate(ctx.db, input, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Annotation, {
    description: 'Edits your annotation; the earlier version stays in its history. Admins may moderate others’ (not their ratings).',
  })
  editAnnotation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AnnotationEdit) input: AnnotationEdit,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the edit was based on; refused if someone edited it since.' })
    expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return editAnnotation(ctx.db, id, input, expectedVersion ?? null, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Annotation, {
    description: 'Soft-deletes your annotation (admins: anyone’s): hidden from lists and ratings, kept (with who and why) in its history.',
  })
  deleteAnnotation(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: RequestContext) {
    return deleteAnnotation(ctx.db, id, reason, signedInUserOf(ctx));
  }
}

/** `annotations` and `ratings` on each annotatable kind, batched per request. */
function annotatedResolver(type: ClassType, name: string) {
  @Resolver(() => type)
  class AnnotatedResolver {
    @FieldResolver(() => [Annotation], { description: "Analysts' annotations, newest first." })
    annotations(
      @Root() entity: EntityRecord,
      @Arg('includeDeleted', () => Boolean, { defaultValue: false }) includeDeleted: boolean,
      @Ctx() ctx: RequestContext,
    ) {
      return annotationsOf(ctx, entity.id, includeDeleted);
    }

    @FieldResolver(() => RatingSpread, { description: "The spread of analysts' ratings." })
    ratings(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext) {
      return ratingSpreadOf(ctx, entity.id);
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
