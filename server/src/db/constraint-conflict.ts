// A write that loses a race on a uniqueness constraint (two transactions creating the same key at once) fails with
// ConstraintValidationFailed. The driver does not retry it, because replaying the same statements would fail again;
// but replaying the whole unit of work — which looks up what is stored first — turns the loser into the normal
// "already recorded" outcome. Used by writes whose keys are unique (signal intake).

const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

export function isConstraintConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CONSTRAINT_VIOLATION;
}

/**
 * Runs `work` (a whole write transaction, which must look up existing keys itself) and runs it again when it lost a
 * uniqueness race. Each replay sees what the winner committed, so a few attempts settle any number of racers
 * touching the same keys; after the last one the conflict is passed on.
 */
export async function retryOnConstraintConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConstraintConflict(error) || attempt >= attempts) throw error;
    }
  }
}
