import { defineLoader, groupInOrder } from '../graphql/context.js';
import { findLinksOfSignals, findSignalsOfTargets, type IndicatesRow } from './signal.repository.js';

/** What a signal indicates (one query for every signal of the response). */
export const linksOfSignal = defineLoader<string, IndicatesRow[]>('linksOfSignal', async (db, ids) =>
  groupInOrder(ids, await findLinksOfSignals(db, ids), (r) => r.key),
);

/** The signals indicating a technology, capability or case study, newest first. */
export const signalsOfTarget = defineLoader<string, IndicatesRow[]>('signalsOfTarget', async (db, ids) =>
  groupInOrder(ids, await findSignalsOfTargets(db, ids), (r) => r.key),
);
