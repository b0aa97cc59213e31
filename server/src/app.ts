// The HTTP surface on one port: GraphQL at /graphql, health probes, and the built web app at /.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Database } from './db/database.js';
import { createContext, type RequestContext } from './graphql/context.js';
import { createSchema } from './graphql/schema.js';
import { formatError } from './graphql/format-error.js';

export interface ServerOptions {
  db: Database;
  port: number;
  host?: string;
  /** Folder of the built web app; not served when missing. */
  webDir?: string;
  log?: (line: string) => void;
  /** Hide internal error details (production). */
  maskErrors?: boolean;
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
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    formatError: formatError({ mask: options.maskErrors ?? false, log }),
    introspection: true,
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await db.read('RETURN 1 AS ok');
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(db, (req.headers['x-request-id'] as string) || randomUUID()),
    }),
  );
  if (webDir && existsSync(`${webDir}/index.html`)) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Deep links (any path the web app owns) get the app shell.
    app.get(/^\/(?!graphql|health|ready).*/, (_req, res) => res.sendFile(`${webDir}/index.html`));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  log(`API at ${url}/graphql`);
  return {
    url,
    port: actualPort,
    close: async () => {
      await apollo.stop();
    },
  };
}
