// The estimated cost of an operation, from the schema and the values its variables actually carry. graphql-armor's
// cost limit sees neither (it runs as a validation rule, before variables exist, and counts `first: $n` as 1), so this
// one rule stays ours. Each field costs 1, times the size of every list around it; a list's size is its first/last/limit
// argument (literal, variable, variable default or schema default), else limits.defaultListSize. A fragment is measured
// once per operation and its cost reused at every spread, so a "fragment bomb" (each fragment spreading the next one
// twice) is priced as its full expansion in linear time, and refused.
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Limits } from './limits.js';

const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
/** No overflow on absurd documents: anything above this is simply "too costly". */
const CEILING = 1e15;

export function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } } });
}

function fieldOf(type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: Limits;
  /** Cost of each fragment already measured; in progress = 0 (a cycle, which validation refuses anyway). */
  fragmentCost: Map<string, number>;
}

/** The list size a field will return at most, as the request actually asks. */
function listSize(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown> | undefined): number {
  for (const name of SIZE_ARGUMENTS) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    const definition = field?.args.find((a) => a.name === name);
    if (!arg) {
      if (typeof definition?.defaultValue === 'number') return Math.max(1, definition.defaultValue);
      continue;
    }
    const value = definition ? valueFromAST(arg.value, definition.type, walk.variables) : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
    if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
  }
  return walk.limits.defaultListSize;
}

function measure(walk: Walk, set: SelectionSetNode, parent: GraphQLNamedType | undefined): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__') && name !== '__typename') continue; // introspection has its own switch
      const field = fieldOf(parent, name);
      const type = field ? getNamedType(field.type) : undefined;
      const many = field ? isListType(getNullableType(field.type)) || /Page$|Connection$/.test(type?.name ?? '') : false;
      const inner = selection.selectionSet ? measure(walk, selection.selectionSet, type) : 0;
      cost += 1 + (many ? listSize(walk, selection, field) : 1) * inner;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
      cost += measure(walk, selection.selectionSet, type);
    } else {
      cost += fragmentCost(walk, selection.name.value, parent);
    }
    if (cost > CEILING) return CEILING;
  }
  return cost;
}

function fragmentCost(walk: Walk, name: string, parent: GraphQLNamedType | undefined): number {
  const known = walk.fragmentCost.get(name);
  if (known !== undefined) return known;
  const fragment = walk.fragments.get(name);
  if (!fragment) return 0;
  walk.fragmentCost.set(name, 0);
  const cost = measure(walk, fragment.selectionSet, walk.schema.getType(fragment.typeCondition.name.value) ?? parent);
  walk.fragmentCost.set(name, cost);
  return cost;
}

/** The operation's estimated cost with these variable values (coerced or raw, as the client sent them). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: Limits,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Variables left out fall back to the operation's own defaults, as execution will.
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (variables && name in variables) values[name] = variables[name];
    else if (v.defaultValue && v.defaultValue.kind === Kind.INT) values[name] = Number(v.defaultValue.value);
  }
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return measure({ schema, fragments, variables: values, limits, fragmentCost: new Map() }, operation.selectionSet, root ?? undefined);
}

/** Throws a 400 GRAPHQL_VALIDATION_FAILED naming maxCost when the operation costs more than the limit (or operationType when the schema has no such root). */
export function checkCost(...args: Parameters<typeof operationCost>): void {
  const [schema, , operation, , limits] = args;
  const kind = operation.operation;
  if (!(kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType())) {
    throw limitError(`This API has no ${kind} operations; send a query or a mutation.`, 'operationType');
  }
  const cost = operationCost(...args);
  if (cost > limits.maxCost) {
    const shown = cost >= CEILING ? 'beyond measure' : String(Math.round(cost));
    throw limitError(
      `The operation's estimated cost is ${shown}; at most ${limits.maxCost} is allowed. Ask for fewer items (first/limit) or ` +
        `fewer nested lists, and avoid spreading the same fragment many times.`,
      'maxCost',
    );
  }
}
