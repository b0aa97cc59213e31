// The HTTP surface on one port: GraphQL at /graphql, health probes, and the built web app at /.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Database } from './db/database.js';
import { createContext, type RequestContext } from './graphql/context.js';
import { createSchema } from './graphql/schema.js';
import { formatError } from './graphql/format-error.js';
import { ResponseCache, responseCachePlugin, type ResponseCacheOptions } from './graphql/response-cache.js';
import { CALLER, cachedReads, type WithCaller } from './graphql/cached-read.js';
import { authenticate, createAuthService, requestAuth, type AuthSettings } from './auth/auth-context.js';
import { readAccessPlugin } from './auth/read-access.js';
import { MAP_EXPORT_PATH, mapExportRoute } from './mapping/map-sheets.http.js';
import { BRIEFING_FALLBACK_PATH, BRIEFING_PATH, briefingFallbackRoute, briefingRoute } from './briefing/briefing.http.js';
import { pdfPrinter } from './briefing/pdf.js';
import { NOTIFICATION_FEED_PATH, notificationFeedRoute } from './notification/notification.http.js';
import { startScenarioWatch } from './notification/scenario-watch.service.js';
import { readChromiumPath } from './config.js';
import { resolveLimits, type Limits } from './hardening/limits.js';
import { armorProtection } from './hardening/armor.js';
import { hardeningPlugin } from './hardening/plugin.js';
import { allowedHostsFor, hostAllowlist, securityHeaders } from './hardening/web-guards.js';
import { guardContext, jsonErrorHandler, refuseUnsafeRequests, startKeySweeper } from './hardening/http.js';
import { requestIdOf } from './request/request-id.js';
import { createLogger, type Logger } from './logging/logger.js';
import { availabilityMonitor, refuseWhileUnavailable } from './availability/ready-probe.js';
import { retryAfterPlugin } from './availability/retry-after.js';
import { dataVersionHeader } from './availability/version-header.js';
import type { Neo4jStatus } from './neo4j/supervisor.js';
import { DEFAULT_DB_WAIT_MS } from './db/connect.js';

/**
 * The preload `npm start` runs the server with (graphql-js in production mode, source maps off; see the file).
 * Any process serving startServer should start as `node --import tsx --import <RUNTIME_PRELOAD> entry.ts`.
 */
export const RUNTIME_PRELOAD = fileURLToPath(new URL('./graphql/runtime.ts', import.meta.url));

