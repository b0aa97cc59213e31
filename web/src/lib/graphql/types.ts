// TypeScript shapes of what the web app asks the Atlas API for (see /schema.graphql).
// They mirror the selections in the *.operations.ts documents, not the whole schema.

/** What an entity of the map is: the schema's EntityKind enum, in a stable display order. */
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

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

export interface Attribute {
  key: string;
  value: string;
}

/** The few fields needed to draw an entity on the map or list it in search results. */
export interface MapEntity {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface MapLink {
  id: string;
  type: string;
  from: string;
  to: string;
  attributes: Attribute[];
}

export interface Neighbourhood {
  centre: MapEntity;
  entities: MapEntity[];
  links: MapLink[];
  truncated: boolean;
}

/** Which field of an entity a search matched (the schema's SearchField). */
export type SearchField = 'NAME' | 'ALIAS' | 'DESCRIPTION';

export interface SearchHit {
  entity: MapEntity & { description: string | null; aliases?: string[] };
  score: number;
  /** The text equals the name or an alias. */
  exact?: boolean;
  matchedField?: SearchField;
  /** The alias that matched, when matchedField is ALIAS. */
  matchedText?: string | null;
}

export interface SearchFacet {
  kind: EntityKind;
  count: number;
}

/** One page of searchResults: the hits, the total over all pages and the counts per kind. */
export interface SearchPage {
  total: number;
  facets: SearchFacet[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  hits: SearchHit[];
}

export interface SourceRef {
  id: string;
  name: string;
  publisher: string | null;
  year: number | null;
  url: string | null;
}

interface NamedRef {
  id: string;
  name: string;
}

/** Everything the details panel shows about one entity. */
export interface EntityDetails extends MapEntity {
  description: string | null;
  attributes: Attribute[];
  sources: SourceRef[];
  /** Acronyms, synonyms, other-language names (absent while only the map's name and kind are known). */
  aliases?: string[];
  /** No source backs it: shown as "unsourced". */
  unsourced?: boolean;
  // Technology only
  trl?: number | null;
  trlYear?: number | null;
  horizon?: string | null;
  euPosition?: string | null;
  dualUse?: boolean | null;
  areas?: (NamedRef & { kind: EntityKind })[];
  enables?: { capability: NamedRef; strength: number; rationale: string | null; unsourced?: boolean }[];
  dependsOn?: { dependency: NamedRef & { kind: EntityKind }; criticality: number; substitutability: number; unsourced?: boolean }[];
  // Capability only
  domain?: string | null;
  enabledBy?: { technology: NamedRef; strength: number; rationale: string | null; unsourced?: boolean }[];
}
