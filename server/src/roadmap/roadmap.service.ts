// The capability roadmap: validate, read the lanes, the capability's supply subgraph (shared with the dependency view)
// and the chosen scenario, then lay them out with the pure roadmap.analysis.ts. Memoised per data version.
import type { Database } from '../db/database.js';
import { subgraphBelow } from '../supply-graph/supply-graph.service.js';
import { rootKind } from '../dependency/dependency.validation.js';
import { assertValid, notFound } from '../graphql/errors.js';
import { problems } from '../graphql/validation.js';
import { findSavedScenarios } from '../scenario/scenario.repository.js';
import { buildRoadmap, type Roadmap } from './roadmap.analysis.js';
import { findCapabilityLanes } from './roadmap.repository.js';

export async function capabilityRoadmap(
  db: Database,
  capabilityId: string,
  scenarioId: string | null,
  thisYear: number,
): Promise<Roadmap & { scenario: { id: string; name: string } | null }> {
  assertValid(problems(rootKind('capabilityId', capabilityId, ['Capability']), scenarioId ? rootKind('scenarioId', scenarioId, ['Scenario']) : null));
  const answer = await db.memo(`roadmap:${thisYear}:${capabilityId}:${scenarioId ?? ''}`, async () => {
    const [capability, subgraph, saved] = await Promise.all([
      findCapabilityLanes(db, capabilityId),
      subgraphBelow(db, capabilityId),
      scenarioId ? findSavedScenarios(db, [scenarioId]).then(([s]) => s) : Promise.resolve(null),
    ]);
    if (!capability || !subgraph) return { missing: 'capabilityId' as const };
    if (scenarioId && !saved) return { missing: 'scenarioId' as const };
    const roadmap = buildRoadmap({
      capability: { id: capability.id, name: capability.name },
      lanes: capability.lanes,
      graph: subgraph.graph,
      events: saved?.events ?? [],
      thisYear,
    });
    return { ...roadmap, scenario: saved ? { id: saved.scenario.id, name: saved.scenario.name } : null };
  });
  if ('missing' in answer)
    throw answer.missing === 'capabilityId' ? notFound('capability', capabilityId, 'capabilityId') : notFound('scenario', scenarioId!, 'scenarioId');
  return answer;
}
