// The root fields an operation will run, as graphql-js collects them: fields written at the top, inside inline
// fragments and inside named fragments (at any nesting of spreads), each response key once. Read access, the response
// cache, the mutation rate limit and the Idempotency-Key rule all ask this one question, so a fragment cannot hide a
// field from any of them. Each fragment is entered once (a repeated or cyclic spread adds nothing new), so the walk is
// linear in the document's size whatever its shape.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface RootField {
  /** The schema field's name, e.g. "createTechnology". */
  name: string;
  /** Its key in the response (the alias when there is one); graphql-js runs one field per key. */
  responseKey: string;
}

/** Every distinct root field of the operation (top-level ones first). A spread of an unknown fragment yields "?". */
export function operationRootFields(operation: OperationDefinitionNode, document: DocumentNode): RootField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const byKey = new Map<string, RootField>();
  const entered = new Set<string>();
  // An explicit stack instead of recursion: 5,000 chained fragments must not overflow the call stack.
  const pending: SelectionSetNode[] = [operation.selectionSet];
  const order: RootField[] = [];
  for (let next = 0; next < pending.length; next++) {
    const set = pending[next]!;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const responseKey = s.alias?.value ?? s.name.value;
        if (!byKey.has(responseKey)) {
          const field = { name: s.name.value, responseKey };
          byKey.set(responseKey, field);
          order.push(field);
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        pending.push(s.selectionSet);
      } else if (!entered.has(s.name.value)) {
        entered.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) pending.push(fragment.selectionSet);
        else if (!byKey.has('?')) {
          byKey.set('?', { name: '?', responseKey: '?' });
          order.push(byKey.get('?')!);
        }
      }
    }
  }
  return order;
}

/** The distinct root field names (an aliased field counted once per name). */
export function operationRootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  return [...new Set(operationRootFields(operation, document).map((f) => f.name))];
}
