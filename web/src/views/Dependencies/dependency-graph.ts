// The dependency tree as drawn: left to right (capability → technologies → components and materials → suppliers →
// countries), each entity a box with its name inside, filled by criticality band. A large tree groups its suppliers
// per country ("China · 12 suppliers") instead of shrinking until nothing can be read; a click opens a country's
// group. Pure: unit-tested in tests/dependency-view.test.ts.
import type { EntityNodeData, LinkEdgeData, MapElement } from '../../lib/graph/elements';
import { boxed, pathsToRoot, textOn } from '../../lib/graph/layered';
import type { DepEdge, DependencyViewData } from './dependencies.types';
import { bandOf, type Row } from './dependency-view';

/** Above this many drawn entities the tree is summarised: suppliers grouped per country, deep levels collapsed. */
export const GROUP_ABOVE = 60;
/** A summarised tree shows at most about this many boxes at first: what fits at 11 px in a 1440×900 window. */
export const SUMMARY_BUDGET = 42;
/** A summary opens at most this many levels by itself (capability, technologies, their components): four columns
 * with the countries fit a 1440-pixel window at 11 px; deeper ones open on a click. */
export const MAX_AUTO_LEVEL = 2;

export interface DrawOptions {
  /** Summarise (group suppliers per country, collapse deep levels); by default when over GROUP_ABOVE entities. */
  group?: boolean;
  /** Entities the analyst opened: a collapsed item shows what it depends on, a country its suppliers. */
  expanded?: ReadonlySet<string>;
  /** The chosen entity: a summary opens the way to it, so choosing a row of the table always shows it drawn. */
  reveal?: string | null;
}

const DOWN_LABEL: Record<string, string> = {
  ENABLES: 'enabled by',
  DEPENDS_ON: 'depends on',
  SUBSTITUTES: 'replaceable by',
  SUPPLIED_BY: 'supplied by',
  LOCATED_IN: 'located in',
};

/** An edge as drawn: always pointing down the tree (ENABLES and SUBSTITUTES are drawn against their direction). */
export function drawnEnds(e: Pick<DepEdge, 'type' | 'from' | 'to'>): { source: string; target: string } {
  return e.type === 'ENABLES' || e.type === 'SUBSTITUTES' ? { source: e.to, target: e.from } : { source: e.from, target: e.to };
}

/** Longest distance from the root over the drawn edges, ignoring edges that close a cycle. */
function longestDepths(rootId: string, ids: Set<string>, edges: { source: string; target: string }[]): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const depth = new Map<string, number>([[rootId, 0]]);
  const onStack = new Set<string>();
  const visit = (id: string, d: number) => {
    depth.set(id, d);
    onStack.add(id);
    for (const t of out.get(id) ?? []) if (ids.has(t) && !onStack.has(t) && (depth.get(t) ?? -1) < d + 1) visit(t, d + 1);
    onStack.delete(id);
  };
  visit(rootId, 0);
  return depth;
}

type NodeData = EntityNodeData & { fill?: string; w: number; h: number; text: string };
type EdgeData = LinkEdgeData & { minLen?: number };
type Drawn = { e: DepEdge; source: string; target: string };

/**
 * What a summarised tree shows: everything down to `autoLevel`, and below that only what opened entities lead to.
 * Returns the shown ids and, per shown entity, how many entities below it stay hidden.
 */
export function collapseTree(
  rootId: string,
  drawn: readonly Drawn[],
  levelOf: (id: string) => number,
  autoLevel: number,
  open: ReadonlySet<string>,
): { shown: Set<string>; hiddenBelow: Map<string, number> } {
  const children = new Map<string, string[]>();
  for (const d of drawn) children.set(d.source, [...(children.get(d.source) ?? []), d.target]);
  const shown = new Set([rootId]);
  const queue = [rootId];
  while (queue.length) {
    const id = queue.shift()!;
    if (levelOf(id) >= autoLevel && !open.has(id)) continue;
    for (const c of children.get(id) ?? [])
      if (!shown.has(c)) {
        shown.add(c);
        queue.push(c);
      }
  }
  const hiddenBelow = new Map<string, number>();
  for (const id of shown) {
    const seen = new Set<string>();
    const stack = [...(children.get(id) ?? [])];
    while (stack.length) {
      const c = stack.pop()!;
      if (shown.has(c) || seen.has(c)) continue;
      seen.add(c);
      stack.push(...(children.get(c) ?? []));
    }
    if (seen.size) hiddenBelow.set(id, seen.size);
  }
  return { shown, hiddenBelow };
}

