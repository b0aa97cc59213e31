import { describe, expect, it } from 'vitest';
import { rateLimited, TokenBuckets } from './rate-limit.js';

describe('TokenBuckets (clock injected, no waiting)', () => {
  it('allows the burst, refuses the next with the seconds until a token is back, and refills with the clock', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets(3, 0.5, () => now);
    expect([buckets.take('ana'), buckets.take('ana'), buckets.take('ana')]).toEqual([0, 0, 0]);
    expect(buckets.take('ana')).toBe(2); // one token at 0.5/s
    expect(buckets.take('ben')).toBe(0); // buckets are per caller
    now += 1999;
    expect(buckets.take('ana')).toBe(1);
    now += 1;
    expect(buckets.take('ana')).toBe(0);
  });

  it('charges a multi-field operation one token per field, and refuses what it cannot pay in full', () => {
    let now = 0;
    const buckets = new TokenBuckets(5, 1, () => now);
    expect(buckets.take('ana', 6)).toBe(1);
    expect(buckets.take('ana', 5)).toBe(0);
    now += 10_000;
    expect(buckets.take('ana', 5)).toBe(0); // never refills above the burst
    expect(buckets.take('ana', 1)).toBe(1);
  });

  it('rateLimited is a 429 with Retry-After', () => {
    const error = rateLimited(7);
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7, retryable: true });
    expect((error.extensions.http as { status: number; headers: Map<string, string> }).headers.get('retry-after')).toBe('7');
  });
});
