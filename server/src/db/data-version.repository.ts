// The data version's Cypher (data-version.ts): one counter node that every write transaction bumps, read before a
// cached result is served. Database (database.ts) runs both inside its own transactions.
import type { WriteTx } from './database.js';
import { DATA_VERSION_LABEL } from './labels.js';

/** Appended to every write transaction (last, so the version node's lock is always the last one taken: no deadlock). */
export const BUMP_VERSION = `
  MERGE (v:${DATA_VERSION_LABEL} {id: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.n = 0
  SET v.n = v.n + 1
  RETURN v.epoch + ':' + toString(v.n) AS version`;

// The epoch survives only as long as the node: a wiped and refilled database never repeats an old version string.
export const READ_VERSION = `
  OPTIONAL MATCH (v:${DATA_VERSION_LABEL} {id: 'graph'})
  RETURN CASE WHEN v IS NULL THEN null ELSE v.epoch + ':' + toString(v.n) END AS version`;

/** Bumps the version in the transaction `tx`; returns the new version string. */
export async function bumpVersion(tx: WriteTx): Promise<string | null> {
  const [row] = await tx.run<{ version: string }>(BUMP_VERSION);
  return row?.version ?? null;
}

/** The current version string; null before the first write. */
export async function readVersion(tx: WriteTx): Promise<string | null> {
  const [row] = await tx.run<{ version: string | null }>(READ_VERSION);
  return row?.version ?? null;
}
