// What a client sees of an error. Our own errors (BAD_USER_INPUT, NOT_FOUND, GraphQL validation) pass through;
// anything unexpected is logged in full and, when masking, replaced by a message with a request reference.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { randomUUID } from 'node:crypto';

const PUBLIC_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export function formatError(options: { mask: boolean; log: (line: string) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const reference = randomUUID();
    const original = unwrapResolverError(error) as Error;
    options.log(`Internal error ${reference} at ${formatted.path?.join('.') ?? '(no path)'}: ${original?.stack ?? original}`);
    const transient = /ServiceUnavailable|SessionExpired|TransientError|ECONNREFUSED/.test(`${(original as any)?.code} ${original?.message}`);
    if (!options.mask) return { ...formatted, extensions: { ...formatted.extensions, code: transient ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', reference } };
    return {
      message: transient
        ? `The database is briefly unavailable; retry the request. (reference ${reference})`
        : `Something went wrong on the server; quote reference ${reference} when reporting it.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: transient ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', reference, retryable: transient },
    };
  };
}
