// The entity kinds in display order, and the API shapes several views share (generated, see api-types.ts).
import type * as Api from './api-types';

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
] as const satisfies readonly Api.EntityKind[];

export type EntityKind = Api.EntityKind;

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

/**
 * A union of per-kind result shapes (what a fragment with `... on Technology` generates) as one object: the fields
 * every kind has keep their type, the fields of some kinds only are optional.
 */
export type AnyKindOf<U> = Pick<U, keyof U> & { [K in U extends unknown ? keyof U : never]?: U extends { [P in K]: infer V } ? V : never };

// The shapes below are generated from the Explorer's documents (explorer.operations.ts, npm run codegen); other views
// reuse them for the same selections.
/** The few fields needed to draw an entity on the map or list it in search results. */
export type MapEntity = Pick<Api.MapEntityFragment, keyof Api.MapEntityFragment>;
export type Neighbourhood = Api.NeighbourhoodOnMapFragment;
export type MapLink = Neighbourhood['links'][number];
export type Attribute = MapLink['attributes'][number];
/** Which field of an entity a search matched. */
export type SearchField = Api.SearchField;
export type SearchHit = Api.SearchResultFragment;
/** One page of searchResults: the hits, the total over all pages and the counts per kind. */
export type SearchPage = Api.SearchPageFieldsFragment;
export type SearchFacet = SearchPage['facets'][number];
/**
 * Everything the details panel shows about one entity (Technology and Capability fields only on those kinds);
 * aliases and unsourced are absent while only the map's name and kind are known.
 */
export type EntityDetails = Omit<AnyKindOf<Api.EntityDetailsFragment>, 'aliases' | 'unsourced'> &
  Partial<Pick<Api.EntityDetailsFragment, 'aliases' | 'unsourced'>>;
export type SourceRef = EntityDetails['sources'][number];
/** Whether a readiness value is stated by its source or a curator's estimate from it. */
export type ValueBasis = Api.ValueBasis;
