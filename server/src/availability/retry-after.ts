// A GraphQL answer that failed because the database is unavailable tells the client when to come back: a Retry-After
// header, and HTTP 503 when there is no data at all (so load balancers and plain HTTP clients see the outage too).
// The error itself (SERVICE_UNAVAILABLE, retryable: true) is made by graphql/format-error.ts.
import type { ApolloServerPlugin } from '@apollo/server';

export const RETRY_AFTER_SECONDS = 1;

export function retryAfterPlugin(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          if (data == null) response.http.status = 503;
        },
      };
    },
  };
}
