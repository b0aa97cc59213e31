// The graph model in one place: node labels (with their id prefixes) and relationship types.
// The seed loader, the schema and the API all read it from here.

export const ENTITY_KINDS = [
  'Technology',
  'Capability',
  'KetArea',
  'CriticalTechnologyArea',
  'Component',
  'Material',
  'Supplier',
  'Country',
  'CaseStudy',
  'Project',
  'Organisation',
  'Signal',
  'Source',
  'Annotation',
  'Scenario',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Id prefixes make an id's kind visible in URLs, logs and seed files. */
export const ID_PREFIX: Record<EntityKind, string> = {
  Technology: 'tech',
  Capability: 'cap',
  KetArea: 'ket',
  CriticalTechnologyArea: 'cta',
  Component: 'comp',
  Material: 'mat',
  Supplier: 'sup',
  Country: 'country',
  CaseStudy: 'case',
  Project: 'proj',
  Organisation: 'org',
  Signal: 'sig',
  Source: 'src',
  Annotation: 'ann',
  Scenario: 'scn',
};

/** Kinds drawn in the explorer; sources, annotations and scenarios are shown in details, not as graph nodes. */
export const MAP_KINDS: readonly EntityKind[] = ENTITY_KINDS.filter((k) => !['Source', 'Annotation', 'Scenario'].includes(k));

/** Every node carries this label too, so a lookup by id needs no label and one index serves it. */
export const ENTITY_LABEL = 'Entity';

export const RELATIONSHIP_TYPES = {
  IN_KET_AREA: { from: ['Technology'], to: ['KetArea'] },
  IN_CRITICAL_AREA: { from: ['Technology'], to: ['CriticalTechnologyArea'] },
  KET_RELATED: { from: ['KetArea', 'CriticalTechnologyArea'], to: ['KetArea'] },
  SUB_TECHNOLOGY_OF: { from: ['Technology'], to: ['Technology'] },
  ENABLES: { from: ['Technology'], to: ['Capability'] },
  DEPENDS_ON: { from: ['Technology', 'Component'], to: ['Technology', 'Component', 'Material'] },
  SUBSTITUTES: { from: ['Technology', 'Component', 'Material'], to: ['Technology', 'Component', 'Material'] },
  SUPPLIED_BY: { from: ['Component', 'Material'], to: ['Supplier'] },
  LOCATED_IN: { from: ['Supplier'], to: ['Country'] },
  SCANS: { from: ['CaseStudy'], to: ['Technology'] },
  CONCERNS: { from: ['CaseStudy'], to: ['Capability'] },
  COUNTERS: { from: ['Capability'], to: ['Technology'] },
  STUDIES: { from: ['Project'], to: ['Technology', 'Capability'] },
  LEADS: { from: ['Organisation'], to: ['Project', 'CaseStudy'] },
  PARTICIPATES_IN: { from: ['Organisation'], to: ['Project', 'CaseStudy'] },
  INDICATES: { from: ['Signal'], to: ['Technology', 'Capability', 'CaseStudy'] },
} as const satisfies Record<string, { from: readonly EntityKind[]; to: readonly EntityKind[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/**
 * The scenario overlay (server/src/scenario): a Scenario's events are nodes of their own (not entities) pointing at
 * baseline entities, which a scenario never changes. Kept apart from RELATIONSHIP_TYPES so the map never walks them.
 */
export const SCENARIO_EVENT_LABEL = 'ScenarioEvent';
export const SCENARIO_OVERLAY_TYPES = {
  /** (Scenario)-[:HAS_EVENT]->(ScenarioEvent) */
  HAS_EVENT: 'HAS_EVENT',
  /** (ScenarioEvent)-[:TARGETS]->(Entity): what the event hits (for a substitution, the substitute). */
  TARGETS: 'TARGETS',
  /** (ScenarioEvent)-[:REPLACES]->(Entity): for a substitution, what the substitute replaces. */
  REPLACES: 'REPLACES',
} as const;

/**
 * Annotations (server/src/annotation), append-only: (Annotation)-[:ANNOTATES]->(Entity), and one AnnotationRevision
 * node (not an entity) per version: (AnnotationRevision)-[:REVISION_OF]->(Annotation). Not map links: never walked.
 */
export const REVISION_LABEL = 'AnnotationRevision';
export const ANNOTATION_LINKS = {
  ANNOTATES: 'ANNOTATES',
  REVISION_OF: 'REVISION_OF',
} as const;

export function kindOfId(id: string): EntityKind | undefined {
  const prefix = id.split(':', 1)[0];
  return ENTITY_KINDS.find((k) => ID_PREFIX[k] === prefix);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/**
 * Users and their credentials (server/src/user, server/src/auth); not entities, never walked by the map.
 * (Session)-[:SESSION_OF]->(User), (ApiToken)-[:TOKEN_OF]->(User). Sessions and tokens are stored by the SHA-256 of
 * their secret only.
 */
export const AUTH_LABELS = { USER: 'User', SESSION: 'Session', API_TOKEN: 'ApiToken' } as const;
export const AUTH_LINKS = { SESSION_OF: 'SESSION_OF', TOKEN_OF: 'TOKEN_OF' } as const;

/**
 * History (server/src/history): one (:Change) node per change of the map, written in the same transaction as the
 * change. Not an entity and linked to nothing (so deleting an entity keeps its history): it names what it concerns
 * by id (entityId, or fromId/toId of a link).
 */
export const HISTORY_LABEL = 'Change';
