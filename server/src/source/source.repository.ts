// Cypher for finding a source to cite. Sources are not in the full-text index (search would list documents among
// technologies), so forms look them up here: by title, publisher or URL.
import type { Database } from '../db/database.js';
import { int } from '../db/values.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';

/** Sources whose title, publisher or URL contains the text (case-insensitive); titles starting with it first, then newest. */
export async function findSourcesByText(db: Database, text: string, first: number): Promise<EntityRecord[]> {
  const rows = await db.read<{ props: Record<string, unknown> }>(
    `MATCH (s:Source)
     WHERE toLower(s.name) CONTAINS $q OR toLower(coalesce(s.publisher, '')) CONTAINS $q OR toLower(coalesce(s.url, '')) CONTAINS $q
     RETURN properties(s) AS props
     ORDER BY CASE WHEN toLower(s.name) STARTS WITH $q THEN 0 ELSE 1 END, s.year DESC, s.name
     LIMIT $first`,
    { q: text.trim().toLowerCase(), first: int(first) },
  );
  return rows.map((r) => toEntity({ kind: 'Source', props: r.props }));
}
