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
