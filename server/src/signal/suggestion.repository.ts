// All Cypher of signal clustering and suggested links: the corpus (every signal's text, the technologies it indicates
// and those rejected for it), the technologies' texts, and remembering a rejected suggestion. One transaction per write.
import type { Database } from '../db/database.js';
import { RELATIONSHIP_TYPES, SUGGESTION_LINKS } from '../db/labels.js';
import { int } from '../db/values.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences } from '../entity/entity.writes.repository.js';
import type { Actor } from '../history/history.model.js';

const REJECTED = SUGGESTION_LINKS.REJECTED_SUGGESTION;
const INDICATES = 'INDICATES' satisfies keyof typeof RELATIONSHIP_TYPES;

/** The newest $limit signals (publication day, then id), with what they indicate and what was rejected for them. */
export const CORPUS_QUERY = `
  MATCH (s:Signal)
  WITH s ORDER BY s.publishedAt DESC, s.id DESC LIMIT $limit
  RETURN properties(s) AS props,
         [(s)-[:${INDICATES}]->(t:Technology) | t.id] AS technologyIds,
         [(s)-[:${INDICATES}]->(t) | t.id] AS linkedIds,
         [(s)-[:${REJECTED}]->(t:Technology) | t.id] AS rejectedIds`;

/** Every technology with the words that name and describe it. */
export const TECHNOLOGY_TEXTS_QUERY = `
  MATCH (t:Technology)
  RETURN properties(t) AS props
  ORDER BY t.id`;

/** Remembers a rejection once: a second rejection keeps the first one's author and time. */
export const REJECT_QUERY = `
  MATCH (s:Signal {id: $signalId}), (t:Technology {id: $technologyId})
  MERGE (s)-[r:${REJECTED}]->(t)
  ON CREATE SET r.by = $by, r.byId = $byId, r.at = datetime()
  RETURN r.by AS by, toString(r.at) AS at`;

export interface CorpusSignal {
  signal: EntityRecord;
  /** Technologies it indicates (suggestion evidence for similar signals). */
  technologyIds: string[];
  /** Everything it indicates (never suggested again). */
  linkedIds: string[];
  rejectedIds: string[];
}

export async function findClusteringCorpus(db: Database, limit: number): Promise<CorpusSignal[]> {
  const rows = await db.read<{ props: Record<string, unknown>; technologyIds: string[]; linkedIds: string[]; rejectedIds: string[] }>(CORPUS_QUERY, {
    limit: int(limit),
  });
  return rows.map((r) => ({
    signal: toEntity({ kind: 'Signal', props: r.props }),
    technologyIds: r.technologyIds,
    linkedIds: r.linkedIds,
    rejectedIds: r.rejectedIds,
  }));
}

export async function findTechnologyTexts(db: Database): Promise<EntityRecord[]> {
  const rows = await db.read<{ props: Record<string, unknown> }>(TECHNOLOGY_TEXTS_QUERY);
  return rows.map((r) => toEntity({ kind: 'Technology', props: r.props }));
}

/** Unknown or wrong-kind ids fail with BAD_USER_INPUT naming signalId or technologyId, and nothing is written. */
export async function rejectSuggestedLink(db: Database, signalId: string, technologyId: string, actor: Actor): Promise<{ by: string; at: string }> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [
      { field: 'signalId', ids: [signalId], kinds: ['Signal'], single: true },
      { field: 'technologyId', ids: [technologyId], kinds: ['Technology'], single: true },
    ]);
    const [row] = await tx.run<{ by: string; at: string }>(REJECT_QUERY, { signalId, technologyId, by: actor.name, byId: actor.id });
    return row!;
  });
}
