// Every API limit in one place (docs/operations.md explains each). startServer({ limits }) may override some (tests do).
export interface Limits {
  /** Deepest selection nesting accepted in one operation (root field = depth 1). */
  maxDepth: number;
  /** Estimated cost ceiling per operation: each field costs 1, multiplied by the sizes of the lists around it. */
  maxCost: number;
  /** List size assumed by the cost estimate when a list field has no first/limit argument. */
  defaultListSize: number;
  /** Most aliased fields accepted in one document (stops "alias amplification"). */
  maxAliases: number;
  /** Most directives (@include, @skip…) in one document. */
  maxDirectives: number;
  /** Most lexical tokens in one document; a longer one is refused while parsing (stops huge fragment chains). */
  maxTokens: number;
  /** Most operations in one batched HTTP request; 1 means batching is off. */
  maxBatch: number;
  /** Largest JSON request body express accepts (larger → 413). */
  bodyLimit: string;
  /** Mutation rate limit, per user (or per client IP when anonymous): bucket size = burst allowed at once. */
  mutationBurst: number;
  /** Tokens refilled per second into each bucket (sustained mutations per second). */
  mutationsPerSecond: number;
  /** How long an Idempotency-Key is remembered, in seconds. */
  idempotencyTtlSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxCost: 50_000,
  defaultListSize: 10,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxBatch: 1,
  bodyLimit: '1mb',
  mutationBurst: 60,
  mutationsPerSecond: 5,
  idempotencyTtlSeconds: 24 * 3600,
};

export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
