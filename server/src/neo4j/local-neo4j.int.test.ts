// The launcher itself: a real Neo4j that authenticates, keeps data across restarts and leaves no JVM behind.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

const dir = mkdtempSync(join(tmpdir(), 'atlas-launcher-'));
let running: LocalNeo4j | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query(uri: string, password: string, cypher: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    return (await driver.executeQuery(cypher)).records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe('local Neo4j launcher', () => {
  it('serves Bolt with auth, persists data across a restart, and stops its JVM', async () => {
    running = await startLocalNeo4j({ dataDir: dir, password: 'first-password' });
    const [components] = await query(running.uri, 'first-password', 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    expect(components).toMatchObject({ edition: 'community' });
    expect(String(components!.version)).toMatch(/^5\.26\./);
    await expect(query(running.uri, 'wrong-password', 'RETURN 1')).rejects.toThrow(/unauthorized|authentication/i);
    await query(running.uri, 'first-password', "CREATE (:Probe {id: 'kept'})");
    const firstPid = running.pid;
    await running.stop();
    expect(alive(firstPid)).toBe(false);

    running = await startLocalNeo4j({ dataDir: dir, password: 'first-password' });
    const rows = await query(running.uri, 'first-password', 'MATCH (p:Probe) RETURN p.id AS id');
    expect(rows).toEqual([{ id: 'kept' }]);
    const pid = running.pid;
    await running.stop();
    await running.stop(); // harmless twice
    expect(alive(pid)).toBe(false);
  }, 240_000);
});