/** Suppliers folded into their country (supplier → country), unless the analyst opened that country. */
function foldSuppliers(drawn: readonly Drawn[], shown: ReadonlySet<string>, open: ReadonlySet<string>): Map<string, string> {
  const folded = new Map<string, string>();
  for (const d of drawn) {
    if (d.e.type !== 'LOCATED_IN' || !shown.has(d.source) || folded.has(d.source) || open.has(d.target)) continue;
    folded.set(d.source, d.target);
  }
  return folded;
}

/** How many boxes a summary at `autoLevel` draws (countries count once, however many suppliers they group). */
function summarySize(rootId: string, drawn: readonly Drawn[], levelOf: (id: string) => number, autoLevel: number, open: ReadonlySet<string>): number {
  const { shown } = collapseTree(rootId, drawn, levelOf, autoLevel, open);
  const folded = foldSuppliers(drawn, shown, open);
  const countries = new Set(folded.values());
  return [...shown].filter((id) => !folded.has(id)).length + [...countries].filter((c) => !shown.has(c)).length;
}

/**
 * Cytoscape elements for the visible nodes: boxes filled by criticality band, single points of failure badged ("⚠"
 * in the label and class "badged"), unknown supply marked "(?)", suppliers and countries lined up in the two last
 * columns (edge data.minLen, read by the layered layout). A summary (options.group) collapses levels below the
 * deepest that fits SUMMARY_BUDGET ("+12 below ▸" on the box) and folds suppliers into their country ("China ·
 * 3 suppliers ▸"); entities in options.expanded are opened.
 */
