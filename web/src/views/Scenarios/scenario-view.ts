// Pure logic of the Scenarios view: drafts to API inputs and back, the impact graph (capabilities and the paths that
// carry the change, coloured by impact), colours and number formats. No DOM, no Cytoscape: unit-tested in
// tests/scenarios-view.test.ts.
import type { EntityNodeData, MapElement } from '../../lib/graph/elements';
import { boxed, textOn } from '../../lib/graph/layered';
import type * as Api from '../../lib/graphql/api-types';
import type { EntityKind, MapEntity } from '../../lib/graphql/types';
import type { Draft, DraftEvent, EventType, ScenarioEvent, Scenario, ScenarioRun, CapabilityImpact } from './scenarios.types';
import { TARGET_KINDS } from './scenarios.types';

export const STANDARD_HORIZONS = [2030, 2035, 2040] as const;

let nextKey = 1;
const key = () => nextKey++;

export function defaultHorizon(thisYear: number): number {
  return STANDARD_HORIZONS.find((y) => y >= thisYear) ?? thisYear;
}

export function emptyDraft(thisYear: number): Draft {
  return { id: null, name: '', description: '', horizon: defaultHorizon(thisYear), drivers: [], assumptions: [], events: [] };
}

/** A new event with sensible defaults: a whole cut, TRL 7 by the horizon, full coverage, a doubled need. */
export function newEvent(type: EventType, target: MapEntity | null, horizon: number): DraftEvent {
  const usable = target && TARGET_KINDS[type].includes(target.kind) ? target : null;
  return {
    key: key(),
    type,
    target: usable,
    replaces: null,
    percent: type === 'MATURATION' ? null : 100,
    trl: type === 'MATURATION' ? 7 : null,
    year: type === 'MATURATION' ? horizon : null,
    note: '',
  };
}

/** The event types that can target an entity of this kind (for "add an event on the clicked node"). */
export function eventTypesFor(kind: EntityKind): EventType[] {
  return (Object.keys(TARGET_KINDS) as EventType[]).filter((t) => TARGET_KINDS[t].includes(kind));
}

