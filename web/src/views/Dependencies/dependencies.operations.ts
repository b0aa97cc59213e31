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

/**
 * Everything the view draws for one root, in one request: the tree (one Cypher round trip), the scores (one), the
 * single points of failure (one) and the sources of the links (one batch).
 */
export const DEPENDENCY_VIEW = /* GraphQL */ `
  query DependencyView($rootId: ID!) {
    dependencyTree(rootId: $rootId) {
      root { ...DepNode }
      nodes { ...DepNode }
      edges {
        id type from to strength criticality substitutability share year basis rationale
        sources { id name publisher year url }
      }
      paths { nodeIds cycle }
      cycles { nodeIds cycle }
      truncated
    }
    criticalDependencies(rootId: $rootId) {
      items {
        node { id }
        score capabilityCount hhi euShare nonEuShare unknownOriginShare substitutability hasSubstitute trl unknownSupply
        capabilities(first: 12) { id name }
        components { key label value factor weight contribution note }
        suppliers { supplier { id name } country { id name eu } share estimated }
      }
    }
    singlePointsOfFailure(capabilityId: $rootId) {
      status
      enablers { technology { id name } status }
      points { node { id } reason capabilityLost unknownSupply technologies { id name } }
    }
  }
  ${DEP_NODE}
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
