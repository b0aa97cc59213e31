import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '../request/change-actor.js';
import { defineLoader, groupInOrder, type RequestContext } from '../graphql/context.js';
import { checkFirst, decodeCursor, toPage } from '../graphql/connection.js';
import { entityById } from '../entity/entity.loaders.js';
import { toEntity } from '../entity/entity.repository.js';
import { Entity, type EntityRecord } from '../entity/entity.type.js';
import { dependantsOf, dependenciesOf, enablesOfTechnology } from '../mapping/mapping.loaders.js';
import { DependencyLink, EnablesLink } from '../mapping/mapping.type.js';
import { selectedFields } from '../graphql/selection.js';
import { linksSelected, primeLinks } from './technology.loaders.js';
import { findAreasOfTechnologies, findTechnologyWithLinks, listTechnologies, type LinkSelection } from './technology.repository.js';
import { createTechnology, deleteTechnology, updateTechnology } from './technology.service.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import { Technology, TechnologyConnection, TechnologyFilter, TechnologyInput, TechnologyUpdate } from './technology.type.js';

const areasOfTechnology = defineLoader<string, EntityRecord[]>('areasOfTechnology', async (db, ids) =>
  groupInOrder(ids, await findAreasOfTechnologies(db, ids), (r) => r.technologyId).map((rows) => rows.map(toEntity)),
);

@Resolver(() => Technology)
export class TechnologyResolver {
  @Query(() => [Technology], { description: 'Technologies ordered by name; `after` takes an endCursor from technologyPage.' })
  async technologies(
    @Arg('filter', () => TechnologyFilter, { nullable: true }) filter: TechnologyFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (await this.page(filter, first, after, ctx, linksSelected(info), false)).edges.map((edge) => edge.node);
  }

  @Query(() => TechnologyConnection, { description: 'Technologies ordered by name, a page at a time, with a total and cursors.' })
  async technologyPage(
    @Arg('filter', () => TechnologyFilter, { nullable: true }) filter: TechnologyFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.page(filter, first, after, ctx, linksSelected(info, ['edges', 'node']), selectedFields(info).has('totalCount'));
  }

  private async page(filter: TechnologyFilter | null, first: number, after: string | null, ctx: RequestContext, include: LinkSelection, countTotal: boolean) {
    checkFirst(first);
    const { rows, total } = await listTechnologies(ctx.db, filter ?? {}, first, decodeCursor(after), include, countTotal);
    primeLinks(ctx, rows, include);
    // total is null when not counted, which happens only when totalCount is not selected.
    return toPage(
      rows.map((r) => r.technology),
      first,
      total ?? 0,
    );
  }

  @Query(() => Technology, { nullable: true })
  async technology(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const include = linksSelected(info);
    if (!include.enables && !include.dependsOn) {
      const entity = await entityById(ctx).load(id);
      return entity?.kind === 'Technology' ? entity : null;
    }
    const found = await findTechnologyWithLinks(ctx.db, id, include);
    if (found) primeLinks(ctx, [found], include);
    return found?.technology ?? null;
  }

  @FieldResolver(() => [Entity], { description: 'Its KET areas and critical technology areas.' })
  areas(@Root() technology: EntityRecord, @Ctx() ctx: RequestContext) {
    return areasOfTechnology(ctx).load(technology.id);
  }

  @FieldResolver(() => [EnablesLink], { description: 'The capabilities it enables, strongest first.' })
  enables(@Root() technology: EntityRecord, @Ctx() ctx: RequestContext) {
    return enablesOfTechnology(ctx).load(technology.id);
  }

  @FieldResolver(() => [DependencyLink], { description: 'What it depends on, most critical first.' })
  dependsOn(@Root() technology: EntityRecord, @Ctx() ctx: RequestContext) {
    return dependenciesOf(ctx).load(technology.id);
  }

  @FieldResolver(() => [DependencyLink], { description: 'What depends on it.' })
  dependants(@Root() technology: EntityRecord, @Ctx() ctx: RequestContext) {
    return dependantsOf(ctx).load(technology.id);
  }

  @Authorized('analyst')
  @Mutation(() => Technology)
  createTechnology(@Arg('input', () => TechnologyInput) input: TechnologyInput, @Ctx() ctx: RequestContext) {
    return createTechnology(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Technology)
  updateTechnology(@Arg('id', () => ID) id: string, @Arg('input', () => TechnologyUpdate) input: TechnologyUpdate, @Ctx() ctx: RequestContext) {
    return updateTechnology(ctx.db, id, input, actorOf(ctx));
  }

  @Authorized('admin')
  @Mutation(() => DeletionResult, { description: 'Deletes a technology and its links.' })
  deleteTechnology(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteTechnology(ctx.db, id, actorOf(ctx));
  }
}
