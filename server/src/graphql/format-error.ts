// What a client sees of an error. Our own errors (BAD_USER_INPUT, NOT_FOUND, RATE_LIMITED, GraphQL validation…) pass through;
// a database outage becomes a clean, retryable SERVICE_UNAVAILABLE; anything else unexpected is, when masking
// (NODE_ENV=production), replaced by a generic message. Stack traces never leave the server. The full error goes to the
// server log (hardening/plugin.ts) under the request id every error carries in extensions.requestId.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { apiValuesOf } from '../vocabulary/graphql-enums.js';
import { enumRefusal } from './enum-errors.js';
import { isTransient } from '../db/transient-error.js';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'CONFLICT',
]);

/**
 * A uniqueness constraint refused a write (two creates of one id at once, the second after the first committed):
 * BAD_USER_INPUT naming the property and the value, not Neo4j's "Node(11) already exists…".
 */
export function constraintViolation(error: unknown): { property: string; value: string } | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || !String(e.code ?? '').includes('ConstraintValidationFailed')) return null;
  const match = /property `([^`]+)` = '((?:[^'\\]|\\.)*)'/.exec(String(e.message ?? ''));
  return { property: match?.[1] ?? 'id', value: match?.[2] ?? '' };
}

export function formatError(options: { mask: boolean; log?: (line: string) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const { stacktrace: _stack, http: _http, exception: _exception, ...extensions } = formatted.extensions ?? {};
    const refused = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' ? enumRefusal(error, apiValuesOf) : null;
    if (refused) {
      const { field, message } = refused;
      return {
        message: `Invalid input. ${field}: ${message}`,
        locations: formatted.locations,
        extensions: { ...extensions, code: 'BAD_USER_INPUT', field, fields: [{ field, message }] },
      };
    }
    if (code && PUBLIC_CODES.has(code)) return { ...formatted, extensions };
    if (code === 'SERVICE_UNAVAILABLE') return { ...formatted, extensions: { ...extensions, retryable: true } };
    const original = unwrapResolverError(error);
    const duplicate = constraintViolation(original);
    if (duplicate) {
      const { property, value } = duplicate;
      return {
        message: `Invalid input. ${property}: "${value}" already exists; choose another ${property}, or open the existing one.`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...extensions, code: 'BAD_USER_INPUT', field: property, fields: [{ field: property, message: `"${value}" already exists.` }] },
      };
    }
    if (isTransient(original)) {
      return {
        message: 'The database is briefly unavailable; retry the request.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
      };
    }
    if (!options.mask) return { ...formatted, extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return {
      message: 'Something went wrong on the server; quote the request id (extensions.requestId) when reporting it.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: false },
    };
  };
}