export function draftFromScenario(s: Scenario): Draft {
  const entity = (id: string, e: MapEntity | null): MapEntity => e ?? { id, name: `${id} (no longer on the map)`, kind: 'Technology' };
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    horizon: s.horizon,
    drivers: [...s.drivers],
    assumptions: [...s.assumptions],
    events: s.events.map((e: ScenarioEvent) => ({
      key: key(),
      type: e.type,
      target: entity(e.targetId, e.target),
      replaces: e.replacesId ? entity(e.replacesId, e.replaces) : null,
      percent: e.fraction === null ? null : round(e.fraction * 100, 4),
      trl: e.trl,
      year: e.year,
      note: e.note ?? '',
    })),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One event as ScenarioEventInput: only the fields its type uses; percent becomes a fraction. */
export function toEventInput(e: DraftEvent): Api.ScenarioEventInput {
  const input: Api.ScenarioEventInput = { type: e.type, targetId: e.target?.id ?? '' };
  if (e.type !== 'MATURATION' && e.percent !== null) input.fraction = round(e.percent / 100, 6);
  if (e.type === 'MATURATION') input.trl = e.trl;
  if (e.year !== null) input.year = e.year;
  if (e.type === 'SUBSTITUTE') input.replacesId = e.replaces?.id ?? '';
  if (e.note.trim()) input.note = e.note.trim();
  return input;
}

export function toScenarioInput(d: Draft): Api.ScenarioInput {
  return {
    name: d.name.trim(),
    description: d.description.trim() || null,
    horizon: d.horizon,
    drivers: d.drivers,
    assumptions: d.assumptions.map((a) => a.trim()).filter(Boolean),
    events: d.events.map(toEventInput),
  };
}

export function toRunInput(d: Draft): Api.ScenarioRunInput {
  return { horizon: d.horizon, events: d.events.map(toEventInput) };
}

/** What the run of a draft depends on: when it changes, a shown result is out of date. */
export function runKey(d: Draft): string {
  return JSON.stringify(toRunInput(d));
}

/** Client-side checks that need no server: a picked target for each event (the API checks the rest). */
export function draftProblems(d: Draft): string[] {
  const problems: string[] = [];
  d.events.forEach((e, i) => {
    if (!e.target) problems.push(`Event ${i + 1}: pick what it affects.`);
    if (e.type === 'SUBSTITUTE' && !e.replaces) problems.push(`Event ${i + 1}: pick what the substitute replaces.`);
  });
  return problems;
}

/** "input.events[2].fraction" → 2; null when the field is not about an event. */
export function eventIndexOfField(field: string | undefined): number | null {
  const m = field?.match(/events\[(\d+)\]/);
  return m ? Number(m[1]) : null;
}

// ---- numbers and colours ------------------------------------------------------------------------------------------

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A change in percentage points, signed with a true minus: "−28 pts", "+50 pts", "±0 pts". */
export function points(delta: number): string {
  const p = Math.round(delta * 1000) / 10;
  if (p === 0) return '±0 pts';
  return `${p < 0 ? '−' : '+'}${Math.abs(p)} pts`;
}

export const LOSS_COLOURS = ['#fdd0a2', '#fd8d3c', '#e6550d', '#a63603'] as const;
export const GAIN_COLOURS = ['#c7e9c0', '#74c476', '#31a354', '#006d2c'] as const;
export const NEUTRAL = '#cbd2d9';

/** Colour of a change: four shades each for losses and gains (by size: up to 10, 25, 50, 100 points). */
export function impactColour(delta: number): string {
  const size = Math.abs(delta);
  if (size < 1e-9) return NEUTRAL;
  const shade = size <= 0.1 ? 0 : size <= 0.25 ? 1 : size <= 0.5 ? 2 : 3;
  return (delta < 0 ? LOSS_COLOURS : GAIN_COLOURS)[shade]!;
}

export const IMPACT_LEGEND = [
  { colour: LOSS_COLOURS[3], label: 'Loses more than 50 pts' },
  { colour: LOSS_COLOURS[1], label: 'Loses 10–25 pts' },
  { colour: NEUTRAL, label: 'Unchanged' },
  { colour: GAIN_COLOURS[1], label: 'Gains 10–25 pts' },
  { colour: GAIN_COLOURS[3], label: 'Gains more than 50 pts' },
] as const;

// ---- the impact graph ---------------------------------------------------------------------------------------------

/** Links as drawn: always pointing down the chain, capability at the top (as in the Dependencies view). */
const DOWN_WORDS: Record<string, string> = {
  ENABLES: 'enabled by',
  COUNTERS: 'counters',
  DEPENDS_ON: 'depends on',
  SUBSTITUTES: 'replaceable by',
  SUPPLIED_BY: 'supplied by',
  LOCATED_IN: 'located in',
};

/**
 * Cytoscape elements for a run: every impacted capability and every node on the paths explaining it, filled by the
 * size and sign of its change; the events' targets drawn larger; links pointing down from the capability (for the
 * layered layout). Nodes first, each once; edges once.
 */
export function impactElements(
  run: ScenarioRun,
  eventTargetIds: ReadonlySet<string>,
  options: { capabilityId?: string | null; boxed?: boolean } = {},
): MapElement[] {
  const nodes = new Map<string, MapElement>();
  const edges = new Map<string, MapElement>();
  const addNode = (n: { id: string; kind: EntityKind; name: string; before: number; after: number }) => {
    if (nodes.has(n.id)) return;
    const delta = n.after - n.before;
    // data.fill colours the node (the shared stylesheet reads it); the shape still tells the kind.
    const label = `${n.name} ${points(delta)}`;
    const fill = impactColour(delta);
    const data: EntityNodeData & { fill: string } = { id: n.id, kind: n.kind, label, fill };
    if (options.boxed) {
      // Drawn as the dependency view draws its tree: named boxes, laid out left to right (layered.ts).
      Object.assign(data, boxed(label), { name: n.name, text: textOn(fill) });
      nodes.set(n.id, { group: 'nodes', data, classes: ['boxed', eventTargetIds.has(n.id) ? 'badged' : ''].filter(Boolean).join(' ') });
      return;
    }
    nodes.set(n.id, { group: 'nodes', data, ...(eventTargetIds.has(n.id) ? { classes: 'centre' } : {}) });
  };
  for (const impact of run.impacts) {
    if (options.capabilityId !== undefined && impact.capabilityId !== options.capabilityId) continue;
    addNode({ id: impact.capabilityId, kind: 'Capability', name: impact.name, before: impact.before, after: impact.after });
    for (const path of impact.paths) {
      path.steps.forEach((step, i) => {
        addNode(step);
        const upper = path.steps[i + 1];
        if (!upper || !step.via) return;
        const id = `${upper.id}|${step.via}|${step.id}`;
        if (!edges.has(id))
          edges.set(id, {
            group: 'edges',
            data: { id, source: upper.id, target: step.id, type: step.via, label: DOWN_WORDS[step.via] ?? step.via.toLowerCase() },
          });
      });
    }
  }
  return [...nodes.values(), ...edges.values()];
}

/** The impact of one capability, or undefined when it did not change. */
export function impactOf(run: ScenarioRun | null, capabilityId: string | null): CapabilityImpact | undefined {
  return capabilityId ? run?.impacts.find((i) => i.capabilityId === capabilityId) : undefined;
}

/** How a path step leads to the next one, read from the event up to the capability. */
export const UPWARD_WORDS: Record<string, string> = {
  LOCATED_IN: 'hosts',
  SUPPLIED_BY: 'supplies',
  DEPENDS_ON: 'is needed by',
  ENABLES: 'enables',
  SUBSTITUTES: 'can replace',
  COUNTERS: 'is countered by',
};

/** A path in words for lists and screen readers: "China (100% → 0%) hosts Gallium producers (100% → 0%) supplies …". */
export function pathInWords(steps: readonly { name: string; before: number; after: number; via: string | null }[]): string {
  return steps.map((s) => `${s.name} (${pct(s.before)} → ${pct(s.after)})${s.via ? ` ${UPWARD_WORDS[s.via] ?? s.via.toLowerCase()}` : ''}`).join(' ');
}
