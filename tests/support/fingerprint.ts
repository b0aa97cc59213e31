// The whole graph as one comparable value, for tests that claim "nothing changed": every node's labels and
// properties and every relationship's type, properties and ends, canonicalised (sorted keys, sorted lists) and
// hashed. Counting nodes is blind to an edited property or a moved link; this is not.
import { createHash } from 'node:crypto';
import type { Database } from '../../server/src/db/database.js';

export interface GraphSnapshot {
  /** One canonical line per node, sorted. */
  nodes: string[];
  /** One canonical line per relationship (its ends named by their node lines' hashes), sorted. */
  relationships: string[];
  /** SHA-256 over both lists. */
  hash: string;
}

export interface SnapshotOptions {
  /** Nodes carrying any of these labels are left out, with their relationships (e.g. bookkeeping a read may touch). */
  ignoreLabels?: string[];
  /** Properties left out wherever they occur. */
  ignoreProperties?: string[];
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every depth, so equal values always print alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function withoutKeys(props: Record<string, unknown>, ignore: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !ignore.has(k)));
}

export async function graphSnapshot(db: Database, options: SnapshotOptions = {}): Promise<GraphSnapshot> {
  const ignoreLabels = options.ignoreLabels ?? [];
  const ignoreProps = new Set(options.ignoreProperties ?? []);
  const [row] = await db.read<{
    nodes: { id: string; labels: string[]; props: Record<string, unknown> }[];
    rels: { from: string; type: string; props: Record<string, unknown>; to: string }[];
  }>(
    `CALL () { MATCH (n) WHERE none(l IN labels(n) WHERE l IN $ignoreLabels)
               RETURN collect({id: elementId(n), labels: labels(n), props: properties(n)}) AS nodes }
     CALL () { MATCH (a)-[r]->(b)
               WHERE none(l IN labels(a) + labels(b) WHERE l IN $ignoreLabels)
               RETURN collect({from: elementId(a), type: type(r), props: properties(r), to: elementId(b)}) AS rels }
     RETURN nodes, rels`,
    { ignoreLabels },
  );
  const lineOf = new Map<string, string>();
  const nodes = (row?.nodes ?? []).map((n) => {
    const line = canonical([[...n.labels].sort(), withoutKeys(n.props, ignoreProps)]);
    lineOf.set(n.id, line);
    return line;
  });
  // Ends are named by content, not by element id, so the same graph rebuilt elsewhere fingerprints alike.
  const relationships = (row?.rels ?? []).map((r) =>
    canonical([sha(lineOf.get(r.from)!).slice(0, 16), r.type, withoutKeys(r.props, ignoreProps), sha(lineOf.get(r.to)!).slice(0, 16)]),
  );
  nodes.sort();
  relationships.sort();
  return { nodes, relationships, hash: sha(`${nodes.join('\n')}\n--\n${relationships.join('\n')}`) };
}

/** The graph's fingerprint alone (see graphSnapshot). */
export async function graphFingerprint(db: Database, options: SnapshotOptions = {}): Promise<string> {
  return (await graphSnapshot(db, options)).hash;
}
