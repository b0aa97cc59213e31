// All Cypher of scenarios: the overlay (a Scenario node, its ScenarioEvent nodes and their links to baseline entities)
// and single-transaction writes. The graph a run reads is the one supply graph (server/src/supply-graph).
import type { Database, WriteTx } from '../db/database.js';
import { ENTITY_LABEL, SCENARIO_EVENT_LABEL, SCENARIO_OVERLAY_TYPES as T, type EntityKind } from '../db/labels.js';
import { int } from '../db/values.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import { idFromName } from '../entity/entity-id.js';
import type { Cursor } from '../graphql/connection.js';
import { badInput, notFound } from '../graphql/errors.js';
import { notYours, standingOf } from '../auth/ownership.js';
import type { Owner as Actor } from '../auth/ownership.js';
import { STEEP_DRIVERS, type ScenarioEventSpec } from './scenario.model.js';
import type { ScenarioEvent, ScenarioInput, ScenarioRecord, ScenarioUpdate } from './scenario.type.js';
import { eventReferenceProblems, normaliseList } from './scenario.validation.js';

const EVENT = SCENARIO_EVENT_LABEL;

export function toScenario(props: Record<string, unknown>): ScenarioRecord {
  const record = toEntity({ kind: 'Scenario', props }) as ScenarioRecord;
  return { ...record, drivers: record.drivers ?? [], assumptions: record.assumptions ?? [], description: record.description ?? null };
}

export function toEvent(props: Record<string, unknown>): ScenarioEvent {
  const p = props as Record<string, any>;
  return {
    scenarioId: p.scenarioId,
    index: p.index,
    type: p.type,
    targetId: p.targetId,
    replacesId: p.replacesId ?? null,
    fraction: p.fraction ?? null,
    trl: p.trl ?? null,
    year: p.year ?? null,
    note: p.note ?? null,
  };
}

// ---- reads --------------------------------------------------------------------------------------------------------

export async function listScenarios(db: Database, first: number, after: Cursor | null): Promise<{ rows: ScenarioRecord[]; total: number }> {
  const [row] = await db.read<{ total: number; page: Record<string, unknown>[] }>(
    `CALL () { MATCH (s:Scenario) RETURN count(s) AS total }
     CALL () {
       MATCH (s:Scenario) WHERE $afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.id > $afterId)
       WITH s ORDER BY s.name, s.id LIMIT $limit
       RETURN collect(properties(s)) AS page
     }
     RETURN total, page`,
    { afterName: after?.name ?? null, afterId: after?.id ?? null, limit: int(first + 1) },
  );
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map(toScenario) };
}

export async function findEventsOfScenarios(db: Database, ids: readonly string[]): Promise<ScenarioEvent[]> {
  const rows = await db.read<{ props: Record<string, unknown> }>(
    `UNWIND $ids AS id
     MATCH (:Scenario {id: id})-[:${T.HAS_EVENT}]->(e:${EVENT})
     RETURN properties(e) AS props ORDER BY e.scenarioId, e.index`,
    { ids },
  );
  return rows.map((r) => toEvent(r.props));
}

export interface SavedScenario {
  scenario: ScenarioRecord;
  events: ScenarioEvent[];
}

/** Scenarios with their events, in one round trip, in the order of `ids` (null for an unknown id). */
export async function findSavedScenarios(db: Database, ids: readonly string[]): Promise<(SavedScenario | null)[]> {
  const rows = await db.read<{ id: string; props: Record<string, unknown>; events: Record<string, unknown>[] }>(
    `UNWIND $ids AS id
     MATCH (s:Scenario {id: id})
     RETURN id, properties(s) AS props, [(s)-[:${T.HAS_EVENT}]->(e:${EVENT}) | properties(e)] AS events`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, { scenario: toScenario(r.props), events: r.events.map(toEvent).sort((a, b) => a.index - b.index) }]));
  return ids.map((id) => byId.get(id) ?? null);
}

// ---- writes -------------------------------------------------------------------------------------------------------

