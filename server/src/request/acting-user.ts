// Who is acting, in ONE place: the signed-in user, from the request context. Clients cannot name an author;
// mutations that record one are @Authorized, so a user is always present here.
import type { RequestContext } from '../graphql/context.js';
import { signInRequired } from '../auth/refusals.js';
import type { AuthUser } from '../auth/roles.js';

/** The author recorded on a write: the signed-in user's name. */
export function authorOf(ctx: RequestContext): string {
  if (!ctx.user) throw signInRequired('make changes');
  return ctx.user.name;
}

/** The signed-in user as the one acting on something owned (annotation/scenario ownership, auth/ownership.ts). */
export function signedInUserOf(ctx: RequestContext): AuthUser {
  if (!ctx.user) throw signInRequired('make changes');
  return ctx.user;
}
