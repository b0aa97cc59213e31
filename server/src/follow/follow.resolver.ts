import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { signedInUserOf } from '../request/acting-user.js';
import { deleteSavedSearch, follow, follows, isFollowing, saveSearch, unfollow } from './follow.service.js';
import { listSavedSearches } from './follow.repository.js';
import { Follow, SavedSearch, SavedSearchInput } from './follow.type.js';

// Any signed-in user (viewers too) keeps a watchlist: following reads, it changes nothing on the map.
@Resolver()
export class FollowResolver {
  @Authorized()
  @Mutation(() => Follow, { description: 'Follows an entity, signal, saved scenario or one of your saved searches; its changes raise notifications for you.' })
  follow(@Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return follow(ctx.db, signedInUserOf(ctx).id, targetId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Stops following; false when you were not following it.' })
  unfollow(@Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return unfollow(ctx.db, signedInUserOf(ctx).id, targetId);
  }

  @Authorized()
  @Query(() => [Follow], { description: 'Your watchlist, newest first.' })
  myFollows(@Ctx() ctx: RequestContext) {
    return follows(ctx.db, signedInUserOf(ctx).id);
  }

  @Authorized()
  @Query(() => Boolean, { description: 'Whether you follow this entity, signal, scenario or saved search.' })
  isFollowing(@Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return isFollowing(ctx.db, signedInUserOf(ctx).id, targetId);
  }

  @Authorized()
  @Mutation(() => SavedSearch, { description: 'Saves a search under a name and follows it: new signals that match it notify you.' })
  saveSearch(@Arg('input', () => SavedSearchInput) input: SavedSearchInput, @Ctx() ctx: RequestContext) {
    return saveSearch(ctx.db, signedInUserOf(ctx).id, input);
  }

  @Authorized()
  @Query(() => [SavedSearch], { description: 'Your saved searches, by name.' })
  mySavedSearches(@Ctx() ctx: RequestContext) {
    return listSavedSearches(ctx.db, signedInUserOf(ctx).id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes one of your saved searches; false when there is no such search of yours.' })
  deleteSavedSearch(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteSavedSearch(ctx.db, signedInUserOf(ctx).id, id);
  }
}
