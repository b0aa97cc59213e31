// Reads need a signed-in user (any role) unless ATLAS_PUBLIC_READ=true. Checked once per operation, before execution:
// an anonymous query may only ask for `me` and introspection. Writes are checked per field by @Authorized.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../graphql/context.js';
import { operationRootFields } from '../graphql/operation-fields.js';
import { signInRequired } from './refusals.js';

const OPEN_FIELDS = new Set(['me', 'access', '__typename', '__schema', '__type']);

export function readAccessPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation || operation.operation !== 'query' || contextValue.user || contextValue.auth?.settings.publicRead) return;
          const closed = operationRootFields(operation, document).filter((f) => !OPEN_FIELDS.has(f.name));
          if (closed.length > 0) throw signInRequired('read the Atlas');
        },
      };
    },
  };
}
