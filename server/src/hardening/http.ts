// HTTP-level pieces: readiness, a JSON error handler for bodies express refuses, and the idempotency key sweeper.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { isTransient } from '../db/transient-error.js';
import type { Database } from '../db/database.js';
import { FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import type { Logger } from '../logging/logger.js';
import { sweepIdempotencyKeys } from './idempotency.js';
import { hasIdempotencyConstraint, indexState } from '../availability/readiness.repository.js';
import type { Limits } from './limits.js';
import { requestIdOf } from '../request/request-id.js';

/** Ready = Neo4j answers AND the schema is applied (the full-text index is ONLINE, the idempotency constraint exists). */
export async function readiness(db: Database): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const state = await indexState(db, FULLTEXT_INDEX);
    if (state === null) return { ok: false, reason: 'schema not applied (full-text index missing)' };
    if (state !== 'ONLINE') return { ok: false, reason: `full-text index is ${state}` };
    if (!(await hasIdempotencyConstraint(db))) return { ok: false, reason: 'schema not applied (idempotency constraint missing)' };
    return { ok: true };
  } catch {
    return { ok: false, reason: 'database unreachable' };
  }
}

/** Bodies express refuses (malformed JSON, too large) get a GraphQL-shaped JSON error, never an HTML stack trace. */
export function jsonErrorHandler(logger: Logger) {
  return (error: any, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    const requestId = requestIdOf(req.headers['x-request-id']) ?? randomUUID();
    if (status === 500) logger.error({ requestId, err: error }, 'unhandled HTTP error');
    const message =
      status === 413 ? 'The request body is too large.' : status === 500 ? 'Something went wrong on the server.' : 'The request body is not valid JSON.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId } }] });
  };
}

const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

function badRequest(req: Request, res: Response, message: string): void {
  const requestId = requestIdOf(req.headers['x-request-id']) ?? randomUUID();
  res.setHeader('x-request-id', requestId);
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', requestId } }] });
}

/**
 * Refuses, before Apollo, what Apollo would refuse without a request id: a batched body when batching is off, and a
 * request a browser could send cross-site without a preflight (Apollo's CSRF rule, which stays on behind this one).
 */
export function refuseUnsafeRequests(limits: Limits) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'POST' && Array.isArray(req.body) && limits.maxBatch <= 1) {
      return badRequest(req, res, 'Batched requests are off: send one operation per request.');
    }
    // Apollo's landing page (a browser opening /graphql) is Apollo's to answer.
    if (req.method === 'GET' && req.headers.accept?.includes('text/html')) return next();
    const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const preflighted =
      (type !== undefined && !SIMPLE_CONTENT_TYPES.has(type)) ||
      req.headers['apollo-require-preflight'] !== undefined ||
      req.headers['x-apollo-operation-name'] !== undefined;
    if (!preflighted) {
      return badRequest(
        req,
        res,
        'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Send Content-Type: application/json, ' +
          'or a non-empty "apollo-require-preflight" header.',
      );
    }
    next();
  };
}

/** Deletes expired idempotency keys hourly (and at start); never keeps the process alive. */
export function startKeySweeper(db: Database, limits: Limits, logger: Logger, now?: () => number): NodeJS.Timeout {
  const sweep = () => sweepIdempotencyKeys(db, limits.idempotencyTtlSeconds, now).catch((error) => logger.warn({ err: error }, 'idempotency key sweep failed'));
  const timer = setInterval(sweep, 3600_000);
  timer.unref();
  return timer;
}

/** Wraps the context function: a database outage while identifying the caller is a clean 503 SERVICE_UNAVAILABLE. */
export function guardContext<A extends unknown[], T>(create: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return async (...args: A) => {
    try {
      return await create(...args);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (isTransient(error)) {
        throw new GraphQLError('The database is briefly unavailable; retry the request.', {
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, http: { status: 503, headers: new Map([['retry-after', '1']]) } },
        });
      }
      throw error;
    }
  };
}
