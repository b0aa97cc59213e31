// A careful client for the fault tests: annotates with an Idempotency-Key and retries, with the same key, anything that
// is a clean retryable failure (SERVICE_UNAVAILABLE, RATE_LIMITED, a dropped connection), until a deadline. It records
// what it saw, so the tests can check that failures were clean, quick and carried Retry-After.

export interface WriterLog {
  /** key → the id of the annotation the API acknowledged for it. */
  acked: Map<string, string>;
  retries: number;
  /** Answers that were neither success nor a clean retryable failure. */
  unexpected: string[];
  /** Each SERVICE_UNAVAILABLE answer: how long it took, its HTTP status and Retry-After header. */
  unavailable: { ms: number; status: number; retryAfter: string | null; state?: string; sentAt?: number }[];
}

export function newWriterLog(): WriterLog {
  return { acked: new Map(), retries: 0, unexpected: [], unavailable: [] };
}

const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED']);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const annotationText = (key: string) => `fault test ${key}`;

/** Sends one keyed annotate until acknowledged (returns its id) or the deadline passes (null). */
export async function annotateUntilAcknowledged(
  baseUrl: () => string,
  headers: Record<string, string>,
  key: string,
  targetId: string,
  log: WriterLog,
  deadline: number,
  /** What the server side was doing when the request was sent (e.g. the supervisor's state), kept with each failure. */
  stateNow?: () => string,
): Promise<string | null> {
  const body = JSON.stringify({
    query: 'mutation($input: AnnotationInput!) { annotate(input: $input) { id text } }',
    variables: { input: { targetId, text: annotationText(key) } },
  });
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const began = Date.now();
    const state = stateNow?.();
    try {
      const response = await fetch(`${baseUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const json = (await response.json()) as { data?: { annotate?: { id: string } }; errors?: { message: string; extensions?: any }[] };
      if (json.data?.annotate) {
        log.acked.set(key, json.data.annotate.id);
        return json.data.annotate.id;
      }
      const error = json.errors?.[0];
      const code = error?.extensions?.code;
      if (!RETRYABLE.has(code) || /neo4j|cypher|stack|driver/i.test(error!.message)) {
        log.unexpected.push(`${key}: ${response.status} ${JSON.stringify(json.errors)}`);
        return null;
      }
      if (code === 'SERVICE_UNAVAILABLE') {
        log.unavailable.push({ ms: Date.now() - began, status: response.status, retryAfter: response.headers.get('retry-after'), state, sentAt: began });
      }
      if (code === 'RATE_LIMITED') await sleep(1000 * (error!.extensions.retryAfter ?? 1));
    } catch {
      // Connection refused or reset (the API process died): retry.
    }
    log.retries++;
    await sleep(Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
  log.unexpected.push(`${key}: not acknowledged before the deadline`);
  return null;
}

/** Per annotation text: how many annotations carry it (the check that each key wrote exactly once). */
export const COUNT_BY_TEXT = `
  MATCH (a:Annotation) WHERE a.text STARTS WITH 'fault test '
  RETURN a.text AS text, count(*) AS n, collect(a.id) AS ids`;
