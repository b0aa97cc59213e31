// Reads need a signed-in user (any role) unless ATLAS_PUBLIC_READ=true. Checked once per operation, before execution:
// an anonymous query may only ask for `me` and introspection. Writes are checked per field by @Authorized.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../graphql/context.js';
import { signInRequired } from './errors.js';

const OPEN_FIELDS = new Set(['me', 'access', '__typename', '__schema', '__type']);

function topLevelFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...topLevelFields(selection.selectionSet, document, seen));
    else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION) names.push(...topLevelFields(fragment.selectionSet, document, seen));
    }
  }
  return names;
}

export function readAccessPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation || operation.operation !== 'query' || contextValue.user || contextValue.auth?.settings.publicRead) return;
          const closed = topLevelFields(operation.selectionSet, document).filter((name) => !OPEN_FIELDS.has(name));
          if (closed.length > 0) throw signInRequired('read the Atlas');
        },
      };
    },
  };
}
