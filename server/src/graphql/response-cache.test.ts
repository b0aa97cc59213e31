import { parse, type OperationDefinitionNode } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphQLRequestContext } from '@apollo/server';
import type { RequestContext } from './context.js';
import { cacheKeyOf, ResponseCache } from './response-cache.js';

function request(query: string, variables: Record<string, unknown> = {}, user: { id: string; role: string } | null = null) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return {
    operation,
    document,
    request: { query, variables, operationName: operation.name?.value },
    contextValue: { user },
  } as unknown as GraphQLRequestContext<RequestContext>;
}

describe('cacheKeyOf', () => {
  const q = 'query T($id: ID!) { technology(id: $id) { id name } }';

  it('keys a read of graph fields by text, variables and who asks', () => {
    const anonymous = cacheKeyOf(request(q, { id: 'tech:a' }));
    expect(anonymous).toBeTypeOf('string');
    expect(cacheKeyOf(request(q, { id: 'tech:a' }))).toBe(anonymous);
    expect(cacheKeyOf(request(q, { id: 'tech:b' }))).not.toBe(anonymous);
    const alice = cacheKeyOf(request(q, { id: 'tech:a' }, { id: 'u1', role: 'analyst' }));
    const bob = cacheKeyOf(request(q, { id: 'tech:a' }, { id: 'u2', role: 'analyst' }));
    expect(alice).not.toBe(anonymous);
    expect(alice).not.toBe(bob);
    expect(cacheKeyOf(request(q, { id: 'tech:a' }, { id: 'u1', role: 'admin' }))).not.toBe(alice);
  });

  it('never caches mutations or operations touching other root fields, also through fragments', () => {
    expect(cacheKeyOf(request('mutation { deleteTechnology(id: "tech:a") { id } }'))).toBeNull();
    expect(cacheKeyOf(request('{ me { id } }'))).toBeNull();
    expect(cacheKeyOf(request('{ technology(id: "tech:a") { id } me { id } }'))).toBeNull();
    expect(cacheKeyOf(request('query { ...F } fragment F on Query { me { id } }'))).toBeNull();
    expect(cacheKeyOf(request('query { ... on Query { neighbours(id: "x") { truncated } } }'))).toBeTypeOf('string');
  });
});

describe('ResponseCache', () => {
  afterEach(() => vi.useRealTimers());

  it('serves an entry only for the epoch (data version) it was made from', () => {
    const cache = new ResponseCache();
    const v1 = {};
    cache.set('k', v1, { a: 1 });
    expect(cache.get('k', v1)).toEqual({ a: 1 });
    expect(cache.get('k', {})).toBeNull();
    expect(cache.get('k', v1)).toBeNull(); // the stale entry was dropped
  });

  it('expires entries after maxAgeMs', () => {
    vi.useFakeTimers();
    const cache = new ResponseCache({ maxAgeMs: 1000 });
    const v = {};
    cache.set('k', v, { a: 1 });
    vi.advanceTimersByTime(999);
    expect(cache.get('k', v)).toEqual({ a: 1 });
    vi.advanceTimersByTime(2);
    expect(cache.get('k', v)).toBeNull();
  });

  it('drops the least recently used beyond maxEntries and maxBytes', () => {
    const v = {};
    const byCount = new ResponseCache({ maxEntries: 2 });
    byCount.set('a', v, { x: 1 });
    byCount.set('b', v, { x: 2 });
    byCount.get('a', v);
    byCount.set('c', v, { x: 3 });
    expect(byCount.get('b', v)).toBeNull();
    expect(byCount.get('a', v)).toEqual({ x: 1 });
    expect(byCount.size).toBe(2);

    const big = { s: 'x'.repeat(100) }; // 111 bytes of JSON
    const byBytes = new ResponseCache({ maxBytes: 8 * 250 });
    byBytes.set('a', v, big);
    byBytes.set('b', v, big);
    expect(byBytes.size).toBe(2);
    const small = new ResponseCache({ maxBytes: 300 }); // one entry may use at most 300/8 bytes
    small.set('a', v, big);
    expect(small.size).toBe(0);
  });
});
