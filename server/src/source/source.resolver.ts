import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { checkFirst } from '../graphql/connection.js';
import { badInput } from '../graphql/errors.js';
import { Source } from '../entity/entity.type.js';
import { findSourcesByText } from './source.repository.js';

/** Fewer characters match too much to choose from. */
const MIN_TEXT = 2;

@Resolver()
export class SourceSearchResolver {
  @Query(() => [Source], { description: 'Sources to cite: title, publisher or URL contains the text (case-insensitive); titles starting with it first.' })
  findSources(@Arg('text', () => String) text: string, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: RequestContext) {
    checkFirst(first);
    if (text.trim().length < MIN_TEXT) throw badInput({ field: 'text', message: `type at least ${MIN_TEXT} characters of the title, publisher or URL.` });
    return findSourcesByText(ctx.db, text, first);
  }
}
