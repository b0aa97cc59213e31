// A database outage or a transient failure, told apart from every other error: the API answers those with a clean,
// retryable SERVICE_UNAVAILABLE (graphql/format-error.ts, hardening/http.ts) instead of an internal error.
import neo4j from 'neo4j-driver';

const TRANSIENT =
  /ServiceUnavailable|SessionExpired|TransientError|DatabaseUnavailable|Transaction\.Terminated|TransactionTerminated|ECONNREFUSED|ECONNRESET|EPIPE|acquisition timed out|Pool is closed|connection.*(closed|lost|terminated)/i;

/** True when the error is a database outage or a transient failure worth retrying. */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  try {
    if (neo4j.isRetryableError(error as any)) return true;
  } catch {
    /* not a driver error */
  }
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
  if (TRANSIENT.test(`${String(e.code ?? '')} ${String(e.message ?? '')}`)) return true;
  return (e.cause ? isTransient(e.cause) : false) || (e.originalError && e.originalError !== error ? isTransient(e.originalError) : false);
}
