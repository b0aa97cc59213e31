// The API's closed vocabularies (GraphQL enums such as SOCIAL, BY_2030) in analysts' words, in the order views list
// them. The words are the values the map stores, so what the views show and the links they make did not change when
// these became enums.

import type { CapabilityDomain, EuPosition, Horizon, NotificationKind, Role, SignalStatus, Steep, SupplyBasis } from './api-types';

export type { CapabilityDomain, EuPosition, Horizon, NotificationKind, Role, SignalStatus, Steep, SupplyBasis };

export const STEEP_WORDS: Record<Steep, string> = {
  SOCIAL: 'social',
  TECHNOLOGICAL: 'technological',
  ECONOMIC: 'economic',
  ENVIRONMENTAL: 'environmental',
  POLITICAL: 'political',
};

/** The triage lifecycle in order: keys 1–4 of the inbox follow it. */
export const STATUS_WORDS: Record<SignalStatus, string> = { NEW: 'new', ASSESSED: 'assessed', LINKED: 'linked', ARCHIVED: 'archived' };

/** The roles from fewest rights to most: each includes the rights of those before it. */
export const ROLE_WORDS: Record<Role, string> = { VIEWER: 'viewer', ANALYST: 'analyst', ADMIN: 'admin' };

export const HORIZON_WORDS: Record<Horizon, string> = { NOW: 'now', BY_2030: '2030', BY_2035: '2035', BY_2040: '2040' };

export const EU_POSITION_WORDS: Record<EuPosition, string> = { LEADER: 'leader', COMPETITIVE: 'competitive', LAGGING: 'lagging', DEPENDENT: 'dependent' };

export const DOMAIN_WORDS: Record<CapabilityDomain, string> = {
  BORDER_MANAGEMENT: 'border management',
  LAW_ENFORCEMENT: 'law enforcement',
  DRUG_MARKETS: 'drug markets',
  CRISIS_MANAGEMENT: 'crisis management',
  CYBERSECURITY: 'cybersecurity',
};

export const SUPPLY_BASIS_WORDS: Record<SupplyBasis, string> = {
  GLOBAL_PRODUCTION: 'global production',
  EU_SOURCING: 'EU sourcing',
  GLOBAL_CAPACITY: 'global capacity',
};

/** The values of a vocabulary in the order its words are listed. */
export function valuesOf<V extends string>(words: Record<V, string>): V[] {
  return Object.keys(words) as V[];
}

/** The value whose word is `word` (as links carry them: #status=new), or null. */
export function valueOfWord<V extends string>(words: Record<V, string>, word: string): V | null {
  return valuesOf(words).find((v) => words[v] === word) ?? null;
}

/** Why a notification was raised, in the notification centre's words. */
export const NOTIFICATION_KIND_WORDS: Record<NotificationKind, string> = {
  SIGNAL_LINKED: 'Signal linked',
  SIGNAL_ANNOTATED: 'Annotated',
  RATING_CHANGED: 'Rating changed',
  MAPPING_CHANGED: 'Map changed',
  SCENARIO_IMPACT_CHANGED: 'Scenario impact changed',
  SAVED_SEARCH_MATCH: 'Saved search matched',
  MENTION: 'Mentioned you',
  ASSIGNED: 'Assigned to you',
  COMMENTED: 'New comment',
};
