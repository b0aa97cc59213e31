// The GraphQL documents of the Scenarios view. Every export is a complete, sendable document, validated against
// /schema.graphql by tests/scenarios-view.test.ts, so a change on either side that breaks the view fails CI.

const SCENARIO_FIELDS = /* GraphQL */ `
  fragment ScenarioFields on Scenario {
    id
    name
    description
    horizon
    drivers
    assumptions
    author
    createdAt
    updatedAt
    events {
      index
      type
      targetId
      target { id name kind }
      replacesId
      replaces { id name kind }
      fraction
      trl
      year
      note
    }
  }
`;

const RUN_FIELDS = /* GraphQL */ `
  fragment RunFields on ScenarioRun {
    horizon
    currentYear
    capabilityCount
    warnings
    eventNotes { eventIndex reason technologyId message }
    impacts {
      capabilityId
      name
      before
      after
      delta
      readinessBefore
      readinessAfter
      needBefore
      needAfter
      paths {
        weight
        eventIndexes
        summary
        steps { id kind name before after via }
      }
    }
    nodes { id kind name before after delta }
    timeline {
      year
      maturing { technologyId name year baselineYear trl basis byScenario }
      gains { capabilityId name before after delta }
      losses { capabilityId name before after delta }
    }
  }
`;

export const SCENARIO_LIST = /* GraphQL */ `
  query ScenarioList($first: Int!) {
    scenarios(first: $first) {
      totalCount
      edges { node { id name horizon author updatedAt } }
    }
  }
`;

export const SCENARIO_QUERY = /* GraphQL */ `
  query ScenarioOne($id: ID!) {
    scenario(id: $id) { ...ScenarioFields }
  }
  ${SCENARIO_FIELDS}
`;

export const RUN_DRAFT = /* GraphQL */ `
  query RunDraft($input: ScenarioRunInput!) {
    runScenario(input: $input) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

export const RUN_SAVED = /* GraphQL */ `
  query RunSaved($id: ID!) {
    runSavedScenario(id: $id) { ...RunFields }
  }
  ${RUN_FIELDS}
`;

export const COMPARE = /* GraphQL */ `
  query CompareScenarios($ids: [ID!]!) {
    compareScenarios(ids: $ids) {
      runs {
        scenario { id name horizon }
        horizon
        impacts { capabilityId name before after delta }
        warnings
      }
      rows { capabilityId name spread cells { scenarioId before after delta } }
    }
  }
`;

export const TARGET_SEARCH = /* GraphQL */ `
  query ScenarioTargetSearch($text: String!, $kinds: [EntityKind!], $first: Int!) {
    search(text: $text, kinds: $kinds, first: $first) {
      score
      entity { id name kind }
    }
  }
`;

export const NEIGHBOURHOOD = /* GraphQL */ `
  query ScenarioNeighbourhood($id: ID!, $depth: Int!, $limit: Int!) {
    neighbours(id: $id, depth: $depth, limit: $limit) {
      centre { id name kind }
      entities { id name kind }
      links { id type from to attributes { key value } }
      truncated
    }
  }
`;

export const CREATE_SCENARIO = /* GraphQL */ `
  mutation CreateScenario($input: ScenarioInput!) {
    createScenario(input: $input) { ...ScenarioFields }
  }
  ${SCENARIO_FIELDS}
`;

export const UPDATE_SCENARIO = /* GraphQL */ `
  mutation UpdateScenario($id: ID!, $input: ScenarioUpdate!) {
    updateScenario(id: $id, input: $input) { ...ScenarioFields }
  }
  ${SCENARIO_FIELDS}
`;

export const DUPLICATE_SCENARIO = /* GraphQL */ `
  mutation DuplicateScenario($id: ID!) {
    duplicateScenario(id: $id) { ...ScenarioFields }
  }
  ${SCENARIO_FIELDS}
`;

export const DELETE_SCENARIO = /* GraphQL */ `
  mutation DeleteScenario($id: ID!) {
    deleteScenario(id: $id) { id }
  }
`;
