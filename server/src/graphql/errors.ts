// Errors the API returns on purpose. Each names the offending field (as a path like "input.trl")
// and carries a stable extensions.code clients can switch on.
import { GraphQLError } from 'graphql';

export interface FieldProblem {
  field: string;
  message: string;
}

export function badInput(problems: FieldProblem[] | FieldProblem): GraphQLError {
  const list = Array.isArray(problems) ? problems : [problems];
  const summary = list.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new GraphQLError(`Invalid input. ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', field: list[0]?.field, fields: list },
  });
}

export function notFound(what: string, id: string, field = 'id'): GraphQLError {
  return new GraphQLError(`No ${what} with id "${id}". Check ${field}; ids look like "tech:facial-recognition".`, {
    extensions: { code: 'NOT_FOUND', field, id },
  });
}

/** Throws one BAD_USER_INPUT error listing every problem, so a form can mark all wrong fields at once. */
export function assertValid(problems: FieldProblem[]): void {
  if (problems.length > 0) throw badInput(problems);
}

export interface ConflictChange {
  field: string;
  before: unknown;
  after: unknown;
  by: string;
  at: string;
}

/** Someone saved the thing after the caller opened it: say what changed, so the caller decides (re-submit to overwrite). */
export function conflict(what: string, expectedRevision: number, currentRevision: number, changes: ConflictChange[]): GraphQLError {
  const who = [...new Set(changes.map((c) => c.by))].join(', ') || 'someone';
  return new GraphQLError(
    `${what} was changed by ${who} after you opened it (your revision ${expectedRevision}, now ${currentRevision}). Review ` +
      `extensions.changes; to keep your version, save again with expectedRevision ${currentRevision}.`,
    { extensions: { code: 'CONFLICT', field: 'input.expectedRevision', currentRevision, changes } },
  );
}

/** The caller may not do this to this thing (e.g. delete what someone else created). */
export function notAllowed(message: string, field = 'id'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', field } });
}
