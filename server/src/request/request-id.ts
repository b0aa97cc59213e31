// The request id every error and log line carries: the client's own x-request-id when it is short and plain, so a
// caller can find its request in the server log; otherwise the server makes one.

/** A client-supplied x-request-id is kept only when it is short and plain; otherwise the server makes one. */
export function requestIdOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : undefined;
}
