// Scenario and comparison briefings: run the saved scenarios (scenario.runs.ts, on the graph of the current data
// version) and present events, assumptions, impact and paths. A path's figures are cited with the sources of the map
// links it runs through; an event with the sources of its target.
import type { Database } from '../db/database.js';
import {
  compareSaved,
  currentYear,
  findSavedScenarios,
  runSaved,
  wholeGraph,
  type ScenarioEventSpec,
  type ScenarioRunResult,
  type SupplyGraph,
} from './analyses.js';
import { gatherSources, type GatheredSources } from './briefing.common.js';
import type { Block, Briefing, Cell, Section } from './briefing.model.js';
import { barChart } from './figures.js';
import { dateOf, pct, signedPct } from './format.js';

type Step = { id: string; via: string | null };
type Event = ScenarioEventSpec;

const IMPACTS_SHOWN = 25;
const PATHS_OF = 8;

/** The sources of the map links a path runs through (either direction: the finder walks some links backwards). */
export function pathSources(g: SupplyGraph, steps: readonly Step[]): string[] {
  const ids = new Set<string>();
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i]!.id;
    const b = steps[i + 1]!.id;
    const via = steps[i]!.via;
    const edge = (g.out.get(a) ?? []).find((e) => e.type === via && e.to === b) ?? (g.out.get(b) ?? []).find((e) => e.type === via && e.to === a);
    edge?.sourceIds.forEach((s) => ids.add(s));
  }
  return [...ids];
}

const impactSources = (g: SupplyGraph, run: ScenarioRunResult, capabilityId: string) => [
  ...new Set((run.impacts.find((i) => i.capabilityId === capabilityId)?.paths ?? []).slice(0, 3).flatMap((p) => pathSources(g, p.steps))),
];

function eventWords(e: Event, name: (id: string) => string): string {
  switch (e.type) {
    case 'DISRUPTION':
      return `${name(e.targetId)} loses ${pct(e.fraction ?? 0)} of its supply or use${e.year ? ` from ${e.year}` : ''}`;
    case 'MATURATION':
      return `${name(e.targetId)} reaches TRL ${e.trl ?? '?'} by ${e.year ?? '?'}`;
    case 'SUBSTITUTE':
      return `${name(e.targetId)} can replace ${name(e.replacesId ?? '')}, covering ${pct(e.fraction ?? 1)} of its shortfall${e.year ? ` from ${e.year}` : ''}`;
    case 'THREAT':
      return `${name(e.targetId)} becomes usable by criminals: the need to counter it grows by ${pct(e.fraction ?? 1)}${e.year ? ` from ${e.year}` : ''}`;
  }
}

function eventsBlock(events: readonly Event[], g: SupplyGraph, sources: GatheredSources): Block {
  const name = (id: string) => g.nodes.get(id)?.name ?? `${id} (no longer on the map)`;
  return {
    type: 'table',
    caption: 'Events, in order',
    columns: ['#', 'Type', 'What happens', 'Note'],
    numeric: [0],
    rows: events.map((e, i) => [
      { text: String(i + 1) },
      { text: e.type.toLowerCase() },
      { text: eventWords(e, name), sources: [...sources.of(e.targetId), ...(e.replacesId ? sources.of(e.replacesId) : [])] },
      { text: e.note ?? '' },
    ]),
    empty: 'The scenario has no events yet: it equals the baseline.',
  };
}

