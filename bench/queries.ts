// The GraphQL operations the benchmark sends: the web views' own selections (or the issue's), in one place.

// The dependency view's own selection (web/src/views/Dependencies/dependencies.operations.ts: paths as positions in
// `nodes`), split per query and without the per-edge `sources` (a DataLoader round trip that is not part of the Cypher compared against).
const DEP_NODE = 'id kind name level trl eu iso2 criticalRawMaterial';
export const TREE_QUERY = `query Tree($rootId: ID!) { dependencyTree(rootId: $rootId) {
  root { ${DEP_NODE} } nodes { ${DEP_NODE} }
  edges { id type from to strength criticality substitutability share year basis rationale sourceIds }
  paths { nodes cycle } cycles { nodes cycle } truncated } }`;
// The same without paths/cycles: shows what the path enumeration and its serialisation cost.
export const TREE_NO_PATHS_QUERY = `query TreeNoPaths($rootId: ID!) { dependencyTree(rootId: $rootId) {
  root { ${DEP_NODE} } nodes { ${DEP_NODE} }
  edges { id type from to strength criticality substitutability share year basis rationale sourceIds } } }`;
// The dependency view's selection (a few capability names per dependency; capabilityCount gives the rest), for the
// issue's first page of 50 (the ranking is scored whole, once per data version; a page presents its slice).
export const CRITICAL_QUERY = `query Critical($rootId: ID!) { criticalDependencies(rootId: $rootId, first: 50) { totalCount items {
  node { id } score capabilityCount hhi euShare nonEuShare unknownOriginShare substitutability hasSubstitute trl unknownSupply
  capabilities(first: 12) { id name } components { key label value factor weight contribution note }
  suppliers { supplier { id name } country { id name eu } share estimated } } } }`;
// The portfolio-wide ranking's first page (issue #17): no root, every supply dependency of the portfolio ranked.
export const PORTFOLIO_CRITICAL_QUERY = CRITICAL_QUERY.replace('Critical($rootId: ID!)', 'PortfolioCritical').replace('rootId: $rootId, ', '');
// The nested read compared with the peer library: technologies (by name) → the capabilities they enable (strongest
// first) and what they depend on (most critical first).
export const OURS_NESTED = `query Nested($first: Int!) { technologies(first: $first) { id name trl
  enables { strength capability { id name } } dependsOn { criticality dependency { id name } } } }`;
export const PEER_NESTED = `query Nested($limit: Int!) { technologies(limit: $limit, sort: [{ name: ASC }]) { id name trl
  enablesConnection(sort: [{ edge: { strength: DESC } }]) { edges { properties { strength } node { id name } } }
  dependsOnConnection(sort: [{ edge: { criticality: DESC } }]) { edges { properties { criticality } node {
    ... on Technology { id name } ... on Component { id name } ... on Material { id name } } } } } }`;
export const TECHNOLOGY_QUERY = `query Tech($id: ID!) { technology(id: $id) { id name kind description trl trlYear horizon euPosition dualUse
  enables { strength capability { id name } } dependsOn { criticality dependency { id name kind } } } }`;
export const NEIGHBOURS_QUERY = `query Near($id: ID!) { neighbours(id: $id, depth: 1, limit: 300) {
  centre { id name kind } entities { id name kind } links { id type from to attributes { key value } } truncated } }`;
export const SCENARIO_QUERY = `query Run($input: ScenarioRunInput!) { runScenario(input: $input) { capabilityCount horizon
  impacts { capabilityId name before after delta } nodes { id kind delta } timeline { year } warnings } }`;
