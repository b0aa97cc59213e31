import { ID_PREFIX, kindOfId, type EntityKind } from '../db/labels.js';
import { assertValid, type FieldProblem } from '../graphql/errors.js';
import { intInRange, problems } from '../graphql/validation.js';

/** The deepest tree one may ask for; deeper chains than this do not occur in a supply graph. */
export const MAX_TREE_DEPTH = 50;

/** An id whose prefix names one of the allowed kinds (checked before any query). */
export function rootKind(field: string, id: string, kinds: readonly EntityKind[]): FieldProblem | null {
  const kind = kindOfId(id ?? '');
  if (kind && kinds.includes(kind)) return null;
  return { field, message: `must be the id of a ${kinds.join(' or ')} (${kinds.map((k) => `"${ID_PREFIX[k]}:…"`).join(', ')}), got "${id}".` };
}

export function validateTreeArgs(rootId: string, maxDepth: number | null | undefined, kinds: readonly EntityKind[]): void {
  assertValid(problems(rootKind('rootId', rootId, kinds), intInRange('maxDepth', maxDepth, 1, MAX_TREE_DEPTH)));
}
