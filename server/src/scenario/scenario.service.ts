// Scenarios as the API asks for them. Saving: validate, then one repository call. Running and comparing: validate,
// take the one supply graph of the current data version (supply-graph.service.ts: fetched once per write, shared with
// the dependency analysis) and the scenarios (one query), then compute with the pure functions of run.ts and compare.ts.
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { Owner } from '../auth/ownership.js';
import { checkFirst, decodeCursor, toPage } from '../graphql/connection.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { problems, requiredText } from '../graphql/validation.js';
import { compareResults, type ComparisonRow } from './compare.js';
import { LIMITS, LATEST_HORIZON, type ScenarioEventSpec } from './scenario.model.js';
import { copyScenario, findSavedScenarios, insertScenario, listScenarios, modifyScenario } from './scenario.repository.js';
import type { ScenarioInput, ScenarioUpdate } from './scenario.type.js';
import { currentSupplyGraph } from '../supply-graph/supply-graph.service.js';
import { runScenario, type ScenarioResult } from './run.js';
import type { ScenarioGraph } from './scenario-graph.js';
import { eventReferenceProblems, scenarioProblems, validateScenario } from './scenario.validation.js';

export async function scenarioPage(db: Database, first: number, after: string | null) {
  checkFirst(first);
  const { rows, total } = await listScenarios(db, first, decodeCursor(after));
  return toPage(rows, first, total);
}

export function createScenario(db: Database, input: ScenarioInput, owner: Owner, thisYear: number) {
  validateScenario(input, thisYear);
  return insertScenario(db, input, owner);
}

export function updateScenario(db: Database, id: string, input: ScenarioUpdate, owner: Owner, thisYear: number) {
  validateScenario(input, thisYear, { partial: true });
  return modifyScenario(db, id, input, owner);
}

export function duplicateScenario(db: Database, id: string, name: string | null | undefined, owner: Owner) {
  // An argument left out arrives as undefined, not null.
  if (name !== null && name !== undefined) assertValid(problems(requiredText('name', name, 200, 2)));
  return copyScenario(db, id, name ?? null, owner);
}

export type ScenarioRunResult = ScenarioResult & { scenario: EntityRecord | null };

/** Runs events at a horizon; a saved scenario whose horizon has passed is looked at this year instead. */
function run(graph: ScenarioGraph, horizon: number, events: ScenarioEventSpec[], thisYear: number, timeline = true): ScenarioResult {
  const at = Math.max(horizon, thisYear);
  const result = runScenario(graph, { horizon: at, events }, { currentYear: thisYear, timeline });
  if (at !== horizon) result.warnings.unshift(`The horizon ${horizon} has passed; the scenario was evaluated for ${at}.`);
  return result;
}

export async function runDraft(db: Database, input: { horizon: number; events: ScenarioEventSpec[] }, thisYear: number): Promise<ScenarioRunResult> {
  assertValid(scenarioProblems({ horizon: input.horizon, events: input.events }, thisYear, { partial: true }));
  if (input.horizon === null || input.horizon === undefined) throw badInput({ field: 'input.horizon', message: 'is required.' });
  const graph = await currentSupplyGraph(db);
  assertValid(eventReferenceProblems(input.events, (id) => graph.supply.nodes.get(id)?.kind));
  return { scenario: null, ...run(graph, input.horizon, input.events, thisYear) };
}

export async function runSaved(db: Database, id: string, thisYear: number): Promise<ScenarioRunResult> {
  const [[saved], graph] = await Promise.all([findSavedScenarios(db, [id]), currentSupplyGraph(db)]);
  if (!saved) throw notFound('scenario', id);
  return { scenario: saved.scenario, ...run(graph, saved.scenario.horizon, saved.events, thisYear) };
}

export interface Comparison {
  runs: ScenarioRunResult[];
  rows: ComparisonRow[];
}

export async function compareSaved(db: Database, ids: string[], horizon: number | null, thisYear: number): Promise<Comparison> {
  const problems = [];
  if (ids.length < 2 || ids.length > LIMITS.compare)
    problems.push({ field: 'ids', message: `must name 2 to ${LIMITS.compare} scenarios (got ${ids.length}).` });
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push({ field: `ids[${i}]`, message: `repeats "${id}"; name each scenario once.` });
  });
  if (horizon !== null && (!Number.isInteger(horizon) || horizon < thisYear || horizon > LATEST_HORIZON)) {
    problems.push({ field: 'horizon', message: `must be a year from ${thisYear} to ${LATEST_HORIZON}, got ${horizon}.` });
  }
  assertValid(problems);
  const [saved, graph] = await Promise.all([findSavedScenarios(db, ids), currentSupplyGraph(db)]);
  saved.forEach((s, i) => {
    if (!s) throw notFound('scenario', ids[i]!, `ids[${i}]`);
  });
  const runs = saved.map((s) => ({ scenario: s!.scenario, ...run(graph, horizon ?? s!.scenario.horizon, s!.events, thisYear, false) }));
  return { runs, rows: compareResults(runs.map((r) => ({ scenarioId: r.scenario.id, result: r }))) };
}
