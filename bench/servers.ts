// The servers under test, in a process of their own (so the load generator and the timing client in bench/run.ts do
// not share an event loop with them): our API (server/src/app.ts startServer) and, over the same database, a small
// @neo4j/graphql harness serving the same nested read (the peer library; not part of the app).
// Our API runs twice, each on its own driver (the result cache is shared per driver): as `npm start` runs it (result
// cache on, data version re-checked every second) and with the cache off (what the first request after a write pays).
// Reads NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, prints one JSON line {"ours", "oursUncached", "peer"}, and runs until
// stdin closes or SIGTERM. Started with the runtime preload of `npm start` (server/src/graphql/runtime.ts).
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { startServer } from '../server/src/app.js';
import { readConfig } from '../server/src/config.js';
import { connect } from '../server/src/db/connect.js';
import { Database } from '../server/src/db/database.js';

/** The peer's model: only what the compared read needs, on the same labels, types and properties as ours. */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Technology @node(labels: ["Technology"]) @mutation(operations: []) {
    id: ID!
    name: String!
    trl: Int
    enables: [Capability!]! @relationship(type: "ENABLES", direction: OUT, properties: "Enables")
    dependsOn: [Dependency!]! @relationship(type: "DEPENDS_ON", direction: OUT, properties: "DependsOn")
  }
  type Capability @node(labels: ["Capability"]) @mutation(operations: []) {
    id: ID!
    name: String!
  }
  type Component @node(labels: ["Component"]) @mutation(operations: []) {
    id: ID!
    name: String!
  }
  type Material @node(labels: ["Material"]) @mutation(operations: []) {
    id: ID!
    name: String!
  }
  union Dependency = Technology | Component | Material
  type Enables @relationshipProperties {
    strength: Float!
  }
  type DependsOn @relationshipProperties {
    criticality: Float!
    substitutability: Float
  }
`;

async function main() {
  const target = readConfig().neo4j;
  if (!target) throw new Error('bench/servers.ts needs NEO4J_URI and NEO4J_PASSWORD (bench/server-process.ts passes them).');
  const driver = await connect(target, { timeoutMs: 60_000 });
  const uncachedDriver = await connect(target, { timeoutMs: 60_000 });
  // As `npm start` configures it (server/src/bootstrap.ts): the version re-checked every second, and the warm results
  // rebuilt in the background a while after the last write (ATLAS_WARM_AFTER_WRITE_MS), which "after one write" meets.
  const config = readConfig();
  const db = new Database(driver, 'neo4j', undefined, { versionCheckMs: 1000, resultCache: true, warmAfterWriteMs: config.warmAfterWriteMs });
  const uncachedDb = new Database(uncachedDriver, 'neo4j', undefined, { resultCache: false });
  // Anonymous reads (as with ATLAS_PUBLIC_READ=true), and API cost limits out of the way: the benchmark measures speed,
  // not policy. Options this version of startServer does not know are ignored.
  const options = (on: Database) =>
    ({
      db: on,
      port: 0,
      maskErrors: false,
      auth: { publicRead: true },
      limits: { maxCost: Number.MAX_SAFE_INTEGER, maxDepth: 100, maxAliases: 1000 },
    }) as Parameters<typeof startServer>[0];
  const ours = await startServer(options(db));
  const oursUncached = await startServer(options(uncachedDb));

  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  const peerApollo = new ApolloServer({ schema: await neoSchema.getSchema(), introspection: true });
  const { url: peerUrl } = await startStandaloneServer(peerApollo, { listen: { port: 0, host: '127.0.0.1' } });

  const urls = { ours: `${ours.url}/graphql`, oursUncached: `${oursUncached.url}/graphql`, peer: peerUrl.replace(/\/$/, '') + '/', pid: process.pid };
  process.stdout.write(`${JSON.stringify(urls)}\n`);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await Promise.allSettled([ours.close(), oursUncached.close(), peerApollo.stop()]);
    await Promise.allSettled([driver.close(), uncachedDriver.close()]);
    process.exit(0);
  };
  // "profile-start" / "profile-stop <file>" on stdin: a V8 CPU profile of this process (same data as --cpu-prof),
  // answered with "profiled" on stdout.
  let inspector: Session | null = null;
  createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line === 'profile-start') {
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 500 });
      await inspector.post('Profiler.start');
      process.stdout.write('profiling\n');
    } else if (line.startsWith('profile-stop ') && inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(line.slice('profile-stop '.length), JSON.stringify(profile));
      inspector.disconnect();
      inspector = null;
      process.stdout.write('profiled\n');
    }
  });
  process.stdin.on('end', close);
  process.stdin.on('close', close);
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

await main();
