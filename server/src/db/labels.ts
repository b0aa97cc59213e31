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

/**
 * A soft-deleted signal (server/src/signal/signal.deletion.ts): the node keeps its id and properties but loses
 * `:Entity` and `:Signal`, so the inbox, search and every analysis (which match those labels) no longer see it;
 * its history and annotations stay, and an admin's restore gives the labels back.
 */
export const DELETED_SIGNAL_LABEL = 'DeletedSignal';

/**
 * Saved radar editions (server/src/radar): one (:RadarEdition) node per edition, storing its blips' ring and sector as
 * JSON with author and date. Not an entity and linked to nothing, like history: an edition outlives what it shows.
 */
export const RADAR_EDITION_LABEL = 'RadarEdition';

/** Bookkeeping nodes, not part of the map: the data version counter (db/data-version.ts) and idempotency keys. */
export const DATA_VERSION_LABEL = 'AtlasDataVersion';
export const IDEMPOTENCY_LABEL = 'IdempotencyKey';

/**
 * Suggested links (server/src/signal/suggestion.*): (Signal)-[:REJECTED_SUGGESTION {by, at}]->(Technology) remembers
 * that an analyst rejected a suggested technology for a signal, so it is never suggested for that signal again. Not a
 * map link: never walked, exported or drawn.
 */
export const SUGGESTION_LINKS = { REJECTED_SUGGESTION: 'REJECTED_SUGGESTION' } as const;

/**
 * Delphi studies (server/src/delphi): structured group evaluation in rounds. Not entities, never walked by the map:
 * (DelphiStudy)-[:DELPHI_ITEM]->(Entity) for what it asks about, (DelphiStudy)-[:DELPHI_INVITES]->(User),
 * (DelphiStudy)-[:HAS_ROUND]->(DelphiRound), and one (DelphiAnswer) per analyst, item and round:
 * (DelphiAnswer)-[:IN_ROUND]->(DelphiRound), -[:ANSWERED_BY]->(User), -[:ABOUT]->(Entity).
 */
export const DELPHI_LABELS = { STUDY: 'DelphiStudy', ROUND: 'DelphiRound', ANSWER: 'DelphiAnswer' } as const;
export const DELPHI_LINKS = {
  DELPHI_ITEM: 'DELPHI_ITEM',
  DELPHI_INVITES: 'DELPHI_INVITES',
  HAS_ROUND: 'HAS_ROUND',
  IN_ROUND: 'IN_ROUND',
  ANSWERED_BY: 'ANSWERED_BY',
  ABOUT: 'ABOUT',
} as const;

/**
 * Watchlists and notifications (server/src/follow, server/src/notification); not entities, never walked by the map.
 * (User)-[:FOLLOWS {since}]->(Entity | SavedSearch), (User)-[:OWNS]->(SavedSearch {id, name, query, kinds, createdAt}),
 * (Notification {id, kind, subjectId, subjectKind, subjectName, actorId, actorName, message, createdAt, readAt})-[:FOR]->(User).
 * The notification shape is shared with the discussion domain (MENTION, ASSIGNED): keep it exactly.
 */
export const NOTIFICATION_LABEL = 'Notification';
export const SAVED_SEARCH_LABEL = 'SavedSearch';
export const WATCH_LINKS = { FOLLOWS: 'FOLLOWS', OWNS: 'OWNS', FOR: 'FOR' } as const;

/**
 * Discussion (server/src/discussion): comments, assignments and the notifications they raise. Not entities, never
 * walked by the map; they point at what they concern (any entity: technology, signal, saved scenario, annotation…).
 *   (c:Comment {id, subjectId, body, authorId, authorName, createdAt, editedAt, deletedAt, deletedBy})-[:ON]->(subject)
 *   (u:User)-[:WROTE]->(c), (c)-[:EARLIER_VERSION]->(r:CommentRevision {body, editedAt, version})
 *   (a:Assignment {id, subjectId, due, note, …})-[:ON]->(subject), (a)-[:ASSIGNED_TO]->(u:User)
 *   (n:Notification {id, kind, subjectId, subjectKind, subjectName, actorId, actorName, message, createdAt, readAt})-[:FOR]->(u:User)
 * The Notification shape (and its label and FOR link) is the notification centre's, above; both write exactly it.
 */
export const DISCUSSION_LABELS = {
  COMMENT: 'Comment',
  COMMENT_REVISION: 'CommentRevision',
  ASSIGNMENT: 'Assignment',
  NOTIFICATION: NOTIFICATION_LABEL,
} as const;
export const DISCUSSION_LINKS = {
  ON: 'ON',
  WROTE: 'WROTE',
  EARLIER_VERSION: 'EARLIER_VERSION',
  ASSIGNED_TO: 'ASSIGNED_TO',
  FOR: WATCH_LINKS.FOR,
} as const;
