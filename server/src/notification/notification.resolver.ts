import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { signedInUserOf } from '../request/acting-user.js';
import { markAllNotificationsRead, markNotificationsRead, myNotifications, notificationCounts } from './notification.service.js';
import { Notification, NotificationCounts } from './notification.type.js';

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'Your notifications: unread first, then newest first.' })
  myNotifications(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return myNotifications(ctx.db, signedInUserOf(ctx).id, first, unreadOnly);
  }

  @Authorized()
  @Query(() => NotificationCounts, { description: 'How many notifications you have, and how many are unread (the bell).' })
  myNotificationCounts(@Ctx() ctx: RequestContext) {
    return notificationCounts(ctx.db, signedInUserOf(ctx).id);
  }

  @Authorized()
  @Mutation(() => NotificationCounts, { description: 'Marks some of your notifications read; answers the new counts.' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext) {
    return markNotificationsRead(ctx.db, signedInUserOf(ctx).id, ids);
  }

  @Authorized()
  @Mutation(() => NotificationCounts, { description: 'Marks all your notifications read; answers the new counts.' })
  markAllNotificationsRead(@Ctx() ctx: RequestContext) {
    return markAllNotificationsRead(ctx.db, signedInUserOf(ctx).id);
  }
}
