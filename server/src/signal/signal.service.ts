// Signals as the API asks for them: validate first (signal.validation.ts), then one repository call, then shape the
// answer. The resolvers call one function here each; imports have their own service (signal.import.service.ts).
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkFirst, decodeCursor, encodeCursor } from '../graphql/connection.js';
import { badInput } from '../graphql/errors.js';
import type { Actor } from '../history/history.model.js';
import { DEFAULT_RELEVANCE } from './signal.model.js';
import { countSignals, listSignals } from './signal.repository.js';
import type { IndicatesInput, SignalFilter, SignalInput, SignalUpdate } from './signal.type.js';
import { validateFilter, validateIndicates, validateSignalInput, validateSignalUpdate, validateStatus } from './signal.validation.js';
import { changeStatus, insertSignal, linkSignal, modifySignal, unlinkSignal } from './signal.writes.repository.js';

/** A page of signals; cursors hold the publication day and id, the list's sort key. */
function toSignalPage(rows: EntityRecord[], first: number, totalCount: number) {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor({ name: String(node.publishedAt ?? ''), id: node.id }), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

export async function signalPage(db: Database, filter: SignalFilter | null, first: number, after: string | null) {
  checkFirst(first);
  const { rows, total } = await listSignals(db, validateFilter(filter), first, decodeCursor(after));
  return toSignalPage(rows, first, total);
}

export function signalCountsOf(db: Database, filter: SignalFilter | null) {
  return countSignals(db, validateFilter(filter));
}

export function createSignal(db: Database, input: SignalInput, actor: Actor) {
  const draft = validateSignalInput(input);
  const links = (input.links ?? []).map((l) => ({ targetId: l.targetId, relevance: l.relevance ?? DEFAULT_RELEVANCE }));
  return insertSignal(db, draft, links, actor);
}

export function updateSignal(db: Database, id: string, input: SignalUpdate) {
  return modifySignal(db, id, validateSignalUpdate(input));
}

export function setSignalStatus(db: Database, ids: string[], status: string, actor: Actor) {
  validateStatus(status);
  if (ids.length === 0 || ids.length > 500) throw badInput({ field: 'ids', message: `must name 1 to 500 signals, got ${ids.length}.` });
  return changeStatus(db, [...new Set(ids)], status, actor);
}

export function linkSignalTo(db: Database, input: IndicatesInput, actor: Actor) {
  validateIndicates(input);
  return linkSignal(db, input.signalId, input.targetId, input.relevance ?? null, actor);
}

export function unlinkSignalFrom(db: Database, signalId: string, targetId: string, actor: Actor) {
  return unlinkSignal(db, signalId, targetId, actor);
}
