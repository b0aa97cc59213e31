// Shared by the reliability tests: signed-in callers, and a fingerprint of the whole graph.
import type { Role } from '../../server/src/auth/roles.js';
import type { Database } from '../../server/src/db/database.js';
import { authHeaders, createUserWithToken } from '../support/auth.js';
import { graphSnapshot } from '../support/fingerprint.js';

/** Headers of a freshly created, signed-in (API token) user with the role. */
export async function callerHeaders(db: Database, role: Role = 'analyst'): Promise<Record<string, string>> {
  return authHeaders((await createUserWithToken(db, role)).token);
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

/** Counts and the hash of tests/support/fingerprint.ts (every node's labels + properties, every relationship's type + ends + properties). */
export async function fingerprint(db: Database, options: { exclude?: string[] } = {}): Promise<Fingerprint> {
  const snapshot = await graphSnapshot(db, { ignoreLabels: options.exclude });
  return { nodes: snapshot.nodes.length, relationships: snapshot.relationships.length, hash: snapshot.hash };
}