export interface ServerOptions {
  db: Database;
  port: number;
  host?: string;
  /** Folder of the built web app; not served when missing. */
  webDir?: string;
  log?: (line: string) => void;
  /** Hide internal error details (production). */
  maskErrors?: boolean;
  /** Sign-in rules (read-only demo, public reads, session length); defaults: writable, reads need sign-in. */
  auth?: Partial<AuthSettings>;
  /** API limits (server/src/hardening/limits.ts); defaults apply to anything not given. */
  limits?: Partial<Limits>;
  /** GraphQL introspection (config.introspection); default on. */
  introspection?: boolean;
  /**
   * Whole responses of read-only explorer queries, per data version and per user (graphql/response-cache.ts); on by
   * default, off when the Database's result cache is off (ATLAS_RESULT_CACHE=false) or with `false`.
   */
  responseCache?: ResponseCacheOptions | false;
  /** Host header values answered (config.allowedHosts); default: loopback names and port when listening on loopback. */
  allowedHosts?: string[] | null;
  /** The clock of the rate limits, the Idempotency-Key expiry and reset-code expiry (ms since 1970); tests pass their own. */
  clock?: () => number;
  /** Structured request/error log (pino); default: a logger at ATLAS_LOG_LEVEL (silent under vitest). */
  logger?: Logger;
  /** The supervised local Neo4j's state (restarting, gave up), shown on /ready; absent with NEO4J_URI. */
  neo4jStatus?: () => Neo4jStatus;
  /** config.dbWaitMs: how long a request may wait while Neo4j is known to be away. */
  dbWaitMs?: number;
  /** config.chromiumPath: the Chromium that prints PDF briefings; default ATLAS_CHROMIUM or /usr/bin/chromium. */
  chromiumPath?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, port, host = '127.0.0.1', webDir, log = () => {} } = options;
  const app = express();
  const httpServer = http.createServer(app);
  const authService = createAuthService(db, options.auth, options.clock);
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? createLogger();
  const responseCache = options.responseCache === false ? null : new ResponseCache(options.responseCache);
  const armor = armorProtection(limits, { hideSuggestions: options.maskErrors ?? false });
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The app sets no cache hints and reports to no Apollo service: without these, cache control wraps every field
      // resolver (willResolveField), which costs on responses with tens of thousands of fields.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      readAccessPlugin(),
      ...armor.plugins,
      hardeningPlugin({ limits, logger, now: options.clock }),
      ...(responseCache ? [responseCachePlugin(responseCache)] : []),
      retryAfterPlugin(),
    ],
    formatError: formatError({ mask: options.maskErrors ?? false, log }),
    introspection: options.introspection ?? true,
    validationRules: armor.validationRules,
    // A document longer than this is refused while parsing (400), before any rule walks it.
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: limits.maxBatch > 1,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention is on by default in Apollo Server 4/5; said here so nobody turns it off by accident.
    csrfPrevention: true,
  });
  await apollo.start();

  app.disable('x-powered-by');
  let allowedHosts: string[] | null = null;
  app.use(
    hostAllowlist(() => allowedHosts),
    securityHeaders(),
  );
  // No ETag on res.send: GraphQL answers POSTs, which no client revalidates, and hashing every body costs CPU.
  // (Static files have their own ETags.)
  app.set('etag', false);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const availability = availabilityMonitor({ db, neo4jStatus: options.neo4jStatus });
  app.get('/ready', async (_req, res) => {
    const ready = await availability.ready();
    res.status(ready.ok ? 200 : 503).json(ready.ok ? { status: 'ready' } : { status: 'unavailable', reason: ready.reason });
  });
  app.get(
    MAP_EXPORT_PATH,
    mapExportRoute(db, (req) => authenticate(authService, req.headers), authService.settings.publicRead),
  );
  app.get(
    BRIEFING_PATH,
    briefingRoute({
      db,
      who: (req) => authenticate(authService, req.headers),
      publicRead: authService.settings.publicRead,
      printer: pdfPrinter({ chromiumPath: options.chromiumPath ?? readChromiumPath() }),
      now: options.clock ? () => new Date(options.clock!()) : undefined,
      log,
    }),
  );
  app.get(BRIEFING_FALLBACK_PATH, briefingFallbackRoute());
  // The token in the path is the credential (a feed reader sends no header); see notification/notification.http.ts.
  app.get(NOTIFICATION_FEED_PATH, refuseWhileUnavailable(availability, options.dbWaitMs ?? DEFAULT_DB_WAIT_MS), notificationFeedRoute(db));
  app.use(
    '/graphql',
    refuseWhileUnavailable(availability, options.dbWaitMs ?? DEFAULT_DB_WAIT_MS),
    dataVersionHeader(db),
    express.json({ limit: limits.bodyLimit }),
    refuseUnsafeRequests(limits),
    ...(responseCache ? [cachedReads({ cache: responseCache, db, logger, authenticate: (req) => authenticate(authService, req.headers) })] : []),
    expressMiddleware(apollo, {
      context: guardContext(async ({ req, res }) => ({
        ...createContext(db, requestIdOf(req.headers['x-request-id']) ?? randomUUID(), {
          user: CALLER in req ? ((req as WithCaller)[CALLER] ?? null) : await authenticate(authService, req.headers),
          auth: requestAuth(authService, req, res),
        }),
        clientIp: req.ip,
      })),
    }),
  );
  app.use('/graphql', jsonErrorHandler(logger));
  if (webDir && existsSync(`${webDir}/index.html`)) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Deep links (any path the web app owns) get the app shell.
    app.get(/^\/(?!graphql|health|ready|export\/|briefs\/|feeds\/).*/, (_req, res) => res.sendFile(`${webDir}/index.html`));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  allowedHosts = allowedHostsFor(options.allowedHosts, host, actualPort);
  if (!allowedHosts) log(`Any Host header is answered on ${host}; set ATLAS_ALLOWED_HOSTS to the names clients use.`);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  log(`API at ${url}/graphql`);
  const sweeper = startKeySweeper(db, limits, logger, options.clock);
  const scenarioWatch = startScenarioWatch(db, logger);
  return {
    url,
    port: actualPort,
    close: async () => {
      clearInterval(sweeper);
      clearInterval(scenarioWatch);
      availability.stop();
      await apollo.stop();
    },
  };
}
