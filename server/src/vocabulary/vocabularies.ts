// The closed vocabularies of the map, one source of truth each. The GraphQL enums (graphql-enums.ts), the input checks
// and the seed spec (graph-seed/spec.ts) all read these. Member names are what the API speaks (SOCIAL, BY_2030); the
// string values are what Neo4j and the seed files store ('social', '2030'), so stored data never has to change.

/** STEEP: the five kinds of driver a signal or scenario is sorted by. */
export enum Steep {
  SOCIAL = 'social',
  TECHNOLOGICAL = 'technological',
  ECONOMIC = 'economic',
  ENVIRONMENTAL = 'environmental',
  POLITICAL = 'political',
}

/** The triage lifecycle: new (just in) → assessed (read and rated) → linked (tied to the graph) → archived (set aside). */
export enum SignalStatus {
  NEW = 'new',
  ASSESSED = 'assessed',
  LINKED = 'linked',
  ARCHIVED = 'archived',
}

/** When a technology is expected to be mature for security use. */
export enum Horizon {
  NOW = 'now',
  BY_2030 = '2030',
  BY_2035 = '2035',
  BY_2040 = '2040',
}

/** The EU's position in a technology. */
export enum EuPosition {
  LEADER = 'leader',
  COMPETITIVE = 'competitive',
  LAGGING = 'lagging',
  DEPENDENT = 'dependent',
}

/** The internal-security domain a capability serves. */
export enum CapabilityDomain {
  BORDER_MANAGEMENT = 'border management',
  LAW_ENFORCEMENT = 'law enforcement',
  DRUG_MARKETS = 'drug markets',
  CRISIS_MANAGEMENT = 'crisis management',
  CYBERSECURITY = 'cybersecurity',
}

/** What a supply share measures. */
export enum SupplyBasis {
  GLOBAL_PRODUCTION = 'global production',
  EU_SOURCING = 'EU sourcing',
  GLOBAL_CAPACITY = 'global capacity',
}

/** The file formats signals are imported from. */
export enum SignalImportFormat {
  RSS = 'rss',
  ATOM = 'atom',
  CSV = 'csv',
}

/** Why a technology is suggested for a signal (server/src/signal/suggestions.ts). Computed, never stored. */
export enum SuggestionReasonKind {
  NAME_OR_ALIAS = 'NAME_OR_ALIAS',
  SHARED_TERMS = 'SHARED_TERMS',
  SIMILAR_SIGNALS = 'SIMILAR_SIGNALS',
}

/** A Delphi round (server/src/delphi) is OPEN for answers until its lead closes it; a CLOSED round never changes again. */
export enum DelphiRoundStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}

/** Where an assignment stands on a given day (derived from its due date and completion, never stored). */
export enum AssignmentState {
  OVERDUE = 'overdue',
  DUE_TODAY = 'due today',
  OPEN = 'open',
  DONE = 'done',
}

/** Which KET framework a key-enabling-technology area belongs to. */
export const KET_FRAMEWORKS = ['KET-2009', 'KET-2018'] as const;
/** How two KET areas relate. */
export const KET_RELATIONS = ['succeeded-by', 'overlaps', 'part-of'] as const;
/** What a case study scans a technology for. */
export const SCAN_ROLES = ['threat', 'countermeasure', 'both'] as const;

/** The stored values of a vocabulary, in declaration order. */
export function storedValues<T extends Record<string, string>>(vocabulary: T): readonly T[keyof T][] {
  return Object.values(vocabulary) as T[keyof T][];
}

/** True when `value` is one of the vocabulary's stored values. */
export function isStoredValue<T extends Record<string, string>>(vocabulary: T, value: unknown): value is T[keyof T] {
  return typeof value === 'string' && (Object.values(vocabulary) as string[]).includes(value);
}

/**
 * Why a notification was raised. Stored as the API name itself ('MENTION'): the discussion domain writes notifications
 * of the same shape with its own Cypher, so the stored value must be the one both sides spell the same.
 */
export enum NotificationKind {
  SIGNAL_LINKED = 'SIGNAL_LINKED',
  SIGNAL_ANNOTATED = 'SIGNAL_ANNOTATED',
  RATING_CHANGED = 'RATING_CHANGED',
  MAPPING_CHANGED = 'MAPPING_CHANGED',
  SCENARIO_IMPACT_CHANGED = 'SCENARIO_IMPACT_CHANGED',
  SAVED_SEARCH_MATCH = 'SAVED_SEARCH_MATCH',
  MENTION = 'MENTION',
  ASSIGNED = 'ASSIGNED',
  COMMENTED = 'COMMENTED',
}
