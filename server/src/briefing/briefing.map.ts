// Capability and technology briefings: gather the dependency subgraph (memoised per data version), the single points of
// failure, signals, notes and sources, then lay them out as sections. Null when no such capability/technology exists.
import type { Database } from '../db/database.js';
import { findEntitiesByIds } from '../entity/entity.repository.js';
import { enabledBy, enablersOf, dependenciesOf, rootSubgraph, singlePointsOfFailure, technologySovereignty, wholeGraph, type SupplyGraph } from './analyses.js';
import { gatherSources, notesBlock, signalIds, signalsAndNotes, signalsBlock } from './briefing.common.js';
import type { Block, Briefing, Cell, Section } from './briefing.model.js';
import { countriesBlock, diagramBlock, singlePointsBlock, sovereigntyBlocks, supplyBlock, supplyLines, supplySourcesBelow } from './briefing.supply.js';
import { pct } from './format.js';
import { estimateLegend, isEstimate, READINESS_LABELS, readinessFact, trlCell } from './briefing.readiness.js';

const STATUS_WORDS = { available: 'available', unknown: 'unknown (some supply is not mapped)', unavailable: 'unavailable' } as const;
const allLinkSources = (g: SupplyGraph) => g.edges.flatMap((e) => e.sourceIds);

async function subject(db: Database, id: string, kind: 'Capability' | 'Technology') {
  const found = await rootSubgraph(db, id);
  if (!found || found.rootKind !== kind) return null;
  const [entity] = await findEntitiesByIds(db, [id]);
  return entity ? { graph: found.graph, entity } : null;
}

export async function capabilityBriefing(db: Database, id: string, now: Date): Promise<Briefing | null> {
  const found = await subject(db, id, 'Capability');
  if (!found) return null;
  const { graph: g, entity } = found;
  const spof = singlePointsOfFailure(g, id)!;
  const enabling = enablersOf(g, id);
  const technologies = enabling.map((e) => g.nodes.get(e.from)!);
  const names = new Map([[id, entity.name], ...technologies.map((t) => [t.id, t.name] as [string, string])]);
  const [found2, technologyRecords] = await Promise.all([
    signalsAndNotes(db, names),
    findEntitiesByIds(
      db,
      technologies.map((t) => t.id),
    ),
  ]);
  // The supply graph carries a TRL but not its provenance; the records say whether it is an estimate.
  const recordOf = new Map(technologyRecords.filter((r) => r !== null && r !== undefined).map((r) => [r.id, r]));
  const sources = await gatherSources(db, [id, ...names.keys(), ...spof.points.map((p) => p.node.id), ...signalIds(found2)], allLinkSources(g));
  const status = new Map(spof.enablers.map((e) => [e.technology.id, e.status]));
  const lines = supplyLines(g, id);
  const lost = spof.points.filter((p) => p.capabilityLost).length;
  const riskIds = new Set(spof.points.map((p) => p.node.id));

  const enablersTable: Block = {
    type: 'table',
    caption: 'Enabling technologies',
    columns: ['Technology', 'TRL', 'Strength of the link', 'Availability today', 'Supply from outside the EU'],
    numeric: [1, 2, 4],
    rows: enabling.map((e): Cell[] => {
      const t = g.nodes.get(e.from)!;
      const s = status.get(t.id) ?? 'unknown';
      return [
        { text: t.name, sources: sources.of(t.id) },
        trlCell(recordOf.get(t.id), t.trl, sources.of(t.id)),
        { text: pct(e.strength), sources: e.sourceIds },
        { text: STATUS_WORDS[s], tone: s === 'unavailable' ? 'risk' : s === 'unknown' ? 'muted' : 'good' },
        { text: pct(nonEu(g, t.id)), sources: supplySourcesBelow(g, t.id) },
      ];
    }),
    empty: 'No technology is mapped as enabling this capability: link one in the Mapping view.',
  };
  const diagram = diagramBlock(g, id, riskIds);
  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        ...(entity.description ? [{ type: 'paragraph', text: String(entity.description), sources: sources.of(id) } as Block] : []),
        {
          type: 'facts',
          items: [
            { label: 'Domain', value: String(entity.domain ?? 'not given') },
            { label: 'Availability today', value: STATUS_WORDS[spof.baseline] },
            { label: 'Enabling technologies', value: String(technologies.length) },
            { label: 'Single points of failure', value: `${spof.points.length}, of which ${lost} alone would lose the capability` },
            { label: 'Components and materials with unknown supply', value: String(new Set(lines.filter((l) => !l.supplier).map((l) => l.item.id)).size) },
          ],
        },
      ],
    },
    {
      id: 'dependencies',
      title: 'Dependencies',
      blocks: [enablersTable, ...estimateLegend(technologies.some((t) => isEstimate(recordOf.get(t.id), 'trl'))), ...(diagram ? [diagram] : [])],
    },
    { id: 'single-points', title: 'Single points of failure', blocks: [singlePointsBlock(g, spof.points, sources.of, true)] },
    { id: 'sovereignty', title: 'Sovereignty', blocks: [...sovereigntyBlocks(g, technologies), countriesBlock(lines, spof.points, true), supplyBlock(lines)] },
    { id: 'signals', title: 'Signals', blocks: [signalsBlock(found2, sources)] },
    { id: 'notes', title: 'Analysts’ notes', blocks: [notesBlock(found2)] },
  ];
  return {
    kind: 'capability',
    id,
    title: entity.name,
    subtitle: `What ${entity.name} depends on, where it can break, and where its supply comes from.`,
    generatedAt: now,
    view: { href: `/?view=dependencies&focus=${encodeURIComponent(id)}`, label: 'Dependencies' },
    sections,
    sources: sources.sources,
  };
}

