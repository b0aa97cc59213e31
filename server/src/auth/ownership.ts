// Who owns a written thing (an annotation, a scenario): its author, by user id. Things written before ids were
// recorded carry only the author's name, so for those the name decides. Rules per kind: docs/security.md "Ownership".
import { GraphQLError } from 'graphql';
import { hasRole, type AuthUser } from './roles.js';

export interface Authored {
  author?: unknown;
  authorId?: unknown;
}

/** Who acts on something owned (an annotation, a scenario): the signed-in user. */
export type Owner = Pick<AuthUser, 'id' | 'name' | 'role'>;

export type Standing = 'owner' | 'moderator' | 'other';

/** owner: wrote it; moderator: an admin acting on someone else's; other: may only read it. */
export function standingOf(user: Owner, thing: Authored): Standing {
  const owns = typeof thing.authorId === 'string' ? thing.authorId === user.id : thing.author === user.name;
  if (owns) return 'owner';
  return hasRole(user.role, 'admin') ? 'moderator' : 'other';
}

/** FORBIDDEN, saying whose it is and what to do instead. */
export function notYours(what: string, author: unknown, instead: string): GraphQLError {
  const by = typeof author === 'string' && author ? ` is by ${author}` : ' is someone else’s';
  return new GraphQLError(`This ${what}${by}; only its author (or an administrator) can change it. ${instead}`, {
    extensions: { code: 'FORBIDDEN', owner: typeof author === 'string' ? author : null },
  });
}
