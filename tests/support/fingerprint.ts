// The whole graph as one hash: every node (labels and all properties) and every relationship (type, both ends and all
// properties). "Nothing changed" checked with it sees a property edit or a moved link, which counting nodes does not.
import { createHash } from 'node:crypto';
import type { Database } from '../../server/src/db/database.js';

/** Objects with sorted keys, so equal graphs give equal text whatever order Neo4j returns properties in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Nodes are told apart by their content (not the internal element id, which a delete-and-recreate would change). */
export async function graphFingerprint(db: Database, options: { ignoreLabels?: readonly string[] } = {}): Promise<string> {
  const ignore = options.ignoreLabels ?? [];
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $ignore) RETURN labels(n) AS labels, properties(n) AS props`,
    { ignore },
  );
  const links = await db.read<{ type: string; from: unknown; to: unknown; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $ignore)
     RETURN type(r) AS type, [labels(a), properties(a)] AS from, [labels(b), properties(b)] AS to, properties(r) AS props`,
    { ignore },
  );
  const lines = [
    ...nodes.map((n) => `N ${canonical([[...n.labels].sort(), n.props])}`),
    ...links.map((r) => `R ${r.type} ${canonical(r.from)} ${canonical(r.to)} ${canonical(r.props)}`),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
