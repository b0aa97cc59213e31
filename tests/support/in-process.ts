// The API without HTTP, through Apollo's executeOperation: for tests whose subject is the schema, validation or a
// resolver's answer, not the transport (headers, status codes, CSRF, limits, caching: those stay HTTP tests). The same
// schema, context and error formatting as startServer, with the caller given directly instead of by a token.
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { AuthUser } from '../../server/src/auth/roles.js';
import type { Database } from '../../server/src/db/database.js';
import { createContext, type RequestContext } from '../../server/src/graphql/context.js';
import { formatError } from '../../server/src/graphql/format-error.js';
import { createSchema } from '../../server/src/graphql/schema.js';
import type { UserRecord } from '../../server/src/user/user.repository.js';

export interface InProcessResult {
  data?: any;
  errors?: readonly GraphQLFormattedError[];
}

export interface InProcessApi {
  /** Runs one operation as `caller` (anonymous when omitted), in a fresh request context. */
  execute(query: string, variables?: Record<string, unknown>, caller?: UserRecord | null): Promise<InProcessResult>;
  stop(): Promise<void>;
}

export async function inProcessApi(db: Database): Promise<InProcessApi> {
  const apollo = new ApolloServer<RequestContext>({ schema: await createSchema(), formatError: formatError({ mask: false }) });
  await apollo.start();
  return {
    async execute(query, variables, caller = null) {
      const user: AuthUser | null = caller ? { ...caller, via: 'token', credentialId: 'tests' } : null;
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db, randomUUID(), { user }) });
      if (response.body.kind !== 'single') throw new Error('An incremental (deferred) response was not expected here.');
      const { data, errors } = response.body.singleResult;
      return { data, errors };
    },
    stop: () => apollo.stop(),
  };
}
