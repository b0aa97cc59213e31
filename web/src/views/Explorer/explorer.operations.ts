// The GraphQL documents of the Explorer. Each exported document is validated against /schema.graphql
// by tests/web-operations.test.ts, so a change on either side that breaks the Explorer fails CI.
// Fragments are not exported on their own: every export is a complete, sendable document.

const MAP_ENTITY = /* GraphQL */ `
  fragment MapEntity on Entity {
    id
    name
    kind
  }
`;

const NEIGHBOURHOOD = /* GraphQL */ `
  fragment NeighbourhoodOnMap on Neighbourhood {
    centre { ...MapEntity }
    entities { ...MapEntity }
    links {
      id
      type
      from
      to
      attributes { key value }
    }
    truncated
  }
  ${MAP_ENTITY}
`;

const ENTITY_DETAILS = /* GraphQL */ `
  fragment EntityDetails on Entity {
    id
    name
    kind
    description
    aliases
    unsourced
    attributes { key value }
    sources { id name publisher year url }
    ... on Technology {
      trl
      trlYear
      trlSource
      trlBasis
      trlNote
      horizon
      horizonSource
      horizonBasis
      horizonNote
      euPosition
      euPositionSource
      euPositionBasis
      euPositionNote
      dualUse
      areas { id name kind }
      enables { capability { id name } strength rationale unsourced }
      dependsOn { dependency { id name kind } criticality substitutability unsourced }
    }
    ... on Capability {
      domain
      enabledBy { technology { id name } strength rationale unsourced }
    }
  }
`;

const SEARCH_HIT = /* GraphQL */ `
  fragment SearchResult on SearchHit {
    score
    exact
    matchedField
    matchedText
    entity { id name kind description }
  }
  fragment SearchPageFields on SearchResults {
    total
    facets { kind count }
    pageInfo { hasNextPage endCursor }
    hits { ...SearchResult }
  }
`;

/**
 * Everything a (re)loaded Explorer needs in one round trip: the search results for `q` and the
 * neighbourhood and details of `focus`, each skipped when the URL has none.
 */
export const EXPLORER_VIEW = /* GraphQL */ `
  query ExplorerView(
    $text: String!
    $hasText: Boolean!
    $focus: ID!
    $hasFocus: Boolean!
    $depth: Int!
    $limit: Int!
    $first: Int!
  ) {
    searchResults(text: $text, first: $first) @include(if: $hasText) { ...SearchPageFields }
    neighbours(id: $focus, depth: $depth, limit: $limit) @include(if: $hasFocus) { ...NeighbourhoodOnMap }
    entity(id: $focus) @include(if: $hasFocus) { ...EntityDetails }
  }
  ${SEARCH_HIT}
  ${NEIGHBOURHOOD}
  ${ENTITY_DETAILS}
`;

/** Search-as-you-type, a kind filter from the facets, and the next page ("More results"). */
export const EXPLORER_SEARCH = /* GraphQL */ `
  query ExplorerSearch($text: String!, $first: Int!, $after: String, $kinds: [EntityKind!]) {
    searchResults(text: $text, first: $first, after: $after, kinds: $kinds) { ...SearchPageFields }
  }
  ${SEARCH_HIT}
`;

/** Draws (or, with depth 1, expands) around one entity, with its details for the panel. */
export const EXPLORER_NEIGHBOURHOOD = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!) {
    neighbours(id: $id, depth: $depth, limit: $limit) { ...NeighbourhoodOnMap }
    entity(id: $id) { ...EntityDetails }
  }
  ${NEIGHBOURHOOD}
  ${ENTITY_DETAILS}
`;

/** The details panel of an entity already on the map. */
export const ENTITY_DETAILS_QUERY = /* GraphQL */ `
  query EntityDetailsPanel($id: ID!) {
    entity(id: $id) { ...EntityDetails }
  }
  ${ENTITY_DETAILS}
`;
