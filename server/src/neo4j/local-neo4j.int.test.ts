// The launcher itself: a real Neo4j that authenticates, keeps data across restarts and leaves no JVM behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

const dir: string = mkdtempSync(join(tmpdir(), 'atlas-launcher-'));
const password = 'launcher-test-pw';
const log = (line: string): void => console.log(`[neo4j] ${line}`);
let running: LocalNeo4j | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withDriver<T>(uri: string, pw: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', pw));
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

describe('local Neo4j launcher', () => {
  it('serves Bolt with auth, persists data across a restart, and stops its JVM', async () => {
    const port = await findFreePort();
    running = await startLocalNeo4j({ dataDir: dir, boltPort: port, password, log });
    expect(running.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(running.user).toBe('neo4j');
    const firstPid = running.pid;

    await withDriver(running.uri, password, async (driver) => {
      const one = await driver.executeQuery('RETURN 1 AS one');
      expect(one.records[0]!.get('one').toNumber()).toBe(1);
      const components = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
      expect(components.records[0]!.get('edition')).toBe('community');
      expect(components.records[0]!.get('version')).toMatch(/^5\.26\.\d+$/);
      await driver.executeQuery("CREATE (:LauncherProbe {id: 'kept'})");
    });
    await expect(withDriver(running.uri, 'wrong-password', (driver) => driver.executeQuery('RETURN 1'))).rejects.toThrow(/unauthorized|authentication/i);

    // A second Neo4j on the same data folder is refused with a plain explanation.
    await expect(startLocalNeo4j({ dataDir: dir, password })).rejects.toThrow(/locked by another running Neo4j/);

    await running.stop();
    expect(alive(firstPid)).toBe(false);

    // Same folder, same password: the password step must be idempotent, and the node must still be there.
    running = await startLocalNeo4j({ dataDir: dir, password, log });
    const ids = await withDriver(running.uri, password, async (driver) => {
      const result = await driver.executeQuery('MATCH (p:LauncherProbe) RETURN p.id AS id');
      return result.records.map((record) => record.get('id') as string);
    });
    expect(ids).toEqual(['kept']);

    const pid = running.pid;
    await running.stop();
    await running.stop(); // harmless twice
    expect(() => process.kill(pid, 0)).toThrow();
  }, 360_000);
});
