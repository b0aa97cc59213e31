// Shared by the reliability tests: signed-in callers, and a fingerprint of the whole graph.
import { createHash } from 'node:crypto';
import type { Role } from '../../server/src/auth/roles.js';
import type { Database } from '../../server/src/db/database.js';
import { authHeaders, createUserWithToken } from '../support/auth.js';
import { DATA_VERSION_LABEL } from '../../server/src/db/data-version.js';

/** Headers of a freshly created, signed-in (API token) user with the role. */
export async function callerHeaders(db: Database, role: Role = 'analyst'): Promise<Record<string, string>> {
  return authHeaders((await createUserWithToken(db, role)).token);
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

/** Counts and a hash of every node's labels + properties and every relationship's type + endpoints + properties. */
export async function fingerprint(db: Database, options: { exclude?: string[] } = {}): Promise<Fingerprint> {
  // The data version moves with every write by design; it is bookkeeping, not content.
  const exclude = [...(options.exclude ?? []), DATA_VERSION_LABEL];
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown>; key: string }>(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $exclude)
     RETURN labels(n) AS labels, properties(n) AS props, elementId(n) AS key`,
    { exclude },
  );
  const rels = await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $exclude)
     RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props`,
    { exclude },
  );
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)])) : v;
  // A node is named by its id, or (nodes without one: revisions, scenario events) by its labels and properties.
  const nodeLine = new Map(nodes.map((n) => [n.key, JSON.stringify([[...n.labels].sort(), canon(n.props)])]));
  const nameOf = new Map(nodes.map((n) => [n.key, typeof n.props.id === 'string' ? n.props.id : nodeLine.get(n.key)!]));
  const lines = [...nodeLine.values(), ...rels.map((r) => JSON.stringify([r.type, nameOf.get(r.from), nameOf.get(r.to), canon(r.props)]))].sort();
  return { nodes: nodes.length, relationships: rels.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
