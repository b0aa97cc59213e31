// The GraphQL documents of the Signals view (inbox, signal page, import, triage, links, annotations) and of the
// signals summary shown on a technology in the Explorer. Each export is a complete document, validated against
// /schema.graphql by tests/web-operations.test.ts.

const SIGNAL_ROW = /* GraphQL */ `
  fragment SignalRow on Signal {
    id
    title
    publisher
    publishedAt
    steep
    status
    indicates { target { id name kind } }
  }
`;

const COUNTS = /* GraphQL */ `
  fragment InboxCounts on SignalCounts {
    total
    byStatus { value count }
  }
`;

/** The inbox: a page of signals and the counts per status, for one filter. */
export const SIGNALS_INBOX = /* GraphQL */ `
  query SignalsInbox($filter: SignalFilter, $first: Int!, $after: String) {
    signals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...SignalRow } }
    }
    signalCounts(filter: $filter) { ...InboxCounts }
  }
  ${SIGNAL_ROW}
  ${COUNTS}
`;

/** Counts only, after a triage change. */
export const SIGNAL_COUNTS = /* GraphQL */ `
  query SignalCountsOnly($filter: SignalFilter) {
    signalCounts(filter: $filter) { ...InboxCounts }
  }
  ${COUNTS}
`;

const ANNOTATION = /* GraphQL */ `
  fragment AnnotationFull on Annotation {
    id
    text
    impact
    likelihood
    horizonYear
    reliability
    credibility
    confidence
    tags
    references
    author
    authorFormer
    createdAt
    updatedAt
    updatedBy
    version
    deleted
    deletedAt
    deletedBy
    history {
      version
      action
      author
      moderated
      at
      reason
      text
      impact
      likelihood
      horizonYear
      confidence
      tags
    }
  }
`;

const STATS = /* GraphQL */ `
  fragment Stats on RatingStats {
    count
    mean
    min
    max
    standardDeviation
    histogram { value count }
  }
`;

const SPREAD = /* GraphQL */ `
  fragment Spread on RatingSpread {
    raters
    impact { ...Stats }
    likelihood { ...Stats }
    horizonYear { ...Stats }
    credibility { ...Stats }
    reliability { grade count }
  }
  ${STATS}
`;

/** A signal's page: content, links, annotations with their history, and the ratings' spread. */
export const SIGNAL_PAGE = /* GraphQL */ `
  query SignalPage($id: ID!) {
    signal(id: $id) {
      id
      title
      summary
      url
      publisher
      publishedAt
      observedAt
      steep
      status
      createdBy
      createdAt
      indicates { relevance target { id name kind } }
      annotations(includeDeleted: true) { ...AnnotationFull }
      ratings { ...Spread }
    }
  }
  ${ANNOTATION}
  ${SPREAD}
`;

/** Search-as-you-type for link targets. */
export const LINK_TARGET_SEARCH = /* GraphQL */ `
  query LinkTargetSearch($text: String!) {
    search(text: $text, first: 8, kinds: [Technology, Capability, CaseStudy]) {
      entity { id name kind }
    }
  }
`;

/** The name of the technology (or capability, case study) the inbox is filtered by. */
export const TARGET_NAME = /* GraphQL */ `
  query SignalTargetName($id: ID!) {
    entity(id: $id) { id name kind }
  }
`;

export const SET_SIGNAL_STATUS = /* GraphQL */ `
  mutation SetSignalStatus($ids: [ID!]!, $status: SignalStatus!) {
    setSignalStatus(ids: $ids, status: $status) { id status }
  }
`;

/** The "New signal" form: the created signal's id opens it in the page. */
export const CREATE_SIGNAL = /* GraphQL */ `
  mutation CreateSignal($input: SignalInput!) {
    createSignal(input: $input) { id title status }
  }
`;

/** Admins: soft delete (history keeps it; an admin restores it from the history). */
export const DELETE_SIGNAL = /* GraphQL */ `
  mutation DeleteSignal($id: ID!, $comment: String) {
    deleteSignal(id: $id, comment: $comment) { id changeId }
  }
`;

/** The signal's history: creation, status changes (who, when), links and deletion. */
export const SIGNAL_HISTORY = /* GraphQL */ `
  query SignalHistory($id: ID!) {
    history(id: $id, first: 30) { totalCount changes { id kind at byName linkType toId fields { field before after } } }
  }
`;

export const LINK_SIGNAL = /* GraphQL */ `
  mutation LinkSignal($input: IndicatesInput!) {
    linkSignal(input: $input) { relevance signal { id status } target { id name kind } }
  }
`;

export const UNLINK_SIGNAL = /* GraphQL */ `
  mutation UnlinkSignal($signalId: ID!, $targetId: ID!) {
    unlinkSignal(signalId: $signalId, targetId: $targetId) { removed }
  }
`;

export const ANNOTATE = /* GraphQL */ `
  mutation Annotate($input: AnnotationInput!) {
    annotate(input: $input) { id version }
  }
`;

export const EDIT_ANNOTATION = /* GraphQL */ `
  mutation EditAnnotation($id: ID!, $input: AnnotationEdit!, $expectedVersion: Int) {
    editAnnotation(id: $id, input: $input, expectedVersion: $expectedVersion) { id version }
  }
`;

export const DELETE_ANNOTATION = /* GraphQL */ `
  mutation DeleteAnnotation($id: ID!, $reason: String) {
    deleteAnnotation(id: $id, reason: $reason) { id deleted }
  }
`;

export const IMPORT_SIGNALS = /* GraphQL */ `
  mutation ImportSignals($input: SignalImportInput!) {
    importSignals(input: $input) {
      format
      fileName
      feedTitle
      dryRun
      total
      created
      duplicates
      rejected
      items { position line title url outcome reason signalId duplicateOf }
    }
  }
`;

/** The signals summary on a technology or capability in the Explorer's details panel. */
export const TARGET_SIGNALS_SUMMARY = /* GraphQL */ `
  query TargetSignalsSummary($id: ID!) {
    technology(id: $id) {
      id
      signalCount
      signalTrend { asOf emerging recentCount previousCount rule months { month count } }
    }
    capability(id: $id) {
      id
      signalCount
      signalTrend { asOf emerging recentCount previousCount rule months { month count } }
    }
  }
`;

/** The inbox grouped by cluster: every cluster's matching signals, and the counts per status, for one filter. */
export const SIGNAL_CLUSTERS = /* GraphQL */ `
  query SignalClusters($filter: SignalFilter) {
    signalClusters(filter: $filter) {
      threshold
      clusters { id label terms size signals { ...SignalRow } }
      unclustered { ...SignalRow }
    }
    signalCounts(filter: $filter) { ...InboxCounts }
  }
  ${SIGNAL_ROW}
  ${COUNTS}
`;

/** A signal's suggested technologies, each with its reasons and the similar signals that back it. */
export const SUGGESTED_LINKS = /* GraphQL */ `
  query SuggestedLinks($id: ID!) {
    signal(id: $id) {
      id
      suggestedLinks {
        score
        explanation
        technology { id name kind }
        reasons { kind text terms signals { id title } }
      }
    }
  }
`;

export const REJECT_SUGGESTED_LINK = /* GraphQL */ `
  mutation RejectSuggestedLink($signalId: ID!, $technologyId: ID!) {
    rejectSuggestedLink(signalId: $signalId, technologyId: $technologyId) { signalId technologyId by at }
  }
`;
