// What readiness (/ready, hardening/http.ts) asks Neo4j: is the full-text index online, does the idempotency key
// constraint exist. Both are schema reads (SHOW), answered by any Neo4j 5 without touching data.
import type { Database } from '../db/database.js';
import { IDEMPOTENCY_LABEL } from '../db/labels.js';

export const INDEX_STATE = 'SHOW INDEXES YIELD name, state WHERE name = $name RETURN state';
export const CONSTRAINTS_ON_LABEL = 'SHOW CONSTRAINTS YIELD labelsOrTypes WHERE $label IN labelsOrTypes RETURN count(*) AS n';

/** The state of the named index ("ONLINE", "POPULATING"…), or null when there is none. */
export async function indexState(db: Database, name: string): Promise<string | null> {
  const [index] = await db.read<{ state: string }>(INDEX_STATE, { name });
  return index?.state ?? null;
}

/** Whether the idempotency keys' uniqueness constraint exists (applySchema creates it). */
export async function hasIdempotencyConstraint(db: Database): Promise<boolean> {
  const [constraint] = await db.read<{ n: number }>(CONSTRAINTS_ON_LABEL, { label: IDEMPOTENCY_LABEL });
  return Boolean(constraint?.n);
}
