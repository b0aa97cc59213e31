// Clustering and suggested links: the inbox by cluster (Query.signalClusters), a signal's suggestions
// (Signal.suggestedLinks) and rejecting one (Mutation.rejectSuggestedLink). Accepting is linkSignal.
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { actorOf } from '../request/change-actor.js';
import { Signal, SignalFilter } from './signal.type.js';
import { rejectSuggestion, signalClusters, suggestedLinks } from './suggestion.service.js';
import { LinkSuggestion, SignalClustering, SuggestionRejection } from './suggestion.type.js';

@Resolver(() => Signal)
export class SignalSuggestionResolver {
  @Query(() => SignalClustering, { description: 'The signals inbox grouped by similarity of title and summary, filtered like `signals`.' })
  signalClusters(@Arg('filter', () => SignalFilter, { nullable: true }) filter: SignalFilter | null, @Ctx() ctx: RequestContext) {
    return signalClusters(ctx.db, filter);
  }

  @FieldResolver(() => [LinkSuggestion], {
    description: 'Technologies it may indicate, strongest first, each with why; never one it already indicates or one rejected for it.',
  })
  suggestedLinks(@Root() signal: EntityRecord, @Ctx() ctx: RequestContext) {
    return suggestedLinks(ctx.db, signal.id);
  }

  @Authorized('analyst')
  @Mutation(() => SuggestionRejection, { description: 'Rejects a suggested technology for a signal; it is not suggested for that signal again.' })
  rejectSuggestedLink(@Arg('signalId', () => ID) signalId: string, @Arg('technologyId', () => ID) technologyId: string, @Ctx() ctx: RequestContext) {
    return rejectSuggestion(ctx.db, signalId, technologyId, actorOf(ctx));
  }
}