/** Fails the transaction (BAD_USER_INPUT, naming input.events[i].targetId) when an event points at no suitable entity. */
async function checkEventReferences(tx: WriteTx, events: readonly ScenarioEventSpec[], field: string): Promise<void> {
  const ids = [...new Set(events.flatMap((e) => [e.targetId, e.replacesId]).filter((x): x is string => !!x))];
  if (ids.length === 0) return;
  const rows = await tx.run<{ id: string; kind: EntityKind | null }>(
    `UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, ${KIND_OF('n')} AS kind`,
    { ids },
  );
  const kinds = new Map(rows.map((r) => [r.id, r.kind ?? undefined]));
  const problems = eventReferenceProblems(events, (id) => kinds.get(id), field);
  if (problems.length) throw badInput(problems);
}

function eventRows(scenarioId: string, events: readonly ScenarioEventSpec[]) {
  return events.map((e, index) => ({
    scenarioId,
    index: int(index),
    type: e.type,
    targetId: e.targetId,
    replacesId: e.replacesId ?? null,
    fraction: e.fraction ?? null,
    trl: e.trl === null || e.trl === undefined ? null : int(e.trl),
    year: e.year === null || e.year === undefined ? null : int(e.year),
    note: e.note?.trim() || null,
  }));
}

/** Replaces a scenario's events: event nodes linked to their targets (TARGETS) and, for substitutions, REPLACES. */
async function writeEvents(tx: WriteTx, scenarioId: string, events: readonly ScenarioEventSpec[]): Promise<void> {
  await tx.run(
    `MATCH (s:Scenario {id: $scenarioId})
     OPTIONAL MATCH (s)-[:${T.HAS_EVENT}]->(old:${EVENT})
     DETACH DELETE old
     WITH DISTINCT s
     UNWIND $events AS ev
     CREATE (s)-[:${T.HAS_EVENT}]->(e:${EVENT})
     SET e = ev
     WITH e, ev
     CALL (e, ev) { MATCH (t:${ENTITY_LABEL} {id: ev.targetId}) CREATE (e)-[:${T.TARGETS}]->(t) }
     CALL (e, ev) { MATCH (r:${ENTITY_LABEL} {id: ev.replacesId}) CREATE (e)-[:${T.REPLACES}]->(r) }`,
    { scenarioId, events: eventRows(scenarioId, events) },
  );
}

