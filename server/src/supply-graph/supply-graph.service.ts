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
import type { SupplyGraph } from './supply-graph.js';

// Every write transaction that names what it touched (history's recordChange) reads back its supply-graph delta.
readChangesWith(readSupplyGraphDelta);

/**
 * The whole supply graph with its outlook (criticalDependencies, sovereigntyReport, every scenario run): pinned (the
 * LRU of small results never evicts it) and rebuilt in the background after writes (its derived indexes hang off it).
 */
export const currentSupplyGraph = (db: Database): Promise<SupplyGraphWithOutlook> =>
  db.memo(
    'supply-graph:whole',
    async (prior) => {
      // After writes of this process whose changes were all recorded: the older graph with those changes swapped in
      // (supply-graph.delta.ts); otherwise (another process wrote, a seed or backup load, a large import) one fetch.
      const older = prior && (await prior.value.catch(() => null));
      return older ? applyDeltas(older, prior.changes as SupplyGraphDelta[]) : fetchSupplyGraph(db);
    },
    { pinned: true, warm: true, carry: true },
  );

/** The subgraph below one root (null: no such entity), shared by dependencyTree and singlePointsOfFailure. */
export const subgraphBelow = (db: Database, rootId: string): Promise<{ rootKind: EntityKind; graph: SupplyGraph } | null> =>
  db.memo(`supply-graph:below:${rootId}`, () => fetchSubgraph(db, rootId));
