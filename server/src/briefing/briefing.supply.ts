// The supply side of capability and technology briefings, from a dependency subgraph: the single points of failure,
// who supplies what from which country, the non-EU shares, and the diagram of the top paths. Pure (no I/O).
import { effectiveShares, enumeratePaths, levelsFrom, technologySovereignty, type SinglePoint, type SupplyGraph, type SupplyNode } from './analyses.js';
import type { Block, Cell } from './briefing.model.js';
import { pct } from './format.js';
import { barChart, dependencyDiagram, type DiagramNode } from './figures.js';

type SourcesOf = (ownerId: string) => string[];

const KIND_COLUMNS = ['Capability', 'Technology', 'Component', 'Material', 'Supplier', 'Country'] as const;

/** The sources of the links into a node from the part of the graph below the root (what makes it a dependency). */
export function linkSourcesInto(g: SupplyGraph, id: string): string[] {
  return [...new Set((g.in.get(id) ?? []).filter((e) => e.type !== 'SUBSTITUTES').flatMap((e) => e.sourceIds))];
}

/** The sources of every supply link (SUPPLIED_BY, LOCATED_IN) below a node: what its origin shares rest on. */
export function supplySourcesBelow(g: SupplyGraph, id: string): string[] {
  const ids = new Set<string>();
  for (const n of levelsFrom(g, id).keys()) {
    for (const e of g.out.get(n) ?? []) if (e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') e.sourceIds.forEach((s) => ids.add(s));
  }
  return [...ids];
}

export function singlePointsBlock(g: SupplyGraph, points: SinglePoint[], sourcesOf: SourcesOf, rootIsCapability: boolean): Block {
  const name = (id: string) => g.nodes.get(id)?.name ?? id;
  const rows: Cell[][] = points.map((p) => [
    { text: p.node.name, sources: [...sourcesOf(p.node.id), ...linkSourcesInto(g, p.node.id)], tone: 'risk' },
    { text: p.node.kind },
    { text: p.reason + (p.unknownSupply ? ' Its suppliers are not mapped.' : '') },
    rootIsCapability
      ? { text: p.capabilityLost ? 'Capability lost' : `Loses ${p.technologyIds.map(name).join(', ')}`, tone: p.capabilityLost ? 'risk' : undefined }
      : { text: 'Technology lost', tone: 'risk' },
  ]);
  return {
    type: 'table',
    caption: 'Single points of failure: nodes whose loss alone makes an enabling technology unavailable',
    columns: ['Single point of failure', 'Kind', 'Why', 'Effect'],
    rows,
    empty: 'None: every dependency mapped has a second supplier, a substitute or another route.',
  };
}

export interface SupplyLine {
  item: SupplyNode;
  supplier: SupplyNode | null;
  country: SupplyNode | null;
  share: number | null;
  estimated: boolean;
  sources: string[];
}

/** Every component and material below the root with its suppliers (one line per supplier; one for unknown supply). */
export function supplyLines(g: SupplyGraph, rootId: string): SupplyLine[] {
  const level = levelsFrom(g, rootId);
  const items = [...level.keys()]
    .map((id) => g.nodes.get(id)!)
    .filter((n) => n.kind === 'Component' || n.kind === 'Material')
    .sort((a, b) => level.get(a.id)! - level.get(b.id)! || a.name.localeCompare(b.name));
  const lines: SupplyLine[] = [];
  for (const item of items) {
    const b = effectiveShares(g, item.id);
    if (!b.known) {
      lines.push({ item, supplier: null, country: null, share: null, estimated: false, sources: [] });
      continue;
    }
    for (const s of b.shares) {
      const edge = (g.out.get(item.id) ?? []).find((e) => e.type === 'SUPPLIED_BY' && e.to === s.supplier.id);
      const located = (g.out.get(s.supplier.id) ?? []).find((e) => e.type === 'LOCATED_IN');
      lines.push({
        item,
        supplier: s.supplier,
        country: s.country ?? null,
        share: s.share,
        estimated: s.estimated,
        sources: [...(edge?.sourceIds ?? []), ...(located?.sourceIds ?? [])],
      });
    }
  }
  return lines;
}

const SUPPLY_SHOWN = 40;

export function supplyBlock(lines: SupplyLine[]): Block {
  const rows: Cell[][] = lines.slice(0, SUPPLY_SHOWN).map((l) =>
    l.supplier
      ? [
          { text: l.item.name },
          { text: l.supplier.name },
          {
            text: l.country ? `${l.country.name}${l.country.eu === true ? ' (EU)' : l.country.eu === false ? ' (non-EU)' : ''}` : 'unknown',
            tone: l.country ? undefined : 'muted',
          },
          { text: `${pct(l.share)}${l.estimated ? ' (estimated)' : ''}`, sources: l.sources, tone: l.estimated ? 'muted' : undefined },
        ]
      : [{ text: l.item.name }, { text: 'unknown supply: no supplier mapped', tone: 'risk' }, { text: '' }, { text: 'unknown', tone: 'muted' }],
  );
  return {
    type: 'table',
    caption: 'Who supplies the components and materials (shares of each item’s supply; estimated = an equal split of what the sources leave open)',
    columns: ['Item', 'Supplier', 'Country', 'Share'],
    numeric: [3],
    rows,
    empty: 'No component or material is mapped below it.',
    omitted: Math.max(0, lines.length - SUPPLY_SHOWN),
  };
}

/** Countries supplying the chain: how many items, the largest share of one item, and whether a cut alone breaks it. */
export function countriesBlock(lines: SupplyLine[], points: SinglePoint[], rootIsCapability: boolean): Block {
  const byCountry = new Map<string, { country: SupplyNode; items: Set<string>; largest: number; sources: Set<string> }>();
  for (const l of lines) {
    if (!l.country || l.share === null) continue;
    const c = byCountry.get(l.country.id) ?? { country: l.country, items: new Set(), largest: 0, sources: new Set() };
    c.items.add(l.item.id);
    c.largest = Math.max(c.largest, l.share);
    l.sources.forEach((s) => c.sources.add(s));
    byCountry.set(l.country.id, c);
  }
  const cut = new Map(points.filter((p) => p.node.kind === 'Country').map((p) => [p.node.id, p]));
  const countries = [...byCountry.values()].sort(
    (a, b) => Number(cut.has(b.country.id)) - Number(cut.has(a.country.id)) || b.largest - a.largest || a.country.name.localeCompare(b.country.name),
  );
  return {
    type: 'table',
    caption: 'Supplier countries, those whose cut alone breaks the chain first',
    columns: ['Country', 'EU member', 'Items supplied', 'Largest share of one item', 'A cut alone breaks it'],
    numeric: [2, 3],
    rows: countries.map((c) => {
      const point = cut.get(c.country.id);
      return [
        { text: c.country.name },
        { text: c.country.eu === true ? 'yes' : c.country.eu === false ? 'no' : 'unknown' },
        { text: String(c.items.size) },
        { text: pct(c.largest), sources: [...c.sources] },
        point
          ? { text: !rootIsCapability ? 'yes — technology lost' : point.capabilityLost ? 'yes — capability lost' : 'yes', tone: 'risk' }
          : { text: 'no', tone: 'good' },
      ];
    }),
    empty: 'No supplier with a mapped country is below it.',
  };
}

/** Non-EU, EU and unknown-origin shares per technology (technologySovereignty), as a table and a bar chart. */
export function sovereigntyBlocks(g: SupplyGraph, technologies: SupplyNode[]): Block[] {
  const measured = technologies.map((t) => ({ tech: t, s: technologySovereignty(g, t), sources: supplySourcesBelow(g, t.id) }));
  const chart = barChart({
    title: 'Origin of supply per technology',
    series: ['Outside the EU', 'EU', 'Unknown origin'],
    rows: measured.map((m) => ({ label: m.tech.name, values: [m.s.nonEuShare, m.s.euShare, m.s.unknownOriginShare] })),
    format: (v) => pct(v),
    domain: [0, 1],
  });
  return [
    {
      type: 'table',
      caption: 'Origin of supply: the mean over the components and materials each technology rests on (items of known supply only)',
      columns: ['Technology', 'Outside the EU', 'EU', 'Unknown origin', 'Known-supply items', 'Unknown-supply items'],
      numeric: [1, 2, 3, 4, 5],
      rows: measured.map((m) => [
        { text: m.tech.name },
        {
          text: pct(m.s.nonEuShare),
          sources: m.sources,
          tone: m.s.nonEuShare !== null && m.s.nonEuShare > 0.5 ? 'risk' : m.s.nonEuShare === null ? 'muted' : undefined,
        },
        { text: pct(m.s.euShare), tone: m.s.euShare === null ? 'muted' : undefined },
        { text: pct(m.s.unknownOriginShare), tone: m.s.unknownOriginShare === null ? 'muted' : undefined },
        { text: String(m.s.items) },
        { text: String(m.s.unknownSupplyItems.length), tone: m.s.unknownSupplyItems.length ? 'risk' : undefined },
      ]),
      empty: 'No technology to measure.',
    },
    ...(measured.length
      ? [
          {
            type: 'figure',
            caption: 'Origin of supply per technology (share of supply, mean over its items).',
            svg: chart,
            sources: [...new Set(measured.flatMap((m) => m.sources))],
          } as Block,
        ]
      : []),
  ];
}

const DIAGRAM = { paths: 12, nodes: 32 } as const;

/**
 * The top paths from the root down, for the diagram: complete paths (to a country, or to an item of unknown supply)
 * through the most single points of failure first, then the longest, until the drawing would get crowded.
 */
export function topPaths(g: SupplyGraph, rootId: string, riskIds: ReadonlySet<string>): string[][] {
  const { paths } = enumeratePaths(g, rootId, null, 5000);
  const isEnd = (id: string) => {
    const n = g.nodes.get(id)!;
    return (
      n.kind === 'Country' ||
      ((n.kind === 'Component' || n.kind === 'Material') && !(g.out.get(id) ?? []).some((e) => e.type === 'SUPPLIED_BY' || e.type === 'DEPENDS_ON'))
    );
  };
  const complete = paths.filter((p) => !p.cycle && isEnd(p.nodeIds.at(-1)!)).map((p) => p.nodeIds);
  const risk = (ids: string[]) => ids.filter((id) => riskIds.has(id)).length;
  complete.sort((a, b) => risk(b) - risk(a) || b.length - a.length || a.join('|').localeCompare(b.join('|')));
  const chosen: string[][] = [];
  const seen = new Set<string>();
  for (const path of complete) {
    const added = path.filter((id) => !seen.has(id)).length;
    if (added === 0) continue;
    if (chosen.length >= DIAGRAM.paths || seen.size + added > DIAGRAM.nodes) break;
    chosen.push(path);
    path.forEach((id) => seen.add(id));
  }
  return chosen;
}

export function diagramBlock(g: SupplyGraph, rootId: string, riskIds: ReadonlySet<string>): Block | null {
  const paths = topPaths(g, rootId, riskIds);
  if (paths.length === 0) return null;
  const root = g.nodes.get(rootId)!;
  // Only the kinds the chosen paths pass through, in the walking order.
  const kinds = new Set(paths.flat().map((id) => g.nodes.get(id)!.kind));
  const columns = KIND_COLUMNS.filter((k) => kinds.has(k));
  const nodes: DiagramNode[] = [];
  const edges: { from: string; to: string }[] = [];
  const placed = new Set<string>();
  const linked = new Set<string>();
  for (const path of paths) {
    path.forEach((id, i) => {
      if (!placed.has(id)) {
        placed.add(id);
        const n = g.nodes.get(id)!;
        nodes.push({
          id,
          label: n.name,
          column: Math.max(0, columns.indexOf(n.kind as (typeof columns)[number])),
          emphasis: id === rootId ? 'root' : riskIds.has(id) ? 'risk' : undefined,
        });
      }
      const key = `${path[i - 1]}>${id}`;
      if (i > 0 && !linked.has(key)) {
        linked.add(key);
        edges.push({ from: path[i - 1]!, to: id });
      }
    });
  }
  return {
    type: 'figure',
    caption: `The top ${paths.length} dependency path${paths.length === 1 ? '' : 's'} below ${root.name}, through the most single points of failure (red) first.`,
    svg: dependencyDiagram({ title: `Dependency paths of ${root.name}`, columns: [...columns], nodes, edges }),
  };
}
