// One Apollo plugin for the cross-cutting request work: the mutation rate limit, the Idempotency-Key, the request id
// on every error (extensions.requestId, plus the x-request-id response header), and one structured log line per request.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from '../graphql/context.js';
import { operationRootFields } from '../graphql/operation-fields.js';
import { normaliseMutationText } from '../graphql/unicode.js';
import { checkCost } from './cost.js';
import { checkClientKey, IDEMPOTENCY_HEADER, IDEMPOTENT_MUTATIONS, IdempotentDatabase } from './idempotency.js';
import type { Limits } from './limits.js';
import { rateLimited, TokenBuckets } from './rate-limit.js';

/** Who is calling, for logs and the rate limit: the signed-in user's id, null when anonymous. */
export function userIdOf(ctx: RequestContext): string | null {
  return ctx.user?.id ?? null;
}

function refusedKeyUse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', http: { status: 400 } } });
}

export function hardeningPlugin(options: { limits: Limits; logger: Logger; now?: () => number }): ApolloServerPlugin<RequestContext> {
  const { limits, logger } = options;
  const buckets = new TokenBuckets(limits.mutationBurst, limits.mutationsPerSecond, options.now);
  return {
    async requestDidStart(start: GraphQLRequestContext<RequestContext>) {
      const began = performance.now();
      const ctx = start.contextValue;
      return {
        async didResolveOperation(resolved) {
          const { operation, document, request, schema } = resolved;
          if (!operation) return;
          checkCost(schema, document, operation, request.variables, limits);
          if (operation.operation !== 'mutation') return;
          // Execution reads the document from the request context after this hook: the NFC-normalised one runs.
          (resolved as { document: typeof document }).document = normaliseMutationText(document, request.variables);
          // Fields inside fragments count like any other: each distinct response key is one mutation run.
          const fields = operationRootFields(operation, document).map((f) => f.name);
          const caller = userIdOf(ctx) ?? `ip:${ctx.clientIp ?? 'unknown'}`;
          const retryAfter = buckets.take(caller, Math.max(1, fields.length));
          if (retryAfter > 0) throw rateLimited(retryAfter);
          // Aliased sign-ins would all pass the failed-sign-in check before the first failure is counted.
          if (fields.filter((f) => f === 'login').length > 1) {
            throw new GraphQLError('Sign in with one login per request.', { extensions: { code: 'BAD_USER_INPUT', field: 'login', http: { status: 400 } } });
          }
          const clientKey = request.http?.headers.get(IDEMPOTENCY_HEADER);
          if (clientKey === undefined || clientKey === null) return;
          checkClientKey(clientKey);
          if (!fields.some((f) => IDEMPOTENT_MUTATIONS.has(f))) return;
          if (fields.length !== 1) {
            throw refusedKeyUse(
              'An Idempotency-Key applies to an operation with exactly one mutation field; send each change in its own request with its own key.',
            );
          }
          ctx.db = new IdempotentDatabase(ctx.db, {
            clientKey,
            userId: userIdOf(ctx) ?? 'anonymous',
            field: fields[0]!,
            ttlSeconds: limits.idempotencyTtlSeconds,
            now: options.now,
          });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
            const original = unwrapResolverError(error) as Error & { code?: string };
            logger.error({ requestId: ctx.requestId, path: error.path?.join('.'), errorCode: original?.code, err: original }, 'internal error');
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          response.http.headers.set('x-request-id', ctx.requestId);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
              ...e,
              extensions: { ...e.extensions, requestId: ctx.requestId },
            }));
          }
          const codes = (errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          logger.info(
            {
              requestId: ctx.requestId,
              operationName: operationName ?? null,
              userId: userIdOf(ctx),
              durationMs: Math.round(performance.now() - began),
              status: response.http.status ?? 200,
              errorCodes: codes.length ? codes : undefined,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
