// Curation of the map: data-quality gaps, undo (restore) and merging duplicates.
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { signInRequired } from '../auth/refusals.js';
import { Entity } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { checkFirst } from '../graphql/connection.js';
import { findDataQuality } from './data-quality.repository.js';
import { DataQualityReport } from './data-quality.type.js';
import { mergeEntities, restoreChange } from './restore.service.js';

function userOf(ctx: RequestContext) {
  if (!ctx.user) throw signInRequired('make changes');
  return ctx.user;
}

@Resolver(() => DataQualityReport)
export class CurationResolver {
  @Query(() => DataQualityReport, { description: 'Gaps to fix, each list capped at `first` (by name) with its total.' })
  dataQuality(@Arg('first', () => Int, { defaultValue: 100 }) first: number, @Ctx() ctx: RequestContext) {
    checkFirst(first);
    return findDataQuality(ctx.db, first);
  }

  @Authorized('admin')
  @Mutation(() => Entity, {
    description: 'Undo a DELETE (the entity comes back with the links whose other end exists; history says which could not) or an UNLINK.',
  })
  restore(@Arg('changeId', () => ID) changeId: string, @Ctx() ctx: RequestContext) {
    return restoreChange(ctx.db, changeId, userOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Entity, {
    description: 'Merge a duplicate into the entity kept (same kind): links re-pointed, aliases and sources merged, MERGE in history.',
  })
  mergeEntities(
    @Arg('keepId', () => ID) keepId: string,
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return mergeEntities(ctx.db, keepId, mergeId, comment, userOf(ctx));
  }
}
