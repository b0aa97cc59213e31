// The GraphQL documents of the dependency view. Every export is a complete, sendable document.

const DEP_NODE = /* GraphQL */ `
  fragment DepNode on DependencyNode {
    id
    kind
    name
    level
    trl
    eu
    iso2
    criticalRawMaterial
  }
`;

const CRITICAL_ITEM = /* GraphQL */ `
  fragment CriticalItem on CriticalDependency {
    node { id }
    score capabilityCount hhi euShare nonEuShare unknownOriginShare substitutability hasSubstitute trl unknownSupply
    capabilities(first: 12) { id name }
    components { key label value factor weight contribution note }
    suppliers { supplier { id name } country { id name eu } share estimated }
  }
`;

/**
 * Everything the view draws for one root, in one request: the tree (one Cypher round trip), the first page of scores
 * (the ranking is computed once per data version), the single points of failure (one) and the sources of the links
 * (one batch). Further pages of scores follow with DEPENDENCY_SCORES_PAGE.
 */
export const DEPENDENCY_VIEW = /* GraphQL */ `
  query DependencyView($rootId: ID!, $scoresFirst: Int!) {
    dependencyTree(rootId: $rootId) {
      root { ...DepNode }
      nodes { ...DepNode }
      edges {
        id type from to strength criticality substitutability share year basis rationale
        sources { id name publisher year url }
      }
      paths { nodes cycle }
      cycles { nodes cycle }
      truncated
    }
    criticalDependencies(rootId: $rootId, first: $scoresFirst) {
      items { ...CriticalItem }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
    singlePointsOfFailure(capabilityId: $rootId) {
      status
      enablers { technology { id name } status }
      points { node { id } reason capabilityLost unknownSupply technologies { id name } }
    }
  }
  ${DEP_NODE}
  ${CRITICAL_ITEM}
`;

/** The next page of a root's scores, after the cursor of the last page. */
export const DEPENDENCY_SCORES_PAGE = /* GraphQL */ `
  query DependencyScoresPage($rootId: ID!, $first: Int!, $after: String!) {
    criticalDependencies(rootId: $rootId, first: $first, after: $after) {
      items { ...CriticalItem }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${CRITICAL_ITEM}
`;

/** Search-as-you-type for a root: capabilities and technologies only. */
export const DEPENDENCY_ROOT_SEARCH = /* GraphQL */ `
  query DependencyRootSearch($text: String!, $first: Int!) {
    search(text: $text, first: $first, kinds: [Capability, Technology]) {
      entity { id name kind }
    }
  }
`;

/** The description and sources of one node, when the analyst opens it. */
export const DEPENDENCY_NODE_DETAILS = /* GraphQL */ `
  query DependencyNodeDetails($id: ID!) {
    entity(id: $id) {
      id name kind description
      sources { id name publisher year url }
    }
  }
`;
