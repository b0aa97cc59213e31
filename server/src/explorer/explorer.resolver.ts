import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ENTITY_KINDS, type EntityKind } from '../db/labels.js';
import { attributesOf } from '../entity/attributes.js';
import { entityById } from '../entity/entity.loaders.js';
import { Attribute, EntityKindEnum, Source, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { badInput, notFound } from '../graphql/errors.js';
import { findNeighbourhood, MAX_DEPTH, type LinkRow } from './explorer.repository.js';
import { MapLink, Neighbourhood, SearchHit, SearchResults } from './explorer.type.js';
import { searchMap } from './search.service.js';

@Resolver(() => MapLink)
export class MapLinkResolver {
  @FieldResolver(() => [Attribute])
  attributes(@Root() link: LinkRow) {
    return attributesOf({ id: link.id, name: link.type, kind: 'Technology', ...link.properties } as EntityRecord);
  }

  @FieldResolver(() => [Source])
  async sources(@Root() link: LinkRow, @Ctx() ctx: RequestContext) {
    const found = await entityById(ctx).loadMany(link.sourceIds);
    return found.filter((s) => s !== null && !(s instanceof Error));
  }
}

@Resolver()
export class ExplorerResolver {
  @Query(() => Neighbourhood, { description: `An entity and everything within depth links of it (1–${MAX_DEPTH}).` })
  async neighbours(
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { defaultValue: 1 }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 300, description: 'At most this many entities besides the centre (1–2000).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ) {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH)
      throw badInput({ field: 'depth', message: `must be from 1 to ${MAX_DEPTH}, got ${depth}.` });
    if (!Number.isInteger(limit) || limit < 1 || limit > 2000) throw badInput({ field: 'limit', message: `must be from 1 to 2000, got ${limit}.` });
    const result = await findNeighbourhood(ctx.db, id, depth, limit);
    if (!result) throw notFound('entity', id);
    return result;
  }

  @Query(() => [SearchHit], { description: 'The first page of searchResults: names, aliases and descriptions, exact name or alias matches first.' })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true }) kinds: EntityKind[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    checkSearchArgs(text, first, kinds);
    return (await searchMap(ctx.db, text, first, null, kinds && kinds.length ? kinds : null)).hits;
  }

  @Query(() => SearchResults, {
    description:
      'Full-text search as analysts type: English stems (biometric = biometrics), aliases (UAV, LLM…), one typo in words of 5+ letters, ' +
      'the last word as a prefix (unless the text ends with a space). Exact name or alias matches first, then relevance, then kind.',
  })
  searchResults(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor of the previous page.' }) after: string | null,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'Only these kinds (facets still count all).' }) kinds: EntityKind[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    checkSearchArgs(text, first, kinds);
    return searchMap(ctx.db, text, first, after, kinds && kinds.length ? kinds : null);
  }
}

function checkSearchArgs(text: string, first: number, kinds: EntityKind[] | null): void {
  if (text.length > 200) throw badInput({ field: 'text', message: `must be at most 200 characters (got ${text.length}).` });
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput({ field: 'first', message: `must be from 1 to 100, got ${first}.` });
  if (kinds && kinds.some((k) => !ENTITY_KINDS.includes(k))) throw badInput({ field: 'kinds', message: 'contains an unknown kind.' });
}
