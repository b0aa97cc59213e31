// The one supply graph of each data version, shared by the dependency analysis and the scenario engine: fetched whole
// (supply-graph.repository.ts) or, after this process's own writes, the last one updated by their deltas
// (supply-graph.delta.ts); one graph object per version, and the indexes derived from it (downward-index.ts,
// scenario/compiled-graph.ts) hung off that object. Database.memo keeps it until the next write; every value here is
// shared by every request: treat it as immutable.
import { readChangesWith, type Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import type { SupplyGraphWithOutlook } from './outlook.js';
import { applyDeltas, type SupplyGraphDelta } from './supply-graph.delta.js';
import { fetchSubgraph, fetchSupplyGraph, readSupplyGraphDelta } from './supply-graph.repository.js';
import { subgraphFromWhole } from './subgraph.js';
import type { SupplyGraph } from './supply-graph.js';

// Every write transaction that names what it touched (history's recordChange) reads back its supply-graph delta.
readChangesWith(readSupplyGraphDelta);

/** The Database.memo key of the whole graph (subgraphBelow asks whether it is at hand). */
export const WHOLE_GRAPH_KEY = 'supply-graph:whole';

/**
 * The whole supply graph with its outlook (criticalDependencies, sovereigntyReport, every scenario run): pinned (the
 * LRU of small results never evicts it) and rebuilt in the background after writes (its derived indexes hang off it).
 */
export const currentSupplyGraph = (db: Database): Promise<SupplyGraphWithOutlook> =>
  db.memo(
    WHOLE_GRAPH_KEY,
    async (prior) => {
      // After writes of this process whose changes were all recorded: the older graph with those changes swapped in
      // (supply-graph.delta.ts); otherwise (another process wrote, a seed or backup load, a large import) one fetch.
      const older = prior && (await prior.value.catch(() => null));
      return older ? applyDeltas(older, prior.changes as SupplyGraphDelta[]) : fetchSupplyGraph(db);
    },
    { pinned: true, warm: true, carry: true },
  );

/**
 * The subgraph below one root (null: no such entity), shared by dependencyTree, singlePointsOfFailure, the roadmap and
 * briefings. Cut from the whole graph in memory when that costs no fetch (cached for this version, or carried to it by
 * this process's own writes: the first tree after a mapping write, issue #17); otherwise one subgraph query, far
 * smaller than a whole fetch. Both give the same graph (subgraph.int.test.ts). A root that is not a supply node (an
 * entity of another kind, or none) is fetched: the query tells which, and callers read its kind.
 */
export const subgraphBelow = (db: Database, rootId: string): Promise<{ rootKind: EntityKind; graph: SupplyGraph } | null> =>
  db.memo(`supply-graph:below:${rootId}`, async () => {
    const cut = (await db.memoAtHand(WHOLE_GRAPH_KEY)) ? subgraphFromWhole((await currentSupplyGraph(db)).supply, rootId) : null;
    return cut ?? fetchSubgraph(db, rootId);
  });
