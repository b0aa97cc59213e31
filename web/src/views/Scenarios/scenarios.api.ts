// Typed calls of the Scenarios view's GraphQL documents: one function per user action, one round trip each.
import { gql } from '../../lib/graphql/client';
import type * as Api from '../../lib/graphql/api-types';
import type { EntityKind } from '../../lib/graphql/types';
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
  const data = await gql<Api.ScenarioListQuery, Api.ScenarioListQueryVariables>(SCENARIO_LIST, { first: LIST_SIZE }, options);
  return { total: data.scenarios.totalCount, items: data.scenarios.edges.map((e) => e.node) };
}

export async function loadScenario(id: string, options: Options = {}): Promise<Scenario | null> {
  return (await gql<Api.ScenarioOneQuery, Api.ScenarioOneQueryVariables>(SCENARIO_QUERY, { id }, options)).scenario;
}

export async function runDraft(draft: Draft, options: Options = {}): Promise<ScenarioRun> {
  return (await gql<Api.RunDraftQuery, Api.RunDraftQueryVariables>(RUN_DRAFT, { input: toRunInput(draft) }, options)).runScenario;
}

export async function runSaved(id: string, options: Options = {}): Promise<ScenarioRun> {
  return (await gql<Api.RunSavedQuery, Api.RunSavedQueryVariables>(RUN_SAVED, { id }, options)).runSavedScenario;
}

export async function compareScenarios(ids: string[], options: Options = {}): Promise<Comparison> {
  const answer = (await gql<Api.CompareScenariosQuery, Api.CompareScenariosQueryVariables>(COMPARE, { ids }, options)).compareScenarios;
  return { ...answer, runs: answer.runs.map(({ scenario, ...run }) => ({ ...run, scenario: savedScenario(scenario) })) };
}

function savedScenario<T>(scenario: T | null | undefined): T {
  if (!scenario) throw new Error('The comparison returned a run without its scenario; reload the page and compare again.');
  return scenario;
}

export async function searchTargets(text: string, kinds: readonly EntityKind[], options: Options = {}) {
  const data = await gql<Api.ScenarioTargetSearchQuery, Api.ScenarioTargetSearchQueryVariables>(
    TARGET_SEARCH,
    { text, kinds: [...kinds], first: SEARCH_SIZE },
    options,
  );
  return data.search.map((h) => h.entity);
}

export async function loadNeighbourhood(id: string, options: Options = {}) {
  const data = await gql<Api.ScenarioNeighbourhoodQuery, Api.ScenarioNeighbourhoodQueryVariables>(
    NEIGHBOURHOOD,
    { id, depth: NEIGHBOURHOOD_DEPTH, limit: NEIGHBOURHOOD_LIMIT },
    options,
  );
  return data.neighbours;
}

export async function saveScenario(draft: Draft): Promise<Scenario> {
  const input = toScenarioInput(draft);
  if (draft.id) return (await gql<Api.UpdateScenarioMutation, Api.UpdateScenarioMutationVariables>(UPDATE_SCENARIO, { id: draft.id, input })).updateScenario;
  return (await gql<Api.CreateScenarioMutation, Api.CreateScenarioMutationVariables>(CREATE_SCENARIO, { input })).createScenario;
}

export async function duplicateScenario(id: string): Promise<Scenario> {
  return (await gql<Api.DuplicateScenarioMutation, Api.DuplicateScenarioMutationVariables>(DUPLICATE_SCENARIO, { id })).duplicateScenario;
}

export async function deleteScenario(id: string): Promise<void> {
  await gql<Api.DeleteScenarioMutation, Api.DeleteScenarioMutationVariables>(DELETE_SCENARIO, { id });
}
