// GraphQL refuses a value outside an enum before any resolver runs, in its own words ("Enum "Steep" cannot represent
// non-enum value: "space"."), without the field. This words the refusal like our own checks: BAD_USER_INPUT, the field
// path (input.domain) and the allowed values, so a form can mark the field and the caller knows what to send.
import { GraphQLError, parse, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { FieldProblem } from './errors.js';

const LITERAL = /^(?:Enum "(\w+)" cannot represent non-enum value: (".*?")|Value "(.*?)" does not exist in "(\w+)" enum)\./;
const VARIABLE =
  /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (?:Value "(.*?)" does not exist in "(\w+)" enum|Enum "(\w+)" cannot represent non-string value: (.*?))\./;

export interface EnumRefusal extends FieldProblem {
  enumName: string;
}

/** The enum refusal in `error`, with the field it concerns, or null when `error` is something else. */
export function enumRefusal(error: unknown, allowedOf: (enumName: string) => readonly string[] | undefined): EnumRefusal | null {
  if (!(error instanceof GraphQLError)) return null;
  const variable = VARIABLE.exec(error.message);
  const literal = variable ? null : LITERAL.exec(error.message);
  const enumName = variable ? (variable[5] ?? variable[6]) : (literal?.[1] ?? literal?.[4]);
  const allowed = enumName ? allowedOf(enumName) : undefined;
  if (!enumName || !allowed) return null;
  const got = variable ? (variable[4] !== undefined ? `"${variable[4]}"` : (variable[7] ?? variable[2])) : (literal![2] ?? `${literal![3]}`);
  const field = variable ? (variable[3] ?? variable[1]) : literalPath(error);
  if (!field) return null;
  return { enumName, field, message: `must be one of ${allowed.join(', ')}; got ${got}.` };
}

/** The argument and input-field path (input.domain) of the value node a validation error points at. */
function literalPath(error: GraphQLError): string | null {
  const node = error.nodes?.[0];
  const body = error.source?.body;
  if (!node?.loc || !body) return null;
  let document: DocumentNode;
  try {
    document = parse(body);
  } catch {
    return null;
  }
  const start = node.loc.start;
  const trail: string[] = [];
  let found: string | null = null;
  visit(document, {
    enter(n: ASTNode) {
      if (found) return false;
      if (n.kind === 'Argument' || n.kind === 'ObjectField') trail.push(n.name.value);
      if ((n.kind === 'StringValue' || n.kind === 'EnumValue' || n.kind === 'IntValue') && n.loc?.start === start) found = trail.join('.');
      return undefined;
    },
    leave(n: ASTNode) {
      if (n.kind === 'Argument' || n.kind === 'ObjectField') trail.pop();
    },
  });
  return found;
}