const READINESS = ['trl', 'horizon', 'euPosition'] as const;

const nonEu = (g: SupplyGraph, techId: string) => technologySovereignty(g, g.nodes.get(techId)!).nonEuShare;

export async function technologyBriefing(db: Database, id: string, now: Date): Promise<Briefing | null> {
  const found = await subject(db, id, 'Technology');
  if (!found) return null;
  const { graph: g, entity } = found;
  const whole = await wholeGraph(db);
  const capabilities = enabledBy(whole, id).map((e) => ({ edge: e, capability: whole.nodes.get(e.to)! }));
  const spof = singlePointsOfFailure(g, id)!;
  const tech = g.nodes.get(id)!;
  const names = new Map([[id, entity.name]]);
  const found2 = await signalsAndNotes(db, names);
  const direct = dependenciesOf(g, id);
  const sources = await gatherSources(
    db,
    [id, ...capabilities.map((c) => c.capability.id), ...direct.map((d) => d.to), ...spof.points.map((p) => p.node.id), ...signalIds(found2)],
    [...allLinkSources(g), ...capabilities.flatMap((c) => c.edge.sourceIds)],
  );
  const lines = supplyLines(g, id);
  const riskIds = new Set(spof.points.map((p) => p.node.id));
  const diagram = diagramBlock(g, id, riskIds);
  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Readiness',
      blocks: [
        ...(entity.description ? [{ type: 'paragraph', text: String(entity.description), sources: sources.of(id) } as Block] : []),
        {
          type: 'facts',
          items: [
            ...READINESS.map((value) => ({ label: READINESS_LABELS[value], ...readinessFact(entity, value, sources.of(id)) })),
            { label: 'Dual use', value: entity.dualUse === true ? 'yes' : entity.dualUse === false ? 'no' : 'unknown' },
            { label: 'Availability today', value: STATUS_WORDS[spof.baseline] },
            { label: 'Single points of failure', value: String(spof.points.length) },
          ],
        },
        ...estimateLegend(READINESS.some((value) => isEstimate(entity, value))),
      ],
    },
    {
      id: 'capabilities',
      title: 'Capabilities it enables',
      blocks: [
        {
          type: 'table',
          caption: 'Capabilities',
          columns: ['Capability', 'Strength of the link', 'Why'],
          numeric: [1],
          rows: capabilities.map(({ edge, capability }) => [
            { text: capability.name, sources: sources.of(capability.id) },
            { text: pct(edge.strength), sources: edge.sourceIds },
            { text: edge.rationale ?? '' },
          ]),
          empty: 'It is not mapped as enabling any capability yet.',
        },
      ],
    },
    {
      id: 'dependencies',
      title: 'Dependencies',
      blocks: [
        {
          type: 'table',
          caption: 'What it depends on directly (criticality 0–1; substitutability 0 = none, 1 = fully replaceable)',
          columns: ['Dependency', 'Kind', 'Criticality', 'Substitutability'],
          numeric: [2, 3],
          rows: direct.map((d) => {
            const n = g.nodes.get(d.to)!;
            return [
              { text: n.name, sources: sources.of(n.id) },
              { text: n.kind },
              { text: pct(d.criticality), sources: d.sourceIds },
              { text: pct(d.substitutability), sources: d.sourceIds },
            ];
          }),
          empty: 'No dependency is mapped.',
        },
        ...(diagram ? [diagram] : []),
      ],
    },
    { id: 'single-points', title: 'Single points of failure', blocks: [singlePointsBlock(g, spof.points, sources.of, false)] },
    { id: 'sovereignty', title: 'Sovereignty', blocks: [...sovereigntyBlocks(g, [tech]), countriesBlock(lines, spof.points, false), supplyBlock(lines)] },
    { id: 'signals', title: 'Signals', blocks: [signalsBlock(found2, sources)] },
    { id: 'notes', title: 'Analysts’ notes', blocks: [notesBlock(found2)] },
  ];
  return {
    kind: 'technology',
    id,
    title: entity.name,
    subtitle: `Readiness, the capabilities it enables, what it depends on and where its supply comes from.`,
    generatedAt: now,
    view: { href: `/?view=explorer&focus=${encodeURIComponent(id)}`, label: 'the Explorer' },
    sections,
    sources: sources.sources,
  };
}