export function buildElements(data: DependencyViewData, rows: readonly Row[], visible: Set<string>, options: DrawOptions = {}): MapElement[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const root = data.dependencyTree.root;
  const kindOf = new Map(data.dependencyTree.nodes.map((n) => [n.id, n.kind]));
  const levelMap = new Map(data.dependencyTree.nodes.map((n) => [n.id, n.level ?? 0]));
  const levelOf = (id: string) => levelMap.get(id) ?? 0;
  let drawn: Drawn[] = data.dependencyTree.edges.filter((e) => visible.has(e.from) && visible.has(e.to)).map((e) => ({ e, ...drawnEnds(e) }));
  const group = options.group ?? visible.size > GROUP_ABOVE;
  const open = new Set(options.expanded ?? []);
  if (group && options.reveal && visible.has(options.reveal)) {
    // Open every entity above the chosen one (and its country, for a supplier), but not the chosen one itself.
    const up = pathsToRoot(
      drawn.map((d) => ({ id: d.e.id, source: d.source, target: d.target })),
      options.reveal,
    );
    for (const id of up.nodes) if (id !== options.reveal) open.add(id);
    for (const d of drawn) if (d.e.type === 'LOCATED_IN' && d.source === options.reveal) open.add(d.target);
  }

  let shown: Set<string> = visible;
  let hiddenBelow = new Map<string, number>();
  let folded = new Map<string, string>();
  if (group) {
    // A summary keeps to the links from one level to the next, so its columns are the levels (a link that skips
    // a level or returns to one would add columns, and every column costs zoom). Supply links are kept: they
    // line up on the right through minLen.
    drawn = drawn.filter((d) => d.e.type === 'SUPPLIED_BY' || d.e.type === 'LOCATED_IN' || levelOf(d.target) === levelOf(d.source) + 1);
    const deepest = Math.min(MAX_AUTO_LEVEL, Math.max(0, ...[...visible].map(levelOf)));
    let autoLevel = 1;
    for (let l = deepest; l >= 1; l--) {
      if (summarySize(root.id, drawn, levelOf, l, open) <= SUMMARY_BUDGET) {
        autoLevel = l;
        break;
      }
    }
    ({ shown, hiddenBelow } = collapseTree(root.id, drawn, levelOf, autoLevel, open));
    folded = foldSuppliers(drawn, shown, open);
    // A shown supplier always shows its country: folded into it, or beside it when the country is opened.
    for (const d of drawn) if (d.e.type === 'LOCATED_IN' && shown.has(d.source)) shown.add(d.target);
  }
  const foldedCount = new Map<string, number>();
  for (const country of folded.values()) foldedCount.set(country, (foldedCount.get(country) ?? 0) + 1);
  const countryHasSuppliers = new Set(drawn.filter((d) => d.e.type === 'LOCATED_IN' && shown.has(d.source)).map((d) => d.target));

  const nodes: MapElement[] = data.dependencyTree.nodes
    .filter((n) => shown.has(n.id) && !folded.has(n.id))
    .map((n) => {
      const row = byId.get(n.id);
      let label = `${row?.spof ? '⚠ ' : ''}${n.name}${row?.unknownSupply ? ' (?)' : ''}`;
      const grouped = foldedCount.get(n.id);
      const below = n.kind === 'Country' ? 0 : (hiddenBelow.get(n.id) ?? 0);
      if (grouped) label += ` · ${grouped} supplier${grouped === 1 ? '' : 's'} ▸`;
      else if (group && countryHasSuppliers.has(n.id)) label += ' ▾';
      else if (below) label += ` +${below} ▸`;
      else if (group && open.has(n.id)) label += ' ▾';
      const classes = ['boxed', n.id === root.id ? 'centre' : '', row?.spof ? 'badged' : '', grouped || below ? 'group' : ''].filter(Boolean).join(' ');
      const fill = row ? bandOf(row.score).colour : '#e8f3ec';
      // `fill`, `w`, `h` and `text` are read by the shared stylesheet (node.boxed).
      const nodeData: NodeData = { id: n.id, kind: n.kind, ...boxed(label), text: textOn(fill) };
      if (row) nodeData.fill = fill;
      return { group: 'nodes', data: nodeData, classes } satisfies MapElement;
    });

  // Links into a folded supplier now go to its country, once per item and country.
  const edgesOut: { id: string; source: string; target: string; type: string }[] = [];
  const seen = new Set<string>();
  for (const { e, source, target } of drawn) {
    if (!shown.has(source) || !shown.has(target) || folded.has(source)) continue; // a folded supplier's LOCATED_IN is the fold itself
    if (folded.has(target)) {
      const country = folded.get(target)!;
      const id = `${source}|SUPPLIED_FROM|${country}`;
      if (!seen.has(id)) edgesOut.push({ id, source, target: country, type: e.type });
      seen.add(id);
    } else edgesOut.push({ id: e.id, source, target, type: e.type });
  }

  const present = new Set(nodes.map((n) => n.data.id));
  const isSupply = (id: string) => kindOf.get(id) === 'Supplier' || kindOf.get(id) === 'Country';
  const depth = longestDepths(
    root.id,
    present,
    edgesOut.filter((d) => !isSupply(d.target)),
  );
  const itemsBottom = Math.max(0, ...[...present].filter((id) => !isSupply(id)).map((id) => depth.get(id) ?? 0));
  const suppliersShown = [...present].some((id) => kindOf.get(id) === 'Supplier');
  const supplierColumn = itemsBottom + 1;
  const countryColumn = itemsBottom + (suppliersShown ? 2 : 1);

  const edges: MapElement[] = edgesOut.map(({ id, source, target, type }) => {
    const fold = id.includes('|SUPPLIED_FROM|');
    const edgeData: EdgeData = { id, source, target, type, label: fold ? 'supplied from' : (DOWN_LABEL[type] ?? type.toLowerCase()) };
    const from = depth.get(source) ?? itemsBottom;
    // Suppliers one column right of the deepest item, countries right of them.
    if (type === 'SUPPLIED_BY') edgeData.minLen = Math.max(1, (fold ? countryColumn : supplierColumn) - from);
    if (type === 'LOCATED_IN') edgeData.minLen = 1;
    return { group: 'edges', data: edgeData } satisfies MapElement;
  });
  return [...nodes, ...edges];
}
