// Typed calls of the Signals view's GraphQL documents, and the shapes they return. One function per action.
import { gql } from '../../lib/graphql/client';
import type * as Api from '../../lib/graphql/api-types';
import { STATUS_WORDS, STEEP_WORDS, valuesOf, type SignalStatus, type Steep } from '../../lib/graphql/vocabulary';
import {
  ANNOTATE,
  CREATE_SIGNAL,
  DELETE_SIGNAL,
  SIGNAL_HISTORY,
  DELETE_ANNOTATION,
  EDIT_ANNOTATION,
  IMPORT_SIGNALS,
  LINK_SIGNAL,
  LINK_TARGET_SEARCH,
  REJECT_SUGGESTED_LINK,
  SIGNAL_CLUSTERS,
  SUGGESTED_LINKS,
  SET_SIGNAL_STATUS,
  SIGNAL_COUNTS,
  SIGNAL_PAGE,
  SIGNALS_INBOX,
  TARGET_NAME,
  TARGET_SIGNALS_SUMMARY,
  UNLINK_SIGNAL,
} from './signals.operations';

export type { SignalStatus, Steep };
export const STATUSES = valuesOf(STATUS_WORDS);
export const STEEP = valuesOf(STEEP_WORDS);
export const PAGE_SIZE = 50;

type Options = { signal?: AbortSignal };

// The shapes below are the generated result types of signals.operations.ts (npm run codegen), named for this view.
export type EntityRef = Api.SignalRowFragment['indicates'][number]['target'];
export type SignalFilter = Api.SignalFilter;
export type SignalRow = Api.SignalRowFragment;
export type Counts = Api.InboxCountsFragment;
export type InboxPage = Api.SignalsInboxQuery;
export type AnnotationData = Api.AnnotationFullFragment;
export type Revision = AnnotationData['history'][number];
export type Stats = Api.StatsFragment;
export type Spread = Api.SpreadFragment;
export type SignalDetails = NonNullable<Api.SignalPageQuery['signal']>;
/** What an analyst writes in an annotation (the input without its target). */
export type AnnotationFields = Omit<Api.AnnotationInput, 'targetId'>;
export type ImportReport = Api.ImportSignalsMutation['importSignals'];
export type ImportItem = ImportReport['items'][number];
export type ClusterPage = Api.SignalClustersQuery;
export type Cluster = Api.SignalClustersQuery['signalClusters']['clusters'][number];
export type LinkSuggestion = NonNullable<Api.SuggestedLinksQuery['signal']>['suggestedLinks'][number];
export type Trend = NonNullable<Api.TargetSignalsSummaryQuery['technology']>['signalTrend'];

export function loadInbox(filter: SignalFilter, after: string | null, options: Options = {}) {
  return gql<Api.SignalsInboxQuery, Api.SignalsInboxQueryVariables>(SIGNALS_INBOX, { filter, first: PAGE_SIZE, after }, options);
}

export async function loadCounts(filter: SignalFilter, options: Options = {}) {
  return (await gql<Api.SignalCountsOnlyQuery, Api.SignalCountsOnlyQueryVariables>(SIGNAL_COUNTS, { filter }, options)).signalCounts;
}

export async function loadSignal(id: string, options: Options = {}) {
  return (await gql<Api.SignalPageQuery, Api.SignalPageQueryVariables>(SIGNAL_PAGE, { id }, options)).signal;
}

export async function searchTargets(text: string, options: Options = {}) {
  return (await gql<Api.LinkTargetSearchQuery, Api.LinkTargetSearchQueryVariables>(LINK_TARGET_SEARCH, { text }, options)).search.map((h) => h.entity);
}

export async function loadTargetName(id: string, options: Options = {}) {
  return (await gql<Api.SignalTargetNameQuery, Api.SignalTargetNameQueryVariables>(TARGET_NAME, { id }, options)).entity;
}

export async function setStatus(ids: string[], status: SignalStatus) {
  return (await gql<Api.SetSignalStatusMutation, Api.SetSignalStatusMutationVariables>(SET_SIGNAL_STATUS, { ids, status })).setSignalStatus;
}

/** What the "New signal" form sends. */
export type NewSignal = Api.SignalInput;

export async function createSignal(input: NewSignal) {
  return (await gql<Api.CreateSignalMutation, Api.CreateSignalMutationVariables>(CREATE_SIGNAL, { input })).createSignal;
}

export async function deleteSignal(id: string, comment: string | null) {
  return (await gql<Api.DeleteSignalMutation, Api.DeleteSignalMutationVariables>(DELETE_SIGNAL, { id, comment })).deleteSignal;
}

export type SignalChange = Api.SignalHistoryQuery['history']['changes'][number];

export async function loadSignalHistory(id: string, options: Options = {}) {
  return (await gql<Api.SignalHistoryQuery, Api.SignalHistoryQueryVariables>(SIGNAL_HISTORY, { id }, options)).history;
}

export async function linkTarget(signalId: string, targetId: string, relevance: number) {
  return (
    await gql<Api.LinkSignalMutation, Api.LinkSignalMutationVariables>(LINK_SIGNAL, {
      input: { signalId, targetId, relevance },
    })
  ).linkSignal;
}

export async function unlinkTarget(signalId: string, targetId: string) {
  return (await gql<Api.UnlinkSignalMutation, Api.UnlinkSignalMutationVariables>(UNLINK_SIGNAL, { signalId, targetId })).unlinkSignal.removed;
}

export function annotate(targetId: string, fields: AnnotationFields) {
  return gql<Api.AnnotateMutation, Api.AnnotateMutationVariables>(ANNOTATE, { input: { targetId, ...fields } });
}

export function editAnnotation(id: string, fields: AnnotationFields, expectedVersion: number) {
  return gql<Api.EditAnnotationMutation, Api.EditAnnotationMutationVariables>(EDIT_ANNOTATION, { id, input: fields, expectedVersion });
}

export function deleteAnnotation(id: string, reason: string | null) {
  return gql<Api.DeleteAnnotationMutation, Api.DeleteAnnotationMutationVariables>(DELETE_ANNOTATION, { id, reason });
}

export async function importFile(input: Api.SignalImportInput) {
  return (await gql<Api.ImportSignalsMutation, Api.ImportSignalsMutationVariables>(IMPORT_SIGNALS, { input })).importSignals;
}

export async function loadTargetSummary(id: string, options: Options = {}) {
  const data = await gql<Api.TargetSignalsSummaryQuery, Api.TargetSignalsSummaryQueryVariables>(TARGET_SIGNALS_SUMMARY, { id }, options);
  return data.technology ?? data.capability;
}

export function loadClusters(filter: SignalFilter, options: Options = {}) {
  return gql<Api.SignalClustersQuery, Api.SignalClustersQueryVariables>(SIGNAL_CLUSTERS, { filter }, options);
}

export async function loadSuggestions(id: string, options: Options = {}) {
  return (await gql<Api.SuggestedLinksQuery, Api.SuggestedLinksQueryVariables>(SUGGESTED_LINKS, { id }, options)).signal?.suggestedLinks ?? [];
}

export async function rejectSuggestion(signalId: string, technologyId: string) {
  return (await gql<Api.RejectSuggestedLinkMutation, Api.RejectSuggestedLinkMutationVariables>(REJECT_SUGGESTED_LINK, { signalId, technologyId }))
    .rejectSuggestedLink;
}
