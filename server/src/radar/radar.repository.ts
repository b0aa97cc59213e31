// All Cypher of the radar: the technologies with what places and filters them, the sector lists, the technology changes
// since a date (from history) and the saved editions. Parameters only; labels from db/labels.ts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { ENTITY_LABEL, HISTORY_LABEL, RADAR_EDITION_LABEL, type EntityKind, type RelationshipType } from '../db/labels.js';
import { int } from '../db/values.js';
import type { Actor } from '../history/history.model.js';
import type { EditionBlip, RadarTechnology, RingRule, SectorDef, SectorRule, SizeMeasure, TechnologyChange } from './radar.model.js';

const TECHNOLOGY: EntityKind = 'Technology';
const KET_AREA: EntityKind = 'KetArea';
const CRITICAL_AREA: EntityKind = 'CriticalTechnologyArea';
const CAPABILITY: EntityKind = 'Capability';
const CASE_STUDY: EntityKind = 'CaseStudy';
const SIGNAL: EntityKind = 'Signal';
const IN_KET_AREA: RelationshipType = 'IN_KET_AREA';
const IN_CRITICAL_AREA: RelationshipType = 'IN_CRITICAL_AREA';
const ENABLES: RelationshipType = 'ENABLES';
const SCANS: RelationshipType = 'SCANS';
const INDICATES: RelationshipType = 'INDICATES';

export interface RadarTechnologyRow extends RadarTechnology {
  /** Publication days of the signals indicating it (for momentum). */
  signalDays: (string | null)[];
}

/** Every technology with its areas, enabled capabilities (with domain), case studies and signal days: one query. */
export async function fetchRadarTechnologies(db: Database): Promise<RadarTechnologyRow[]> {
  return db.read<RadarTechnologyRow>(
    `MATCH (t:${TECHNOLOGY})
     RETURN t.id AS id, t.name AS name, t.description AS description, t.horizon AS horizon, t.trl AS trl, t.dualUse AS dualUse,
       COLLECT { MATCH (t)-[:${IN_KET_AREA}]->(k:${KET_AREA}) RETURN k.id ORDER BY k.id } AS ketAreaIds,
       COLLECT { MATCH (t)-[:${IN_CRITICAL_AREA}]->(a:${CRITICAL_AREA}) RETURN a.id ORDER BY a.id } AS criticalAreaIds,
       COLLECT { MATCH (t)-[:${ENABLES}]->(c:${CAPABILITY}) RETURN {id: c.id, domain: c.domain} ORDER BY c.id } AS capabilities,
       COLLECT { MATCH (cs:${CASE_STUDY})-[:${SCANS}]->(t) RETURN cs.id ORDER BY cs.id } AS caseStudyIds,
       COLLECT { MATCH (s:${SIGNAL})-[:${INDICATES}]->(t) RETURN s.publishedAt } AS signalDays
     ORDER BY t.name, t.id`,
  );
}

/** The KET areas or critical-technology areas, by framework (KET-2009, KET-2018…) then name (capability domains are a fixed list, not read here). */
export async function fetchAreaSectors(db: Database, rule: Exclude<SectorRule, 'CAPABILITY_DOMAIN'>): Promise<(SectorDef & { framework: string | null })[]> {
  const label = rule === 'KET_AREA' ? KET_AREA : CRITICAL_AREA;
  return db.read<SectorDef & { framework: string | null }>(
    `MATCH (a:${label}) RETURN a.id AS id, a.name AS name, a.framework AS framework ORDER BY a.framework, a.name, a.id`,
  );
}

export interface FilterChoices {
  capabilities: { id: string; name: string; domain: string | null }[];
  caseStudies: { id: string; name: string }[];
  ketAreas: { id: string; name: string }[];
}

/** What the radar's filters can be set to, each list by name: one query. */
export async function fetchFilterChoices(db: Database): Promise<FilterChoices> {
  const [row] = await db.read<FilterChoices>(
    `RETURN COLLECT { MATCH (c:${CAPABILITY}) RETURN {id: c.id, name: c.name, domain: c.domain} ORDER BY c.name, c.id } AS capabilities,
       COLLECT { MATCH (cs:${CASE_STUDY}) RETURN {id: cs.id, name: cs.name} ORDER BY cs.name, cs.id } AS caseStudies,
       COLLECT { MATCH (k:${KET_AREA}) RETURN {id: k.id, name: k.name} ORDER BY k.name, k.id } AS ketAreas`,
  );
  return row!;
}

