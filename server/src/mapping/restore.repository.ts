// Cypher that brings deleted things back from their snapshot, and that folds one entity into another (merge).
// Kind labels and link types come from snapshots and the graph; each is checked against the model (labels.ts)
// before it is used as a dynamic label or type.
import type { WriteTx } from '../db/database.js';
import {
  ANNOTATION_LINKS,
  ENTITY_LABEL,
  ENTITY_KINDS,
  type EntityKind,
  RELATIONSHIP_TYPES,
  SCENARIO_EVENT_LABEL,
  SCENARIO_OVERLAY_TYPES,
} from '../db/labels.js';
import type { Actor, EntitySnapshot, LinkSnapshot } from '../history/history.model.js';

/** Relationship types a snapshot may bring back: the map's links and the annotations'. */
const RESTORABLE_TYPES = new Set<string>([...Object.keys(RELATIONSHIP_TYPES), ANNOTATION_LINKS.ANNOTATES]);

export function restorableLinks(links: readonly LinkSnapshot[]): LinkSnapshot[] {
  return links.filter((l) => RESTORABLE_TYPES.has(l.type));
}

const describe = (l: LinkSnapshot) => `${l.type} ${l.fromId} → ${l.toId}`;

export async function entityExists(tx: WriteTx, id: string): Promise<boolean> {
  return (await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n.id AS id`, { id })).length > 0;
}

export type LinkOutcome = 'created' | 'exists' | 'missing';

/**
 * Re-creates links whose two ends exist and that are not there already; returns each link's outcome.
 * Timestamps were stored as text in the snapshot and become datetimes again.
 */
export async function recreateLinks(tx: WriteTx, links: readonly LinkSnapshot[]): Promise<{ link: LinkSnapshot; outcome: LinkOutcome }[]> {
  const allowed = restorableLinks(links);
  if (allowed.length === 0) return [];
  const rows = await tx.run<{ index: number; outcome: LinkOutcome }>(
    `UNWIND range(0, size($links) - 1) AS index
     WITH index, $links[index] AS l
     OPTIONAL MATCH (a:${ENTITY_LABEL} {id: l.fromId})
     OPTIONAL MATCH (b:${ENTITY_LABEL} {id: l.toId})
     WITH index, l, a, b,
          CASE WHEN a IS NULL OR b IS NULL THEN 'missing'
               WHEN EXISTS { (a)-[old]->(b) WHERE type(old) = l.type } THEN 'exists' ELSE 'created' END AS outcome
     CALL (a, b, l, outcome) {
       WITH a, b, l WHERE outcome = 'created'
       CREATE (a)-[r:$(l.type)]->(b)
       SET r = l.properties
       SET r.createdAt = CASE WHEN r.createdAt IS NULL THEN null ELSE datetime(r.createdAt) END,
           r.updatedAt = CASE WHEN r.updatedAt IS NULL THEN null ELSE datetime(r.updatedAt) END
     }
     RETURN index, outcome ORDER BY index`,
    { links: allowed },
  );
  return rows.map((r) => ({ link: allowed[r.index]!, outcome: r.outcome }));
}

export const describeLink = describe;

/** Re-creates a deleted entity from its snapshot (kind label, properties, sources, scenario events); returns what could not come back. */
export async function recreateEntity(tx: WriteTx, snapshot: EntitySnapshot, revision: number): Promise<string[]> {
  if (!(ENTITY_KINDS as readonly string[]).includes(snapshot.kind)) throw new Error(`not an entity kind: ${snapshot.kind}`);
  const [row] = await tx.run<{ missingSources: string[] }>(
    `CREATE (n:${ENTITY_LABEL} {id: $id})
     SET n:$($kind), n = $props, n.revision = $revision, n.updatedAt = datetime(),
         n.createdAt = CASE WHEN $props.createdAt IS NULL THEN datetime() ELSE datetime($props.createdAt) END
     WITH n
     CALL (n) {
       MATCH (e:${SCENARIO_EVENT_LABEL}) WHERE e.targetId = n.id CREATE (e)-[:${SCENARIO_OVERLAY_TYPES.TARGETS}]->(n)
     }
     CALL (n) {
       MATCH (e:${SCENARIO_EVENT_LABEL}) WHERE e.replacesId = n.id CREATE (e)-[:${SCENARIO_OVERLAY_TYPES.REPLACES}]->(n)
     }
     WITH n
     UNWIND (CASE WHEN size($sourceIds) = 0 THEN [null] ELSE $sourceIds END) AS sid
     OPTIONAL MATCH (s:Source {id: sid})
     FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (n)-[:SOURCED_FROM]->(s))
     RETURN [x IN collect(CASE WHEN s IS NULL THEN sid END) WHERE x IS NOT NULL] AS missingSources`,
    { id: snapshot.properties.id, kind: snapshot.kind, props: { ...snapshot.properties }, revision, sourceIds: snapshot.sourceIds },
  );
  return (row?.missingSources ?? []).map((id) => `source ${id} (no longer exists)`);
}

/**
 * Moves every relationship of `mergeId` to `keepId` (map links, sources, annotations, scenario events) and deletes
 * `mergeId`. A link keep already has (same type and other end), or one between the two, is dropped: keep's own wins.
 */
export async function repointRelationships(
  tx: WriteTx,
  keepId: string,
  mergeId: string,
  links: readonly LinkSnapshot[],
): Promise<{ moved: number; dropped: string[] }> {
  const swap = (id: string) => (id === mergeId ? keepId : id);
  const repointed = restorableLinks(links).map((l) => ({ ...l, fromId: swap(l.fromId), toId: swap(l.toId) }));
  const between = repointed.filter((l) => l.fromId === l.toId);
  await tx.run(
    `MATCH (m:${ENTITY_LABEL} {id: $mergeId}), (k:${ENTITY_LABEL} {id: $keepId})
     CALL (m, k) { MATCH (m)-[:SOURCED_FROM]->(s:Source) MERGE (k)-[:SOURCED_FROM]->(s) }
     CALL (m, k) { MATCH (e:${SCENARIO_EVENT_LABEL})-[:${SCENARIO_OVERLAY_TYPES.TARGETS}]->(m) CREATE (e)-[:${SCENARIO_OVERLAY_TYPES.TARGETS}]->(k) SET e.targetId = k.id }
     CALL (m, k) { MATCH (e:${SCENARIO_EVENT_LABEL})-[:${SCENARIO_OVERLAY_TYPES.REPLACES}]->(m) CREATE (e)-[:${SCENARIO_OVERLAY_TYPES.REPLACES}]->(k) SET e.replacesId = k.id }
     DETACH DELETE m`,
    { mergeId, keepId },
  );
  const outcomes = await recreateLinks(
    tx,
    repointed.filter((l) => l.fromId !== l.toId),
  );
  return {
    moved: outcomes.filter((o) => o.outcome === 'created').length,
    dropped: [...between, ...outcomes.filter((o) => o.outcome !== 'created').map((o) => o.link)].map(describe),
  };
}

/** The kept entity of a merge takes the merged one's name and aliases as aliases; returns its new revision. */
export async function setMergedAliases(tx: WriteTx, kind: EntityKind, keepId: string, aliases: string[], actor: Actor): Promise<number> {
  const [row] = await tx.run<{ revision: number }>(
    `MATCH (k:${kind} {id: $keepId})
     SET k.aliases = $aliases, k.revision = coalesce(k.revision, 0) + 1, k.updatedAt = datetime(), k.updatedBy = $actor.name
     RETURN k.revision AS revision`,
    { keepId, aliases, actor },
  );
  return row!.revision;
}
