// Typed calls of the Scenarios view's GraphQL documents: one function per user action, one round trip each.
import { gql } from '../../lib/graphql/client';
import type { EntityKind, MapEntity, Neighbourhood } from '../../lib/graphql/types';
import { toRunInput, toScenarioInput } from './scenario-view';
import {
  COMPARE,
  CREATE_SCENARIO,
  DELETE_SCENARIO,
  DUPLICATE_SCENARIO,
  NEIGHBOURHOOD,
  RUN_DRAFT,
  RUN_SAVED,
  SCENARIO_LIST,
  SCENARIO_QUERY,
  TARGET_SEARCH,
  UPDATE_SCENARIO,
} from './scenarios.operations';
import type { Comparison, Draft, Scenario, ScenarioRun, ScenarioSummary } from './scenarios.types';

type Options = { signal?: AbortSignal };

/** Saved scenarios listed at once (the list is short; the API pages beyond this). */
export const LIST_SIZE = 200;
export const SEARCH_SIZE = 12;
/** Around a picked target, before anything is run. */
export const NEIGHBOURHOOD_DEPTH = 2;
export const NEIGHBOURHOOD_LIMIT = 250;

export async function listScenarios(options: Options = {}): Promise<{ total: number; items: ScenarioSummary[] }> {
  const data = await gql<{ scenarios: { totalCount: number; edges: { node: ScenarioSummary }[] } }>(SCENARIO_LIST, { first: LIST_SIZE }, options);
  return { total: data.scenarios.totalCount, items: data.scenarios.edges.map((e) => e.node) };
}

export async function loadScenario(id: string, options: Options = {}): Promise<Scenario | null> {
  return (await gql<{ scenario: Scenario | null }>(SCENARIO_QUERY, { id }, options)).scenario;
}

export async function runDraft(draft: Draft, options: Options = {}): Promise<ScenarioRun> {
  return (await gql<{ runScenario: ScenarioRun }>(RUN_DRAFT, { input: toRunInput(draft) }, options)).runScenario;
}

export async function runSaved(id: string, options: Options = {}): Promise<ScenarioRun> {
  return (await gql<{ runSavedScenario: ScenarioRun }>(RUN_SAVED, { id }, options)).runSavedScenario;
}

export async function compareScenarios(ids: string[], options: Options = {}): Promise<Comparison> {
  return (await gql<{ compareScenarios: Comparison }>(COMPARE, { ids }, options)).compareScenarios;
}

export async function searchTargets(text: string, kinds: readonly EntityKind[], options: Options = {}): Promise<MapEntity[]> {
  const data = await gql<{ search: { entity: MapEntity }[] }>(TARGET_SEARCH, { text, kinds, first: SEARCH_SIZE }, options);
  return data.search.map((h) => h.entity);
}

export async function loadNeighbourhood(id: string, options: Options = {}): Promise<Neighbourhood> {
  const data = await gql<{ neighbours: Neighbourhood }>(NEIGHBOURHOOD, { id, depth: NEIGHBOURHOOD_DEPTH, limit: NEIGHBOURHOOD_LIMIT }, options);
  return data.neighbours;
}


export async function saveScenario(draft: Draft): Promise<Scenario> {
  const input = toScenarioInput(draft);
  if (draft.id) return (await gql<{ updateScenario: Scenario }>(UPDATE_SCENARIO, { id: draft.id, input })).updateScenario;
  return (await gql<{ createScenario: Scenario }>(CREATE_SCENARIO, { input })).createScenario;
}

export async function duplicateScenario(id: string): Promise<Scenario> {
  return (await gql<{ duplicateScenario: Scenario }>(DUPLICATE_SCENARIO, { id })).duplicateScenario;
}

export async function deleteScenario(id: string): Promise<void> {
  await gql(DELETE_SCENARIO, { id });
}
