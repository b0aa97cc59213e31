// Integration-test access to the throwaway Neo4j: a Database handle, a reset, and fixture loading through the real loader.
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../server/src/db/connect.js';
import { Database } from '../../server/src/db/database.js';
import { applySchema } from '../../server/src/db/indexes-and-constraints.repository.js';

let driver: Driver | undefined;

export async function testDatabase(): Promise<Database> {
  driver ??= await connect(inject('neo4j'), { timeoutMs: 30_000 });
  return new Database(driver, 'neo4j');
}

/** Empties the database and applies the schema; each integration file starts from here. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db);
}

export async function closeTestDatabase(): Promise<void> {
  await driver?.close();
  driver = undefined;
}
