import { Arg, Ctx, Int, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { checkFirst, decodeCursor, encodeCursor } from '../graphql/connection.js';
import { findHistory } from './history.repository.js';
import { ChangePage } from './history.type.js';

@Resolver(() => ChangePage)
export class HistoryResolver {
  @Query(() => ChangePage, { description: 'The changes of an entity and of the links touching it, newest first; kept after it is deleted.' })
  async history(
    @Arg('id', () => ID) id: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangePage> {
    checkFirst(first);
    const { rows, total } = await findHistory(ctx.db, id, first, decodeCursor(after));
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      changes: page.map((c) => ({ ...c, restorable: (c.kind === 'DELETE' || c.kind === 'UNLINK') && !c.restoredBy })) as ChangePage['changes'],
      totalCount: total,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor({ name: String(last.seq), id: last.id }) : null,
    };
  }
}
