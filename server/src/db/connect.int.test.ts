// Neo4j not reachable: a clear message naming the URI and what to check, after bounded retries.
import { describe, expect, it } from 'vitest';
import { connect, Neo4jUnreachableError } from './connect.js';
import { findFreePort } from '../neo4j/local-neo4j.js';

describe('connect', () => {
  it('gives up after the timeout with a message naming the URI and what to check', async () => {
    const port = await findFreePort(); // nothing listens there
    const lines: string[] = [];
    const started = Date.now();
    const error = await connect({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x' }, { timeoutMs: 2_000, log: (l) => lines.push(l) }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(Neo4jUnreachableError);
    expect(error.message).toContain(`bolt://127.0.0.1:${port}`);
    expect(error.message).toContain('Unset NEO4J_URI');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lines.length).toBeGreaterThanOrEqual(2); // it retried, with backoff, saying so
  });
});
