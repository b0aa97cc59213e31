// Who acts, from the request: the signed-in user. Mutations that record history are @Authorized, so one is present.
import { signInRequired } from '../auth/refusals.js';
import type { RequestContext } from '../graphql/context.js';
import type { Actor } from '../history/history.model.js';

export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.user) throw signInRequired('make changes');
  return { id: ctx.user.id, name: ctx.user.name };
}
