// The GraphQL documents of the Delphi view. Every export is a complete, sendable document; the study's shape is one
// fragment, so every mutation answers with the same view of the study the page shows.

const STUDY_FIELDS = /* GraphQL */ `
  fragment DelphiQuestionStatsFields on DelphiQuestionStats {
    count
    median
    lowerQuartile
    upperQuartile
    iqr
    histogram { value count }
  }
  fragment DelphiStudyDetail on DelphiStudy {
    id
    title
    createdAt
    lead { id name }
    youLead
    youAreInvited
    items { id name kind }
    invitees { id name }
    rounds {
      number
      status
      openedAt
      closedAt
      itemIds
      consensus
      consensusReached
      respondents
      resultsWrittenAt
      resultsWrittenBy
      myAnswers { itemId impact likelihood horizonYear rationale answeredAt }
      results {
        itemId
        answers
        rationales
        impact { ...DelphiQuestionStatsFields }
        likelihood { ...DelphiQuestionStatsFields }
        horizonYear { ...DelphiQuestionStatsFields }
      }
    }
  }
`;

export const DELPHI_STUDIES = /* GraphQL */ `
  query DelphiStudies {
    delphiStudies { id title createdAt leadName itemCount panelSize roundNumber status consensus youAreInvited }
  }
`;

export const DELPHI_STUDY = /* GraphQL */ `
  query DelphiStudy($id: ID!) {
    delphiStudy(id: $id) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;

export const DELPHI_PANEL_CANDIDATES = /* GraphQL */ `
  query DelphiPanelCandidates {
    delphiPanelCandidates { id name }
  }
`;

export const DELPHI_TECHNOLOGY_SEARCH = /* GraphQL */ `
  query DelphiTechnologySearch($filter: TechnologyFilter, $first: Int!) {
    technologies(filter: $filter, first: $first) { id name }
  }
`;

export const OPEN_DELPHI_STUDY = /* GraphQL */ `
  mutation OpenDelphiStudy($input: DelphiStudyInput!) {
    openDelphiStudy(input: $input) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;

export const ANSWER_DELPHI_ROUND = /* GraphQL */ `
  mutation AnswerDelphiRound($studyId: ID!, $answers: [DelphiAnswerInput!]!) {
    answerDelphiRound(studyId: $studyId, answers: $answers) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;

export const CLOSE_DELPHI_ROUND = /* GraphQL */ `
  mutation CloseDelphiRound($studyId: ID!) {
    closeDelphiRound(studyId: $studyId) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;

export const OPEN_NEXT_DELPHI_ROUND = /* GraphQL */ `
  mutation OpenNextDelphiRound($studyId: ID!, $itemIds: [ID!]) {
    openNextDelphiRound(studyId: $studyId, itemIds: $itemIds) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;

export const WRITE_DELPHI_RESULTS = /* GraphQL */ `
  mutation WriteDelphiResults($studyId: ID!) {
    writeDelphiResults(studyId: $studyId) { ...DelphiStudyDetail }
  }
  ${STUDY_FIELDS}
`;
