// Idempotent creates: a client sends an `Idempotency-Key` HTTP header with a creating mutation; the first success
// stores (:IdempotencyKey {key, userId, clientKey, field, createdAt, resultId, result}) IN THE SAME write transaction
// as the created data, so the two commit or roll back together. A retry with the same key (same caller) finds the
// node and gets the first result back without writing anything. Keys expire after limits.idempotencyTtlSeconds.
import { GraphQLError } from 'graphql';
import { Database, type WriteTx } from '../db/database.js';
import { badInput } from '../graphql/errors.js';
import { deleteKey, findKey, storeKey, sweepExpiredKeys } from './idempotency.repository.js';

export { IDEMPOTENCY_LABEL } from '../db/labels.js';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Mutations that create things and honour the key; on any other mutation the header is ignored. */
export const IDEMPOTENT_MUTATIONS = new Set([
  'createTechnology',
  'createCapability',
  'createSignal',
  'annotate',
  'createScenario',
  'importSignals',
  'createSupplier',
  'duplicateScenario',
  'createEntity',
]);

export function checkClientKey(key: string): void {
  if (key.length < 1 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new GraphQLError('Invalid Idempotency-Key header: use 1 to 200 visible ASCII characters, no spaces (a UUID is ideal).', {
      extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', http: { status: 400 } },
    });
  }
}

export interface IdempotencyScope {
  clientKey: string;
  userId: string;
  field: string;
  ttlSeconds: number;
  /** The clock keys are stamped and judged with (milliseconds since 1970); tests advance their own. */
  now?: () => number;
}

function isConstraintViolation(error: unknown): boolean {
  return String((error as { code?: string })?.code ?? '').includes('ConstraintValidationFailed');
}

/**
 * A request's database handle whose FIRST write transaction is guarded by the key (a creating mutation makes exactly one).
 * Shares the driver and round-trip counter with the handle it wraps.
 */
export class IdempotentDatabase extends Database {
  private used = false;

  constructor(
    base: Database,
    private readonly scope: IdempotencyScope,
  ) {
    super(base.driver, base.name, base);
  }

  override async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (this.used) return super.writeTransaction(work);
    this.used = true;
    const key = `${this.scope.userId}\u0000${this.scope.clientKey}`;
    const guarded = (tx: WriteTx) => this.guarded(tx, key, work);
    try {
      return await super.writeTransaction(guarded);
    } catch (error) {
      // Two requests with the same key at once: the second's CREATE hit the constraint after the first committed.
      if (isConstraintViolation(error)) return super.writeTransaction(guarded);
      throw error;
    }
  }

  private async guarded<T>(tx: WriteTx, key: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const { field, ttlSeconds, userId, clientKey } = this.scope;
    const now = (this.scope.now ?? Date.now)();
    const hit = await findKey(tx, key, ttlSeconds, now);
    if (hit?.fresh) {
      if (hit.field !== field) {
        throw badInput({ field: 'Idempotency-Key', message: `was already used for ${hit.field}; use a new key for each new change.` });
      }
      return JSON.parse(hit.result) as T;
    }
    if (hit) await deleteKey(tx, key);
    const result = await work(tx);
    const resultId = (result as { id?: unknown } | null)?.id;
    await storeKey(tx, {
      key,
      userId,
      clientKey,
      field,
      now,
      resultId: typeof resultId === 'string' ? resultId : null,
      result: JSON.stringify(result ?? null),
    });
    return result;
  }
}

/** Deletes expired keys (run now and then; an expired key is also ignored and replaced when met). */
export async function sweepIdempotencyKeys(db: Database, ttlSeconds: number, now: () => number = Date.now): Promise<number> {
  return sweepExpiredKeys(db, ttlSeconds, now());
}
