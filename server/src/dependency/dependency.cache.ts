// The dependency analysis' results derived from the graph, computed once per data version and shared by every request
// (Database.memo; see db/data-version.ts). Every value here is shared: treat it as immutable.
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { fetchSubgraph, fetchWholeGraph } from './dependency.repository.js';
import type { SupplyGraph } from './supply-graph.js';

/**
 * The whole supply graph (criticalDependencies, sovereigntyReport): one fetch per data version, pinned (the LRU of
 * small results never evicts it) and rebuilt in the background after writes (its reach counts hang off the object).
 */
export const wholeGraph = (db: Database): Promise<SupplyGraph> => db.memo('dependency:whole-graph', () => fetchWholeGraph(db), { pinned: true, warm: true });

/** The subgraph below one root (null: no such entity), shared by dependencyTree and singlePointsOfFailure. */
export const rootSubgraph = (db: Database, rootId: string): Promise<{ rootKind: EntityKind; graph: SupplyGraph } | null> =>
  db.memo(`dependency:subgraph:${rootId}`, () => fetchSubgraph(db, rootId));
