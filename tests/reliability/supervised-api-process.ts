// The API as `npm start` runs it, for the crash test: no NEO4J_URI, so it starts and supervises its own Neo4j in
// ATLAS_DATA_DIR, on a small fixture instead of the seed. Its own process, so the test's 50 writers do not share its
// event loop (a real server does not run its clients). Prints the launcher's log lines, then "ATLAS_LISTENING <url>".
import 'reflect-metadata';
import { writeSeed } from '../../graph-seed/write.js';
import { startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/bootstrap.js';
import { readConfig } from '../../server/src/config.js';
import { applySchema } from '../../server/src/db/indexes-and-constraints.repository.js';
import { mappingFixture } from '../fixtures/mapping-fixture.js';

const config = readConfig();
const open = await openDatabase(config, (line) => console.log(line));
await applySchema(open.db);
await writeSeed(open.db, mappingFixture(5));
const server = await startServer({
  db: open.db,
  port: config.port,
  host: config.host,
  maskErrors: true,
  neo4jStatus: open.local!.status,
  auth: { readOnly: false, publicRead: false, sessionTtlMs: config.sessionHours * 3_600_000 },
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
