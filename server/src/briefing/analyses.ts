// The one place briefings reach into the dependency and scenario domains (their service layers are being reshaped:
// when a function moves, only these lines change). Briefings compute nothing of their own: they present these results.
import type { Database } from '../db/database.js';
import { currentSupplyGraph } from '../supply-graph/supply-graph.service.js';
export { subgraphBelow as rootSubgraph } from '../supply-graph/supply-graph.service.js';

/** The whole supply graph of this data version (the one the dependency and scenario engines share). */
export const wholeGraph = async (db: Database) => (await currentSupplyGraph(db)).supply;
export { singlePointsOfFailure, type SinglePoint } from '../dependency/spof.js';
export { sovereigntyReport, technologySovereignty, type SovereigntyReport } from '../dependency/sovereignty.js';
export { effectiveShares } from '../dependency/shares.js';
export { enumeratePaths, levelsFrom } from '../dependency/walk.js';
export { enabledBy, enablersOf, dependenciesOf, type SupplyEdge, type SupplyGraph, type SupplyNode } from '../supply-graph/supply-graph.js';
export { compareSaved, runSaved, type ScenarioRunResult } from '../scenario/scenario.service.js';
export { findSavedScenarios } from '../scenario/scenario.repository.js';
export { currentYear, type ScenarioEventSpec } from '../scenario/scenario.model.js';
