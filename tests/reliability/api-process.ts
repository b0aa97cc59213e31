// One API process as a load balancer would run several: configuration from the environment (NEO4J_URI: no Neo4j of its
// own), the same openDatabase and startServer as `npm start`, without the seed and web build. Prints
// "ATLAS_LISTENING <url>" once it serves. Started by the multi-process tests as
// `node --import tsx --import <RUNTIME_PRELOAD> tests/reliability/api-process.ts`.
import 'reflect-metadata';
import { startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/bootstrap.js';
import { readConfig } from '../../server/src/config.js';

const config = readConfig();
const open = await openDatabase(config, () => {});
const server = await startServer({
  db: open.db,
  port: config.port,
  host: config.host,
  maskErrors: true,
  auth: { readOnly: config.readOnly, publicRead: false, sessionTtlMs: config.sessionHours * 3_600_000 },
  limits: { mutationBurst: 1000, mutationsPerSecond: 500 },
});
console.log(`ATLAS_LISTENING ${server.url}`);
const stop = async () => {
  await server.close();
  await open.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
