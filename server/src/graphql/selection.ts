// Look-ahead: which fields a query selects below the current one, so a resolver can fetch first-level links in its
// own query (and prime the DataLoaders) instead of leaving them to one more round trip each.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, into: FieldNode[], seen: Set<string>): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(info, selection.selectionSet, into, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
}

/**
 * Names of the fields selected at `path` below the field being resolved (`[]`: its own sub-fields; `['edges', 'node']`:
 * those of a connection's nodes), through fragments. Over-approximates on type conditions and @skip/@include, which
 * is harmless: a look-ahead may fetch a little more than needed, never less than the field resolvers would.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let level: FieldNode[] = info.fieldNodes.slice();
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) {
      const children: FieldNode[] = [];
      collect(info, node.selectionSet, children, new Set());
      next.push(...children.filter((c) => c.name.value === name));
    }
    level = next;
  }
  const names = new Set<string>();
  for (const node of level) {
    const children: FieldNode[] = [];
    collect(info, node.selectionSet, children, new Set());
    for (const child of children) names.add(child.name.value);
  }
  return names;
}

/**
 * Every field name selected, anywhere in the operation (all depths, all fragments), under a `child` field directly
 * below a `parent` field — e.g. ('enables', 'capability'): what any `enables { capability { … } }` asks of the
 * capability. Loaders are shared by the whole request, so a look-ahead that fetches less than full objects must know
 * what every use of the loader will read, not only the use at hand. Contains '*' when the document was too big to walk.
 */
export function fieldsUnderEverywhere(info: GraphQLResolveInfo, parent: string, child: string): Set<string> {
  const names = new Set<string>();
  // Fragments spread inside fragments can multiply the walk; past this many fields, answer "anything" ('*').
  let budget = 20_000;
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    const fields: FieldNode[] = [];
    collect(info, set, fields, new Set(seen));
    budget -= fields.length;
    if (budget < 0) {
      names.add('*');
      return;
    }
    for (const field of fields) {
      if (field.name.value === parent) {
        const children: FieldNode[] = [];
        collect(info, field.selectionSet, children, new Set());
        for (const c of children) {
          if (c.name.value !== child) continue;
          const leaves: FieldNode[] = [];
          collect(info, c.selectionSet, leaves, new Set());
          for (const leaf of leaves) names.add(leaf.name.value);
        }
      }
      visit(field.selectionSet, seen);
    }
  };
  visit(info.operation.selectionSet, new Set());
  return names;
}
