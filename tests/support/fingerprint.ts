// The whole graph as one comparable value, for tests that claim "nothing changed": every node's labels and
// properties and every relationship's type, properties and ends, canonicalised (sorted keys, sorted lists) and
// hashed. Counting nodes is blind to an edited property or a moved link; this is not. Values are read straight from
// the driver (not through db/values.ts, which turns datetimes into strings and integers into numbers), and every value
// is tagged with its Neo4j type, so an integer that came back as a float, or a datetime stored as a string, differs.
import { createHash } from 'node:crypto';
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';
import { DATA_VERSION_LABEL } from '../../server/src/db/data-version.js';
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
  /**
   * Nodes carrying any of these labels are left out, with their relationships (e.g. users and tokens when only the map
   * matters). The data version counter is left out too (it moves with every write by design) unless keepDataVersion.
   */
  ignoreLabels?: string[];
  /** Keep the data version counter: for claims that a refused change did not even open a write. */
  keepDataVersion?: boolean;
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

/** A stored value with its Neo4j type: {int: "7"}, {float: 7}, {datetime: "…"}, strings and booleans as they are. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return { int: value.toString() };
  if (typeof value === 'number') return { float: Number.isNaN(value) ? 'NaN' : value };
  if (Array.isArray(value)) return { list: value.map(typed) };
  if (isDateTime(value)) return { datetime: value.toString() };
  if (isLocalDateTime(value)) return { localdatetime: value.toString() };
  if (isDate(value)) return { date: value.toString() };
  if (isTime(value)) return { time: value.toString() };
  if (isLocalTime(value)) return { localtime: value.toString() };
  if (isDuration(value)) return { duration: value.toString() };
  if (isPoint(value)) return { point: value.toString() };
  return value;
}

function typedProps(props: Record<string, unknown>, ignore: Set<string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k]) => !ignore.has(k))
      .map(([k, v]) => [k, typed(v)]),
  );
}

export async function graphSnapshot(db: Database, options: SnapshotOptions = {}): Promise<GraphSnapshot> {
  const ignoreLabels = [...(options.ignoreLabels ?? []), ...(options.keepDataVersion ? [] : [DATA_VERSION_LABEL])];
  const ignoreProps = new Set(options.ignoreProperties ?? []);
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  let record;
  try {
    const result = await session.executeRead((tx) =>
      tx.run(
        `CALL () { MATCH (n) WHERE none(l IN labels(n) WHERE l IN $ignoreLabels)
                   RETURN collect({id: elementId(n), labels: labels(n), props: properties(n)}) AS nodes }
         CALL () { MATCH (a)-[r]->(b)
                   WHERE none(l IN labels(a) + labels(b) WHERE l IN $ignoreLabels)
                   RETURN collect({from: elementId(a), type: type(r), props: properties(r), to: elementId(b)}) AS rels }
         RETURN nodes, rels`,
        { ignoreLabels },
      ),
    );
    record = result.records[0]!;
  } finally {
    await session.close();
  }
  const rawNodes = record.get('nodes') as { id: string; labels: string[]; props: Record<string, unknown> }[];
  const rawRels = record.get('rels') as { from: string; type: string; props: Record<string, unknown>; to: string }[];
  const lineOf = new Map<string, string>();
  const nodes = rawNodes.map((n) => {
    const line = canonical([[...n.labels].sort(), typedProps(n.props, ignoreProps)]);
    lineOf.set(n.id, line);
    return line;
  });
  // Ends are named by content, not by element id, so the same graph rebuilt elsewhere fingerprints alike.
  const relationships = rawRels.map((r) =>
    canonical([sha(lineOf.get(r.from)!).slice(0, 16), r.type, typedProps(r.props, ignoreProps), sha(lineOf.get(r.to)!).slice(0, 16)]),
  );
  nodes.sort();
  relationships.sort();
  return { nodes, relationships, hash: sha(`${nodes.join('\n')}\n--\n${relationships.join('\n')}`) };
}

/** The graph's fingerprint alone (see graphSnapshot). */
export async function graphFingerprint(db: Database, options: SnapshotOptions = {}): Promise<string> {
  return (await graphSnapshot(db, options)).hash;
}
