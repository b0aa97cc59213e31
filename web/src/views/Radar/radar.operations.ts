// The GraphQL documents of the technology radar. Every export is a complete, sendable document.

export const RADAR = /* GraphQL */ `
  query Radar($ringRule: RadarRingRule!, $sectorRule: RadarSectorRule!, $sizeMeasure: RadarSizeMeasure!, $filter: RadarFilter, $since: String) {
    radar(ringRule: $ringRule, sectorRule: $sectorRule, sizeMeasure: $sizeMeasure, filter: $filter, since: $since) {
      asOf
      ringRule
      ringRuleText
      sectorRule
      sizeMeasure
      sizeText
      since
      rings { ring label count }
      sectors { id name count }
      blips { id name description ring sectorId otherSectorIds size emerging dualUse trl isNew movedFrom }
      unknownReadinessCount
      emptyReason
    }
  }
`;

/** What the filters offer: capabilities (with their domain), case studies and KET areas, by name. */
export const RADAR_FILTER_CHOICES = /* GraphQL */ `
  query RadarFilterChoices {
    radarFilterChoices {
      domains
      capabilities { id name domain }
      caseStudies { id name }
      ketAreas { id name }
    }
  }
`;

/** What the list of saved editions shows of each (the same after saving one). */
const RADAR_EDITION_SUMMARY = /* GraphQL */ `
  fragment RadarEditionSummary on RadarEdition { id title at byName ringRule sectorRule blipCount }
`;

export const RADAR_EDITIONS = /* GraphQL */ `
  query RadarEditions {
    radarEditions(first: 50) { ...RadarEditionSummary }
  }
  ${RADAR_EDITION_SUMMARY}
`;

export const SAVE_RADAR_EDITION = /* GraphQL */ `
  mutation SaveRadarEdition($input: RadarEditionInput!) {
    saveRadarEdition(input: $input) { ...RadarEditionSummary }
  }
  ${RADAR_EDITION_SUMMARY}
`;

export const COMPARE_RADAR_EDITIONS = /* GraphQL */ `
  query CompareRadarEditions($fromId: ID!, $toId: ID!) {
    compareRadarEditions(fromId: $fromId, toId: $toId) {
      moved { id name fromRing toRing fromSectorId toSectorId }
      added { id name ring }
      removed { id name ring }
    }
  }
`;
