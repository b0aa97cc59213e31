// Typed calls of the Signals view's GraphQL documents, and the shapes they return. One function per action.
import { gql } from '../../lib/graphql/client';
import type { EntityKind } from '../../lib/graphql/types';
import {
  ANNOTATE,
  DELETE_ANNOTATION,
  EDIT_ANNOTATION,
  IMPORT_SIGNALS,
  LINK_SIGNAL,
  LINK_TARGET_SEARCH,
  SET_SIGNAL_STATUS,
  SIGNAL_COUNTS,
  SIGNAL_PAGE,
  SIGNALS_INBOX,
  TARGET_NAME,
  TARGET_SIGNALS_SUMMARY,
  UNLINK_SIGNAL,
} from './signals.operations';

export const STATUSES = ['new', 'assessed', 'linked', 'archived'] as const;
export type SignalStatus = (typeof STATUSES)[number];
export const STEEP = ['social', 'technological', 'economic', 'environmental', 'political'] as const;
export const PAGE_SIZE = 50;

type Options = { signal?: AbortSignal };

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface SignalFilter {
  text?: string | null;
  status?: string | null;
  steep?: string | null;
  targetId?: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

export interface SignalRow {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  steep: string | null;
  status: SignalStatus;
  indicates: { target: EntityRef }[];
}

export interface Counts {
  total: number;
  byStatus: { value: string; count: number }[];
}

export interface InboxPage {
  signals: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: SignalRow }[] };
  signalCounts: Counts;
}

export interface Revision {
  version: number;
  action: 'created' | 'edited' | 'deleted';
  author: string;
  /** Made by an admin moderating someone else's annotation. */
  moderated: boolean;
  at: string;
  reason: string | null;
  text: string;
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
  confidence: string | null;
  tags: string[];
}

export interface AnnotationData {
  id: string;
  text: string;
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
  reliability: string | null;
  credibility: number | null;
  confidence: string | null;
  tags: string[];
  references: string[];
  author: string;
  /** The author's account was deleted (the name is kept). */
  authorFormer: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  deleted: boolean;
  deletedAt: string | null;
  deletedBy: string | null;
  history: Revision[];
}

export interface Stats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  standardDeviation: number | null;
  histogram: { value: number; count: number }[];
}

export interface Spread {
  raters: number;
  impact: Stats;
  likelihood: Stats;
  horizonYear: Stats;
  credibility: Stats;
  reliability: { grade: string; count: number }[];
}

export interface SignalDetails {
  id: string;
  title: string;
  summary: string | null;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  observedAt: string | null;
  steep: string | null;
  status: SignalStatus;
  createdBy: string | null;
  createdAt: string | null;
  indicates: { relevance: number | null; target: EntityRef }[];
  annotations: AnnotationData[];
  ratings: Spread;
}

export interface AnnotationFields {
  text: string;
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
  reliability: string | null;
  credibility: number | null;
  tags: string[];
  references: string[];
}

export interface ImportItem {
  position: number;
  line: number | null;
  title: string | null;
  url: string | null;
  outcome: 'created' | 'duplicate' | 'rejected';
  reason: string | null;
  signalId: string | null;
  duplicateOf: string | null;
}

export interface ImportReport {
  format: string;
  fileName: string | null;
  feedTitle: string | null;
  dryRun: boolean;
  total: number;
  created: number;
  duplicates: number;
  rejected: number;
  items: ImportItem[];
}

export interface Trend {
  asOf: string;
  emerging: boolean;
  recentCount: number;
  previousCount: number;
  rule: string;
  months: { month: string; count: number }[];
}

export function loadInbox(filter: SignalFilter, after: string | null, options: Options = {}) {
  return gql<InboxPage>(SIGNALS_INBOX, { filter, first: PAGE_SIZE, after }, options);
}

export async function loadCounts(filter: SignalFilter, options: Options = {}) {
  return (await gql<{ signalCounts: Counts }>(SIGNAL_COUNTS, { filter }, options)).signalCounts;
}

export async function loadSignal(id: string, options: Options = {}) {
  return (await gql<{ signal: SignalDetails | null }>(SIGNAL_PAGE, { id }, options)).signal;
}

export async function searchTargets(text: string, options: Options = {}) {
  return (await gql<{ search: { entity: EntityRef }[] }>(LINK_TARGET_SEARCH, { text }, options)).search.map((h) => h.entity);
}

export async function loadTargetName(id: string, options: Options = {}) {
  return (await gql<{ entity: EntityRef | null }>(TARGET_NAME, { id }, options)).entity;
}

export async function setStatus(ids: string[], status: SignalStatus) {
  return (await gql<{ setSignalStatus: { id: string; status: SignalStatus }[] }>(SET_SIGNAL_STATUS, { ids, status })).setSignalStatus;
}

export async function linkTarget(signalId: string, targetId: string, relevance: number) {
  return (await gql<{ linkSignal: { relevance: number; signal: { id: string; status: SignalStatus }; target: EntityRef } }>(LINK_SIGNAL, {
    input: { signalId, targetId, relevance },
  })).linkSignal;
}

export async function unlinkTarget(signalId: string, targetId: string) {
  return (await gql<{ unlinkSignal: { removed: boolean } }>(UNLINK_SIGNAL, { signalId, targetId })).unlinkSignal.removed;
}

export function annotate(targetId: string, fields: AnnotationFields) {
  return gql<{ annotate: { id: string; version: number } }>(ANNOTATE, { input: { targetId, ...fields } });
}

export function editAnnotation(id: string, fields: AnnotationFields, expectedVersion: number) {
  return gql<{ editAnnotation: { id: string; version: number } }>(EDIT_ANNOTATION, { id, input: fields, expectedVersion });
}

export function deleteAnnotation(id: string, reason: string | null) {
  return gql<{ deleteAnnotation: { id: string; deleted: boolean } }>(DELETE_ANNOTATION, { id, reason });
}

export async function importFile(input: { content: string; fileName: string; defaultSteep: string | null; linkTo: string[]; dryRun: boolean }) {
  return (await gql<{ importSignals: ImportReport }>(IMPORT_SIGNALS, { input })).importSignals;
}

export async function loadTargetSummary(id: string, options: Options = {}) {
  type Summary = { id: string; signalCount: number; signalTrend: Trend } | null;
  const data = await gql<{ technology: Summary; capability: Summary }>(TARGET_SIGNALS_SUMMARY, { id }, options);
  return data.technology ?? data.capability;
}
