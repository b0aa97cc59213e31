// One Apollo plugin for the cross-cutting request work: the mutation rate limit, the Idempotency-Key, the request id
// on every error (extensions.requestId, plus the x-request-id response header), and one structured log line per request.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from '../graphql/context.js';
import { checkClientKey, IDEMPOTENCY_HEADER, IDEMPOTENT_MUTATIONS, IdempotentDatabase } from './idempotency.js';
import type { Limits } from './limits.js';
import { rateLimited, TokenBuckets } from './rate-limit.js';

/** Who is calling, for logs and the rate limit: the signed-in user's id when the auth layer set one. */
export function userIdOf(ctx: RequestContext): string | null {
  const c = ctx as unknown as { user?: { id?: string } | null; userId?: string | null };
  return c.user?.id ?? c.userId ?? null;
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

export function hardeningPlugin(options: { limits: Limits; logger: Logger }): ApolloServerPlugin<RequestContext> {
  const { limits, logger } = options;
  const buckets = new TokenBuckets(limits.mutationBurst, limits.mutationsPerSecond);
  return {
    async requestDidStart(start: GraphQLRequestContext<RequestContext>) {
      const began = performance.now();
      const ctx = start.contextValue;
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== 'mutation') return;
          const fields = rootFields(operation);
          const caller = userIdOf(ctx) ?? `ip:${ctx.clientIp ?? 'unknown'}`;
          const retryAfter = buckets.take(caller, Math.max(1, fields.length));
          if (retryAfter > 0) throw rateLimited(retryAfter);
          const clientKey = request.http?.headers.get(IDEMPOTENCY_HEADER);
          if (clientKey === undefined || clientKey === null) return;
          checkClientKey(clientKey);
          const guarded = fields.filter((f) => IDEMPOTENT_MUTATIONS.has(f));
          if (guarded.length === 0) return;
          if (fields.length !== 1) {
            throw new GraphQLError('An Idempotency-Key applies to an operation with exactly one mutation field.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
            });
          }
          ctx.db = new IdempotentDatabase(ctx.db, {
            clientKey,
            userId: userIdOf(ctx) ?? 'anonymous',
            field: fields[0]!,
            ttlSeconds: limits.idempotencyTtlSeconds,
          });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
            const original = unwrapResolverError(error) as Error & { code?: string };
            logger.error(
              { requestId: ctx.requestId, path: error.path?.join('.'), errorCode: original?.code, err: original },
              'internal error',
            );
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
