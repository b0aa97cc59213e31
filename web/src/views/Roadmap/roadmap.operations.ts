// The GraphQL documents of the capability roadmap. Every export is a complete, sendable document.

/** What can be chosen: the capabilities and the saved scenarios. */
export const ROADMAP_CHOICES = /* GraphQL */ `
  query RoadmapChoices {
    capabilities(first: 500) { id name }
    scenarios(first: 100) { edges { node { id name } } }
  }
`;

export const CAPABILITY_ROADMAP = /* GraphQL */ `
  query CapabilityRoadmap($capabilityId: ID!, $scenarioId: ID) {
    capabilityRoadmap(capabilityId: $capabilityId, scenarioId: $scenarioId) {
      capability { id name }
      scenario { id name }
      currentYear
      endYear
      horizons
      lanes {
        id name strength trl trlYear horizon deployableFrom basis scenarioDeployableFrom
        readiness { from to state label }
        risks { type nodeId nodeName nodeKind nonEuShare detail }
      }
      events { index type year targetId targetName laneIds summary }
    }
  }
`;
