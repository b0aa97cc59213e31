// An in-memory token bucket per caller (user id, or client IP when anonymous), spent by mutations only.
// One process, one map: enough for a single-instance deployment (a cluster would need a shared store).
import { GraphQLError } from 'graphql';

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, cost = 1): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updated: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updated) / 1000) * this.perSecond);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond));
  }

  /** Forgets full buckets, so the map does not grow with every client ever seen. */
  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.updated) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}

export function rateLimited(retryAfter: number): GraphQLError {
  return new GraphQLError(`Too many changes in a short time; retry in ${retryAfter} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfter, retryable: true, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
  });
}