/** A free id: the one asked for (taken → error), or the name's slug with -2, -3… added until free. */
async function freeScenarioId(tx: WriteTx, wanted: string | null | undefined, name: string): Promise<string> {
  if (wanted) {
    const taken = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n.id AS id`, { id: wanted });
    if (taken.length) throw badInput({ field: 'input.id', message: `"${wanted}" is taken; choose another id or leave it out.` });
    return wanted;
  }
  const base = idFromName('Scenario', name);
  const rows = await tx.run<{ id: string }>(`MATCH (n:${ENTITY_LABEL}) WHERE n.id = $base OR n.id STARTS WITH $prefix RETURN n.id AS id`, {
    base,
    prefix: `${base}-`,
  });
  const taken = new Set(rows.map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function scenarioProps(input: ScenarioInput | ScenarioUpdate): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (typeof input.name === 'string') props.name = input.name.trim();
  if (input.description !== undefined) props.description = input.description?.trim() || null;
  if (typeof input.horizon === 'number') props.horizon = int(input.horizon);
  if (input.drivers) props.drivers = normaliseList(input.drivers, STEEP_DRIVERS);
  if (input.assumptions) props.assumptions = normaliseList(input.assumptions);
  return props;
}

async function createScenarioNode(tx: WriteTx, id: string, props: Record<string, unknown>): Promise<void> {
  await tx.run(
    `CREATE (s:${ENTITY_LABEL}:Scenario {id: $id})
     SET s += $props, s.drivers = coalesce($props.drivers, []), s.assumptions = coalesce($props.assumptions, []),
         s.createdAt = datetime(), s.updatedAt = datetime()`,
    { id, props },
  );
}

async function readBack(tx: WriteTx, id: string): Promise<ScenarioRecord> {
  const [row] = await tx.run<{ props: Record<string, unknown> }>(`MATCH (s:Scenario {id: $id}) RETURN properties(s) AS props`, { id });
  if (!row) throw notFound('scenario', id);
  return toScenario(row.props);
}

/** The scenario for a change by `actor`: its owner or an admin; anyone else is told to duplicate it. */
async function findForChange(tx: WriteTx, id: string, actor: Actor): Promise<void> {
  const [row] = await tx.run<{ props: Record<string, unknown> }>(`MATCH (s:Scenario {id: $id}) RETURN s { .author, .authorId } AS props`, { id });
  if (!row) throw notFound('scenario', id);
  if (standingOf(actor, row.props) === 'other') {
    throw notYours('scenario', row.props.author, 'Duplicate it (duplicateScenario) to change your own copy.');
  }
}

export async function insertScenario(db: Database, input: ScenarioInput, actor: Actor): Promise<ScenarioRecord> {
  return db.writeTransaction(async (tx) => {
    const events = input.events ?? [];
    await checkEventReferences(tx, events, 'input.events');
    const id = await freeScenarioId(tx, input.id, input.name);
    await createScenarioNode(tx, id, { ...scenarioProps(input), author: actor.name, authorId: actor.id });
    await writeEvents(tx, id, events);
    return readBack(tx, id);
  });
}

export async function modifyScenario(db: Database, id: string, input: ScenarioUpdate, actor: Actor): Promise<ScenarioRecord> {
  const updatedBy = actor.name;
  return db.writeTransaction(async (tx) => {
    await findForChange(tx, id, actor);
    if (input.events) await checkEventReferences(tx, input.events, 'input.events');
    const [row] = await tx.run(`MATCH (s:Scenario {id: $id}) SET s += $props, s.updatedAt = datetime(), s.updatedBy = $updatedBy RETURN s.id AS id`, {
      id,
      props: scenarioProps(input),
      updatedBy,
    });
    if (!row) throw notFound('scenario', id);
    if (input.events) await writeEvents(tx, id, input.events);
    return readBack(tx, id);
  });
}

export async function removeScenario(db: Database, id: string, actor: Actor): Promise<{ id: string; relationshipsRemoved: number }> {
  return db.writeTransaction(async (tx) => {
    await findForChange(tx, id, actor);
    const [row] = await tx.run<{ removed: number }>(
      `MATCH (s:Scenario {id: $id})
       OPTIONAL MATCH (s)-[:${T.HAS_EVENT}]->(e:${EVENT})
       WITH s, collect(e) AS events
       CALL (s, events) { UNWIND [s] + events AS x MATCH (x)-[r]-() RETURN count(DISTINCT r) AS removed }
       FOREACH (e IN events | DETACH DELETE e)
       DETACH DELETE s
       RETURN removed`,
      { id },
    );
    if (!row) throw notFound('scenario', id);
    return { id, relationshipsRemoved: row.removed };
  });
}

/** A copy with its events (pointing at the same entities), under a new id; the author is whoever duplicates it. */
export async function copyScenario(db: Database, id: string, name: string | null, actor: Actor): Promise<ScenarioRecord> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ props: Record<string, any>; events: Record<string, unknown>[] }>(
      `MATCH (s:Scenario {id: $id}) RETURN properties(s) AS props, [(s)-[:${T.HAS_EVENT}]->(e:${EVENT}) | properties(e)] AS events`,
      { id },
    );
    if (!row) throw notFound('scenario', id);
    const copyName = (name?.trim() || `${row.props.name} (copy)`).slice(0, 200);
    const newId = await freeScenarioId(tx, null, copyName);
    // The copy is the duplicator's: ownership and "last changed by" of the original do not carry over.
    const { id: _id, createdAt: _c, updatedAt: _u, authorId: _a, authorFormer: _f, updatedBy: _b, ...props } = row.props;
    await createScenarioNode(tx, newId, { ...props, horizon: int(props.horizon), name: copyName, author: actor.name, authorId: actor.id });
    await writeEvents(
      tx,
      newId,
      row.events.map(toEvent).sort((a, b) => a.index - b.index),
    );
    return readBack(tx, newId);
  });
}