/** Which of the filter's ids exist as the kind they name (a filter on an unknown id is refused, not silently empty). */
export async function existingIds(
  db: Database,
  ids: { capabilityId?: string | null; caseStudyId?: string | null; ketAreaId?: string | null },
): Promise<Set<string>> {
  const rows = await db.read<{ id: string }>(
    `UNWIND [[$capabilityId, '${CAPABILITY}'], [$caseStudyId, '${CASE_STUDY}'], [$ketAreaId, '${KET_AREA}']] AS pair
     WITH pair WHERE pair[0] IS NOT NULL
     MATCH (n:${ENTITY_LABEL} {id: pair[0]}) WHERE pair[1] IN labels(n)
     RETURN n.id AS id`,
    { capabilityId: ids.capabilityId ?? null, caseStudyId: ids.caseStudyId ?? null, ketAreaId: ids.ketAreaId ?? null },
  );
  return new Set(rows.map((r) => r.id));
}

/** Changes of technologies made at or after the start of the given day (UTC), oldest first. */
export async function technologyChangesSince(db: Database, since: string): Promise<TechnologyChange[]> {
  const rows = await db.read<{ entityId: string; kind: string; fields: string | null }>(
    `MATCH (c:${HISTORY_LABEL})
     WHERE c.entityKind = '${TECHNOLOGY}' AND c.at >= datetime($since)
     RETURN c.entityId AS entityId, c.kind AS kind, c.fields AS fields
     ORDER BY c.at, c.seq`,
    { since: `${since}T00:00:00Z` },
  );
  return rows.map((r) => ({ entityId: r.entityId, kind: r.kind, fields: JSON.parse(r.fields ?? '[]') }));
}

export interface EditionRecord {
  id: string;
  title: string;
  at: string;
  byId: string;
  byName: string;
  ringRule: RingRule;
  sectorRule: SectorRule;
  sizeMeasure: SizeMeasure;
  filter: Record<string, string | null>;
  blips: EditionBlip[];
}

function toEdition(p: Record<string, any>): EditionRecord {
  return {
    id: p.id,
    title: p.title,
    at: p.at,
    byId: p.byId,
    byName: p.byName,
    ringRule: p.ringRule,
    sectorRule: p.sectorRule,
    sizeMeasure: p.sizeMeasure,
    filter: JSON.parse(p.filter ?? '{}'),
    blips: JSON.parse(p.blips ?? '[]'),
  };
}

/** Saves an edition in one write transaction; the blips are the server's own radar, never client-supplied positions. */
export async function insertEdition(db: Database, actor: Actor, edition: Omit<EditionRecord, 'id' | 'at' | 'byId' | 'byName'>): Promise<EditionRecord> {
  const id = `radar-edition:${randomUUID()}`;
  const [row] = await db.writeTransaction((tx) =>
    tx.run<{ e: Record<string, any> }>(`CREATE (e:${RADAR_EDITION_LABEL} {id: $id}) SET e += $props, e.at = datetime() RETURN properties(e) AS e`, {
      id,
      props: {
        title: edition.title,
        byId: actor.id,
        byName: actor.name,
        ringRule: edition.ringRule,
        sectorRule: edition.sectorRule,
        sizeMeasure: edition.sizeMeasure,
        filter: JSON.stringify(edition.filter),
        blips: JSON.stringify(edition.blips),
      },
    }),
  );
  return toEdition(row!.e);
}

/** Newest first. */
export async function listEditions(db: Database, limit: number): Promise<EditionRecord[]> {
  const rows = await db.read<{ e: Record<string, any> }>(`MATCH (e:${RADAR_EDITION_LABEL}) RETURN properties(e) AS e ORDER BY e.at DESC, e.id LIMIT $limit`, {
    limit: int(limit),
  });
  return rows.map((r) => toEdition(r.e));
}

export async function findEditions(db: Database, ids: string[]): Promise<EditionRecord[]> {
  const rows = await db.read<{ e: Record<string, any> }>(`MATCH (e:${RADAR_EDITION_LABEL}) WHERE e.id IN $ids RETURN properties(e) AS e`, { ids });
  return rows.map((r) => toEdition(r.e));
}
