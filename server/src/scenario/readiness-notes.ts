// Why a MATURATION event on a technology of unknown TRL has little or no effect, said on the event itself, with the fix
// (set a current TRL). The rule they explain is in maturity.ts; docs/scenarios.md states it. Pure.
import { baselineDeployment } from './maturity.js';
import { MATURE_TRL, type ScenarioEventSpec } from './scenario.model.js';
import type { ScenarioGraph } from './scenario-graph.js';

export const EVENT_NOTE_REASONS = ['UNKNOWN_TRL'] as const;
export type EventNoteReason = (typeof EVENT_NOTE_REASONS)[number];

export interface EventNote {
  /** Position of the event in the scenario, from 0. */
  eventIndex: number;
  reason: EventNoteReason;
  /** The technology to fix. */
  technologyId: string;
  message: string;
}

export function eventReadinessNotes(graph: ScenarioGraph, events: readonly ScenarioEventSpec[], thisYear: number): EventNote[] {
  const notes: EventNote[] = [];
  events.forEach((e, eventIndex) => {
    const node = graph.supply.nodes.get(e.targetId);
    if (e.type !== 'MATURATION' || node?.kind !== 'Technology' || (node.trl !== null && node.trl !== undefined)) return;
    if (e.trl === null || e.trl === undefined || e.year === null || e.year === undefined) return;
    const year = Math.max(e.year, thisYear);
    const base = baselineDeployment(null, graph.horizons.get(node.id), thisYear);
    const fix = `Set the current TRL of ${node.name} (from a source) to measure what this event changes.`;
    let why: string;
    if (base.basis === 'assumed') {
      why =
        e.trl >= MATURE_TRL
          ? `${node.name} has no TRL and no horizon on the map, so its readiness is unknown. It is not counted as in service before ${year}: this scenario makes it deployable from ${year}, shows it missing until then and gains nothing after.`
          : `${node.name} has no TRL and no horizon on the map, so its readiness is unknown. Reaching TRL ${e.trl} (below ${MATURE_TRL}) by ${year} keeps it from deployment within view in this scenario, so what relies on it loses.`;
    } else if (e.trl < MATURE_TRL) {
      why = `${node.name} has no TRL on the map; its horizon ${graph.horizons.get(node.id)} sets when it is deployable, and TRL ${e.trl} (below ${MATURE_TRL}) does not change that.`;
    } else if (year >= base.year) {
      why = `${node.name} has no TRL on the map; its horizon ${graph.horizons.get(node.id)} already makes it deployable by ${base.year}, so reaching TRL ${e.trl} by ${year} adds nothing.`;
    } else {
      why = `${node.name} has no TRL on the map; the gain from ${year} is measured against its horizon ${graph.horizons.get(node.id)}, not against where it stands today.`;
    }
    notes.push({ eventIndex, reason: 'UNKNOWN_TRL', technologyId: node.id, message: `${why} ${fix}` });
  });
  return notes;
}
