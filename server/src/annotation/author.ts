// Who is acting, in ONE place. Today every mutation takes an optional `author` argument (default below);
// when users arrive, read the signed-in user from the request context here and drop the argument.
import type { RequestContext } from '../graphql/context.js';
import { badInput } from '../graphql/errors.js';

export const DEFAULT_AUTHOR = 'anonymous analyst';
export const AUTHOR_MAX = 100;

/** The author of a write: the given name (trimmed) or the default. Throws BAD_USER_INPUT naming `field` when too long. */
export function authorOf(_ctx: RequestContext, given: string | null | undefined, field = 'author'): string {
  const name = given?.trim();
  if (!name) return DEFAULT_AUTHOR;
  if (name.length > AUTHOR_MAX) throw badInput({ field, message: `must be at most ${AUTHOR_MAX} characters (got ${name.length}).` });
  return name;
}

/** The GraphQL argument description, shared by every mutation that takes an author. */
export const AUTHOR_ARG_DESCRIPTION = `Who is acting ("${DEFAULT_AUTHOR}" when not given). Will come from the signed-in user once users exist.`;
