// Debugging aid: run one local Neo4j until Ctrl-C.
//   npx tsx scripts/neo4j/run.ts --data .data/neo4j --port 7687 --password secret [--heap 1024]
import { commandLine, failUsage } from '../../server/src/command-line.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-neo4j.js';

const USAGE = 'Usage: node --import tsx scripts/neo4j/run.ts --data <dir> [--port 7687] --password <pw> [--heap <MiB>]';
const { values } = commandLine({
  usage: USAGE,
  options: {
    data: { type: 'string', default: '.data/neo4j' },
    port: { type: 'string' },
    password: { type: 'string' },
    heap: { type: 'string' },
  },
});

if (!values.password) failUsage(USAGE, 'Give the password to set with --password.');

const neo4j: LocalNeo4j = await startLocalNeo4j({
  dataDir: values.data!,
  boltPort: values.port === undefined ? undefined : Number(values.port),
  password: values.password,
  heapMb: values.heap === undefined ? undefined : Number(values.heap),
  log: (line: string) => console.log(`[neo4j] ${line}`),
});
console.log(`Neo4j running at ${neo4j.uri} (user ${neo4j.user}, pid ${neo4j.pid}). Ctrl-C to stop.`);

let stopping = false;
const stop = (): void => {
  // A second Ctrl-C while stopping is ignored: stop() escalates to SIGKILL by itself after 30 s.
  if (stopping) return;
  stopping = true;
  console.log('Stopping Neo4j…');
  void neo4j.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
