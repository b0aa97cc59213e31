// Who wrote a scenario. Until users exist (a later issue), the author is a string argument of the mutations that
// create a scenario; this is the one place to change when the author comes from the signed-in user instead.
import type { RequestContext } from '../graphql/context.js';

export const DEFAULT_AUTHOR = 'anonymous analyst';

export function authorOf(_ctx: RequestContext, given: string | null | undefined): string {
  const name = given?.trim();
  return name ? name.slice(0, 200) : DEFAULT_AUTHOR;
}