function impactBlocks(run: ScenarioRunResult, g: SupplyGraph): Block[] {
  const shown = run.impacts.slice(0, IMPACTS_SHOWN);
  const rows: Cell[][] = shown.map((i) => [
    { text: i.name },
    { text: pct(i.before) },
    { text: pct(i.after), sources: impactSources(g, run, i.capabilityId) },
    { text: signedPct(i.delta), tone: i.delta < 0 ? 'risk' : 'good' },
  ]);
  const chart = barChart({
    title: `Change in capability score by ${run.horizon}`,
    series: ['Change'],
    rows: shown.slice(0, 15).map((i) => ({ label: i.name, values: [i.delta] })),
    format: signedPct,
  });
  return [
    { type: 'paragraph', text: `Evaluated for ${run.horizon} over ${run.capabilityCount} capabilities of the map; ${run.impacts.length} change.` },
    ...(shown.length
      ? [{ type: 'figure', caption: `Change in capability score (scenario minus baseline, ${run.horizon}), largest first.`, svg: chart } as Block]
      : []),
    {
      type: 'table',
      caption: 'Capabilities whose score changes (score: share of the capability’s need its enabling technologies meet)',
      columns: ['Capability', 'Baseline', 'Scenario', 'Change'],
      numeric: [1, 2, 3],
      rows,
      empty: 'No capability changes under this scenario.',
      omitted: Math.max(0, run.impacts.length - IMPACTS_SHOWN),
    },
  ];
}

function pathsBlock(run: ScenarioRunResult, g: SupplyGraph): Block {
  const items = run.impacts
    .slice(0, PATHS_OF)
    .flatMap((i) => i.paths.slice(0, 2).map((p) => ({ text: `${i.name}: ${p.summary}`, sources: pathSources(g, p.steps) })));
  return { type: 'list', items, empty: 'No path to show: nothing changes.' };
}

export async function scenarioBriefing(db: Database, id: string, now: Date): Promise<Briefing | null> {
  const [saved] = await findSavedScenarios(db, [id]);
  if (!saved) return null;
  const [run, g] = await Promise.all([runSaved(db, id, currentYear(now)), wholeGraph(db)]);
  const s = saved.scenario;
  const targets = saved.events.flatMap((e) => [e.targetId, ...(e.replacesId ? [e.replacesId] : [])]);
  const pathLinks = run.impacts.slice(0, IMPACTS_SHOWN).flatMap((i) => i.paths.slice(0, 3).flatMap((p) => pathSources(g, p.steps)));
  const sources = await gatherSources(db, targets, pathLinks);
  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Scenario',
      blocks: [
        ...(s.description ? [{ type: 'paragraph', text: String(s.description) } as Block] : []),
        {
          type: 'facts',
          items: [
            { label: 'Horizon', value: String(s.horizon) },
            { label: 'Drivers', value: s.drivers.length ? s.drivers.join(', ') : 'none given' },
            { label: 'Author', value: `${s.author}${s.authorFormer ? ' (former user)' : ''}` },
            { label: 'Last changed', value: dateOf(s.updatedAt) || dateOf(s.createdAt) || 'unknown' },
          ],
        },
      ],
    },
    {
      id: 'assumptions',
      title: 'Assumptions',
      blocks: [{ type: 'list', items: s.assumptions.map((text) => ({ text })), empty: 'No assumption is written down.' }],
    },
    { id: 'events', title: 'Events', blocks: [eventsBlock(saved.events, g, sources)] },
    { id: 'impact', title: 'Impact on capabilities', blocks: impactBlocks(run, g) },
    { id: 'paths', title: 'Paths: how the events reach the capabilities', blocks: [pathsBlock(run, g)] },
    ...(run.warnings.length
      ? [{ id: 'warnings', title: 'Warnings', blocks: [{ type: 'list', items: run.warnings.map((text) => ({ text })), empty: '' } as Block] }]
      : []),
  ];
  return {
    kind: 'scenario',
    id,
    title: s.name,
    subtitle: `A what-if scenario for ${s.horizon}: its events, assumptions, impact on capabilities and the paths that carry it.`,
    generatedAt: now,
    view: { href: `/?view=scenarios&focus=${encodeURIComponent(id)}`, label: 'Scenarios' },
    sections,
    sources: sources.sources,
  };
}

