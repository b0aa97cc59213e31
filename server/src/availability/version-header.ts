// Read-your-writes across API processes behind a load balancer. Every /graphql answer carries the newest data version
// this process knows in `X-Atlas-Version` (after a write: at least the version that write created). Clients send back
// the highest version they have seen; a process that does not know it yet (the write went through another process)
// re-reads its data version before answering, so its per-version caches (db.memo, the response cache) are dropped and
// the answer includes the write, instead of waiting up to ATLAS_VERSION_CHECK_MS.
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../db/database.js';

export const VERSION_HEADER = 'x-atlas-version';

// "<epoch uuid>:<counter>" (db/data-version.ts); anything else is ignored, never an error.
const VERSION_SHAPE = /^[0-9a-f-]{36}:\d{1,15}$/;

export function dataVersionHeader(db: Database) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Set just before the headers go out, so a write made while answering is included.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: any[]) {
      const version = db.knownVersion;
      if (version !== null && !this.headersSent) this.setHeader(VERSION_HEADER, version);
      return (writeHead as (...a: any[]) => any).apply(this, args);
    } as typeof res.writeHead;
    const seen = req.headers[VERSION_HEADER];
    if (typeof seen === 'string' && VERSION_SHAPE.test(seen)) {
      // Neo4j away: the request itself will meet the outage and report it properly.
      await db.catchUp(seen).catch(() => {});
    }
    next();
  };
}
