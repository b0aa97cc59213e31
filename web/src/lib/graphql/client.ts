// A small typed GraphQL client over fetch. Every failure becomes an ApiError the views can show as is:
// the API's own message and extensions.code/field, or a plain-words message for network and HTTP faults.

import { highestDataVersion, noteDataVersion, VERSION_HEADER } from './data-version';

export const GRAPHQL_ENDPOINT = '/graphql';

/** Codes the web app produces itself, besides the API's (BAD_USER_INPUT, NOT_FOUND, INTERNAL_SERVER_ERROR…). */
export type ClientErrorCode = 'NETWORK_ERROR' | 'HTTP_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** extensions.code from the API, or one of ClientErrorCode. */
  readonly code: string;
  /** extensions.field: the argument or input field at fault, when the API names one. */
  readonly field: string | undefined;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The error's whole `extensions` (e.g. `fields` of a refused form, `currentRevision` and `changes` of a conflict). */
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: string, options: { field?: string; status?: number; extensions?: Record<string, unknown> } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.status = options.status;
    this.extensions = options.extensions ?? {};
  }

  /** Worth offering "Retry": the network, the server or the database had a passing fault. */
  get retryable(): boolean {
    return !['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(this.code);
  }
}

interface GraphQLErrorJson {
  message?: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

interface GraphQLResponseJson<TData> {
  data?: TData | null;
  errors?: GraphQLErrorJson[];
}

export interface GqlOptions {
  signal?: AbortSignal;
  /** Defaults to the same-origin `/graphql`. */
  endpoint?: string;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the API answers UNAUTHENTICATED (a session that expired or was revoked); returns an unsubscribe. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** True for the rejection of a request that was aborted on purpose (a newer one replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : (error as Error)?.name === 'AbortError';
}

/**
 * Sends one GraphQL document and returns its data. Throws ApiError on any error in the response
 * (a partial answer is not shown: the views expect all of what they asked for), and rethrows aborts untouched.
 */
export async function gql<TData, TVariables extends object = Record<string, unknown>>(
  query: string,
  variables?: TVariables,
  options: GqlOptions = {},
): Promise<TData> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  const seen = highestDataVersion();
  try {
    response = await doFetch(options.endpoint ?? GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(seen ? { [VERSION_HEADER]: seen } : {}),
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      // The session cookie (HttpOnly) goes with every same-origin request.
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('Cannot reach the Atlas server. Check your connection and retry.', 'NETWORK_ERROR');
  }
  noteDataVersion(response.headers?.get(VERSION_HEADER) ?? null);

  let body: GraphQLResponseJson<TData> | undefined;
  try {
    body = (await response.json()) as GraphQLResponseJson<TData>;
  } catch (error) {
    if (isAbort(error)) throw error;
    body = undefined;
  }

  // GraphQL errors come with 200 or (for validation) 400; both carry the API's own message.
  const first = body?.errors?.[0];
  if (first) {
    // A failed sign-in is also UNAUTHENTICATED, but it is not a lost session.
    if (first.extensions?.code === 'UNAUTHENTICATED' && !/^\s*mutation\s+Login\b/.test(query)) for (const listener of unauthenticatedListeners) listener();
    throw new ApiError(first.message ?? 'The Atlas server reported an error.', first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', {
      field: first.extensions?.field,
      status: response.status,
      extensions: first.extensions,
    });
  }
  if (!response.ok) {
    throw new ApiError(`The Atlas server answered ${response.status} ${response.statusText}`.trim() + '.', 'HTTP_ERROR', {
      status: response.status,
    });
  }
  if (!body || body.data == null) {
    throw new ApiError('The Atlas server sent an answer the app cannot read.', 'BAD_RESPONSE', { status: response.status });
  }
  return body.data;
}

/** A message for any thrown value, for the error states of the views. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
