// The HTTP fast path of the response cache: a POST whose exact request (text, operation name, variables, caller) was
// answered before, from the same data version, is answered here without going through Apollo. Only entries stored by
// responseCachePlugin exist, i.e. queries Apollo parsed, validated, authorised and ran without errors for this very
// caller; anything else (miss, batch, GET, another Accept, cache off) goes on to Apollo unchanged.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { requestIdOf } from '../request/request-id.js';
import type { Logger } from '../logging/logger.js';
import { currentEpoch, requestKey, type ResponseCache } from './response-cache.js';

/** Where the caller found here is kept for the GraphQL context, so a miss does not authenticate twice. */
export const CALLER = Symbol('atlas.caller');
export type WithCaller = Request & { [CALLER]?: AuthUser | null };

// Apollo answers these with application/json; anything else is negotiated by Apollo itself.
const PLAIN_ACCEPT = new Set([undefined, '', '*/*', 'application/json']);

export function cachedReads(options: { cache: ResponseCache; db: Database; authenticate: (req: Request) => Promise<AuthUser | null>; logger: Logger }) {
  const { cache, db, logger } = options;
  return async (req: WithCaller, res: Response, next: NextFunction) => {
    try {
      const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
      if (req.method !== 'POST' || !body || Array.isArray(body) || typeof body.query !== 'string') return next();
      if (!PLAIN_ACCEPT.has(req.headers.accept?.trim()) || !db.cache.enabled) return next();
      const began = performance.now();
      const user = await options.authenticate(req);
      req[CALLER] = user;
      const hit = cache.body(requestKey(body.query, body.operationName, body.variables, user), await currentEpoch(db));
      if (hit === null) return next();
      const requestId = requestIdOf(req.headers['x-request-id']) ?? randomUUID();
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-request-id', requestId);
      res.end(hit);
      const operationName = typeof body.operationName === 'string' ? body.operationName : null;
      logger.info(
        { requestId, operationName, userId: user?.id ?? null, durationMs: Math.round(performance.now() - began), status: 200, cached: true },
        'graphql request',
      );
    } catch {
      // Authentication or the version check failed: Apollo's path does both again and reports the error as usual.
      if (res.headersSent) return;
      delete req[CALLER];
      next();
    }
  };
}
