// Small graphql-js validation rules run before execution: depth, aliases and an estimated cost.
// A refused document gets one GRAPHQL_VALIDATION_FAILED error naming the limit; nothing is executed.
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Limits } from './limits.js';

function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } });
}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  context: ValidationContext;
  limits: Limits;
}

function fieldOf(type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (type && (isObjectType(type) || isInterfaceType(type))) return type.getFields()[name];
  return undefined;
}

/** The list size a field asks for: its first/limit/last literal argument, else the default. */
function listSize(node: FieldNode, limits: Limits): number {
  for (const arg of node.arguments ?? []) {
    if (['first', 'last', 'limit'].includes(arg.name.value) && arg.value.kind === Kind.INT) {
      return Math.max(1, Number(arg.value.value));
    }
  }
  return limits.defaultListSize;
}

/** Depth and cost of a selection set; fragments are followed (cycles are stopped by `seen`). */
function measure(walk: Walk, set: SelectionSetNode, parent: GraphQLNamedType | undefined, seen: Set<string>): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field = fieldOf(parent, selection.name.value);
      const type = field ? getNamedType(field.type) : undefined;
      const many = field ? isListType(getNullableType(field.type)) || /Page$|Connection$/.test(type?.name ?? '') : false;
      const inner = selection.selectionSet ? measure(walk, selection.selectionSet, type, seen) : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + (many ? listSize(selection, walk.limits) : 1) * inner.cost;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.context.getSchema().getType(selection.typeCondition.name.value) ?? parent : parent;
      const inner = measure(walk, selection.selectionSet, type, seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      const type = walk.context.getSchema().getType(fragment.typeCondition.name.value) ?? parent;
      const inner = measure(walk, fragment.selectionSet, type, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    if (cost > 1e12) cost = 1e12; // no overflow on absurd documents
  }
  return { depth, cost };
}

/** Refuses operations deeper than limits.maxDepth or costlier than limits.maxCost. */
export function depthAndCostRule(limits: Limits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    return {
      OperationDefinition(node) {
        const schema = context.getSchema();
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) {
          context.reportError(limitError(`This API has no ${node.operation} operations.`, 'operationType'));
          return false;
        }
        const { depth, cost } = measure({ fragments, context, limits }, node.selectionSet, root, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(limitError(`The operation is ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, 'maxDepth'));
        } else if (cost > limits.maxCost) {
          context.reportError(limitError(`The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for fewer items (first/limit) or fewer nested lists.`, 'maxCost'));
        }
        return false;
      },
    };
  };
}

/** Refuses documents with more than limits.maxAliases aliased fields. */
export function aliasRule(limits: Limits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases++;
        if (aliases > limits.maxAliases && !reported) {
          reported = true;
          context.reportError(limitError(`The document uses more than ${limits.maxAliases} aliases.`, 'maxAliases'));
        }
      },
    };
  };
}

export function hardeningRules(limits: Limits): ValidationRule[] {
  return [depthAndCostRule(limits), aliasRule(limits)];
}