/** Throws the scenario domain's BAD_USER_INPUT / NOT_FOUND errors for a wrong list of ids (the route shows them). */
export async function comparisonBriefing(db: Database, ids: string[], now: Date): Promise<Briefing> {
  const [comparison, saved, g] = await Promise.all([compareSaved(db, ids, null, currentYear(now)), findSavedScenarios(db, ids), wholeGraph(db)]);
  const runs = comparison.runs;
  const names = runs.map((r) => r.scenario!.name);
  const top = comparison.rows.slice(0, IMPACTS_SHOWN);
  const cellSources = (run: ScenarioRunResult, capabilityId: string) => impactSources(g, run, capabilityId);
  const targets = saved.flatMap((s) => s?.events.flatMap((e) => [e.targetId, ...(e.replacesId ? [e.replacesId] : [])]) ?? []);
  const sources = await gatherSources(
    db,
    targets,
    top.flatMap((row) => runs.flatMap((r) => cellSources(r, row.capabilityId))),
  );
  const chart = barChart({
    title: 'Change in capability score per scenario',
    series: names,
    rows: top.slice(0, 12).map((row) => ({ label: row.name, values: row.cells.map((c) => c.delta) })),
    format: signedPct,
  });
  const sections: Section[] = [
    {
      id: 'scenarios',
      title: 'Scenarios compared',
      blocks: [
        {
          type: 'table',
          caption: 'Each scenario is run against the baseline at its own horizon',
          columns: ['Scenario', 'Horizon', 'Events', 'Capabilities changed', 'Drivers'],
          numeric: [1, 2, 3],
          rows: runs.map((r, i) => [
            { text: names[i]! },
            { text: String(r.horizon) },
            { text: String(saved[i]?.events.length ?? 0) },
            { text: String(r.impacts.length) },
            { text: saved[i]?.scenario.drivers.join(', ') || 'none given' },
          ]),
          empty: '',
        },
        ...saved.map((s, i): Block => ({
          type: 'list',
          items: (s?.events ?? []).map((e, k) => ({
            text: `${names[i]} — event ${k + 1}: ${eventWords(e, (id) => g.nodes.get(id)?.name ?? id)}`,
            sources: [...sources.of(e.targetId)],
          })),
          empty: `${names[i]} has no events.`,
        })),
      ],
    },
    {
      id: 'impact',
      title: 'Impact side by side',
      blocks: [
        ...(top.length
          ? [
              {
                type: 'figure',
                caption: 'Change in capability score (scenario minus baseline) for the capabilities where the scenarios differ most.',
                svg: chart,
              } as Block,
            ]
          : []),
        {
          type: 'table',
          caption: 'Capability scores under each scenario (change from its baseline), where the scenarios differ, largest spread first',
          columns: ['Capability', ...names, 'Spread'],
          numeric: [...names.map((_, i) => i + 1), names.length + 1],
          rows: top.map((row) => [
            { text: row.name },
            ...row.cells.map((c, i): Cell => ({
              text: `${pct(c.after)} (${signedPct(c.delta)})`,
              sources: cellSources(runs[i]!, row.capabilityId),
              tone: c.delta < 0 ? 'risk' : c.delta > 0 ? 'good' : undefined,
            })),
            { text: signedPct(row.spread).replace(/^\+/, '') },
          ]),
          empty: 'The scenarios change every capability alike.',
          omitted: Math.max(0, comparison.rows.length - IMPACTS_SHOWN),
        },
      ],
    },
    ...(runs.some((r) => r.warnings.length)
      ? [
          {
            id: 'warnings',
            title: 'Warnings',
            blocks: [{ type: 'list', items: runs.flatMap((r, i) => r.warnings.map((w) => ({ text: `${names[i]}: ${w}` }))), empty: '' } as Block],
          },
        ]
      : []),
  ];
  return {
    kind: 'comparison',
    id: ids.join(','),
    title: names.join(' vs '),
    subtitle: `${names.length} scenarios side by side, each against the baseline.`,
    generatedAt: now,
    view: { href: `/?view=scenarios`, label: 'Scenarios' },
    sections,
    sources: sources.sources,
  };
}
