// Unit tests of the GraphQL client: what it sends, and how each kind of failure becomes an ApiError.
import { describe, expect, it } from 'vitest';
import { ApiError, gql, isAbort } from '../../web/src/lib/graphql/client';
import { resetDataVersion } from '../../web/src/lib/graphql/data-version';

function respond(status: number, body: unknown): typeof fetch {
  return (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('gql', () => {
  it('posts the query and variables as JSON and returns data', async () => {
    let sent: { url: string; init: RequestInit } | undefined;
    const fetch = (async (url: string, init: RequestInit) => {
      sent = { url, init };
      return new Response(JSON.stringify({ data: { capabilities: { totalCount: 3 } } }));
    }) as unknown as typeof globalThis.fetch;
    const data = await gql<{ capabilities: { totalCount: number } }>('query Q($n: Int) { capabilities { totalCount } }', { n: 1 }, { fetch });
    expect(data.capabilities.totalCount).toBe(3);
    expect(sent?.url).toBe('/graphql');
    expect(sent?.init.method).toBe('POST');
    expect(JSON.parse(String(sent?.init.body))).toEqual({ query: 'query Q($n: Int) { capabilities { totalCount } }', variables: { n: 1 } });
  });

  it('carries the API’s code, field and message', async () => {
    const error = await failure(
      gql(
        '{ x }',
        {},
        {
          fetch: respond(200, {
            data: null,
            errors: [{ message: 'Invalid input. depth: must be from 1 to 3, got 7.', extensions: { code: 'BAD_USER_INPUT', field: 'depth' } }],
          }),
        },
      ),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth', message: 'Invalid input. depth: must be from 1 to 3, got 7.', status: 200 });
    expect(error.retryable).toBe(false);
  });

  it('reads GraphQL errors sent with HTTP 400 (validation)', async () => {
    const error = await failure(
      gql(
        '{ nope }',
        {},
        { fetch: respond(400, { errors: [{ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }) },
      ),
    );
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.status).toBe(400);
  });

  it('turns HTTP failures without a GraphQL body into HTTP_ERROR, retryable', async () => {
    const error = await failure(gql('{ x }', {}, { fetch: respond(502, '<html>Bad gateway</html>') }));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502 });
    expect(error.retryable).toBe(true);
  });

  it('turns an unreachable server into NETWORK_ERROR', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const error = await failure(gql('{ x }', {}, { fetch }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/Cannot reach the Atlas server/);
  });

  it('rejects a 200 without data as BAD_RESPONSE', async () => {
    expect((await failure(gql('{ x }', {}, { fetch: respond(200, {}) }))).code).toBe('BAD_RESPONSE');
  });

  it('lets an abort through untouched, so callers can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = ((_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      return Promise.resolve(new Response('{}'));
    }) as unknown as typeof globalThis.fetch;
    const error = await gql('{ x }', {}, { fetch, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(isAbort(error)).toBe(true);
  });
});

describe('gql: read-your-writes across API processes', () => {
  it('sends back the highest data version any answer carried', async () => {
    resetDataVersion();
    const E = '11111111-1111-1111-1111-111111111111';
    const sent: (string | null)[] = [];
    const answering = (version: string | null) =>
      (async (_url: string, init: RequestInit) => {
        sent.push(new Headers(init.headers).get('x-atlas-version'));
        return new Response(JSON.stringify({ data: { ok: true } }), { headers: version ? { 'x-atlas-version': version } : {} });
      }) as unknown as typeof globalThis.fetch;
    await gql('{ ok }', {}, { fetch: answering(`${E}:9`) }); // nothing seen yet: no header
    await gql('mutation { ok }', {}, { fetch: answering(`${E}:10`) }); // a write through process A
    await gql('{ ok }', {}, { fetch: answering(`${E}:9`) }); // process B, behind: the app keeps 10
    await gql('{ ok }', {}, { fetch: answering(null) });
    expect(sent).toEqual([null, `${E}:9`, `${E}:10`, `${E}:10`]);
    resetDataVersion();
  });
});
