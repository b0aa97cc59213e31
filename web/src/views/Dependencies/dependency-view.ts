// Pure logic of the dependency view: the ranked rows, the drawn elements (layered, coloured by criticality, single
// points of failure badged), the collapse / "only critical" filters and the CSV export. No DOM, no Cytoscape:
// unit-tested in tests/dependency-view.test.ts.
import type { EntityKind } from '../../lib/graphql/types';
import type { CriticalItem, DepEdge, DepPath, DependencyViewData, SinglePointData } from './dependencies.types';
import { drawnEnds } from './dependency-graph';

/** A score at or above this is "critical" for the filter (single points of failure always are). */
export const CRITICAL_SCORE = 0.6;

export type Band = 'critical' | 'high' | 'medium' | 'low';
export const BANDS: readonly { band: Band; min: number; colour: string; label: string }[] = [
  { band: 'critical', min: 0.75, colour: '#b30000', label: 'Critical (0.75 and above)' },
  { band: 'high', min: CRITICAL_SCORE, colour: '#e34a33', label: `High (${CRITICAL_SCORE}–0.75)` },
  { band: 'medium', min: 0.4, colour: '#fc8d59', label: 'Medium (0.4–0.6)' },
  { band: 'low', min: 0, colour: '#fdcc8a', label: 'Low (below 0.4)' },
];

export function bandOf(score: number): (typeof BANDS)[number] {
  return BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1]!;
}

export interface Row {
  id: string;
  name: string;
  kind: EntityKind;
  level: number;
  score: number;
  capabilityCount: number;
  hhi: number | null;
  nonEuShare: number | null;
  euShare: number | null;
  unknownOriginShare: number | null;
  substitutability: number | null;
  trl: number | null;
  unknownSupply: boolean;
  criticalRawMaterial: boolean;
  spof: boolean;
  /** Its loss alone takes the capability itself (all enablers). */
  takesCapability: boolean;
  reason: string;
  item: CriticalItem | null;
  point: SinglePointData | null;
}

/** One row per node below the root, joined from the tree, the scores and the single points of failure. */
export function buildRows(data: DependencyViewData): Row[] {
  const items = new Map(data.criticalDependencies.items.map((i) => [i.node.id, i]));
  const points = new Map(data.singlePointsOfFailure.points.map((p) => [p.node.id, p]));
  const rootId = data.dependencyTree.root.id;
  return data.dependencyTree.nodes
    .filter((n) => n.id !== rootId)
    .map((n) => {
      const item = items.get(n.id) ?? null;
      const point = points.get(n.id) ?? null;
      return {
        id: n.id,
        name: n.name,
        kind: n.kind,
        level: n.level ?? 0,
        score: item?.score ?? 0,
        capabilityCount: item?.capabilityCount ?? 0,
        hhi: item?.hhi ?? null,
        nonEuShare: item?.nonEuShare ?? null,
        euShare: item?.euShare ?? null,
        unknownOriginShare: item?.unknownOriginShare ?? null,
        substitutability: item?.substitutability ?? null,
        trl: item?.trl ?? n.trl ?? null,
        unknownSupply: item?.unknownSupply ?? false,
        criticalRawMaterial: n.criticalRawMaterial === true,
        spof: point !== null,
        takesCapability: point?.capabilityLost ?? false,
        reason: point?.reason ?? '',
        item,
        point,
      };
    });
}

export type SortKey = 'score' | 'name' | 'kind' | 'level' | 'capabilityCount' | 'hhi' | 'nonEuShare' | 'substitutability' | 'trl' | 'spof';
export type SortDir = 'asc' | 'desc';

/** Sorted copy; missing values (null) always last, ties by score then name. */
export function sortRows(rows: readonly Row[], key: SortKey, dir: SortDir): Row[] {
  const value = (r: Row): number | string | null => (key === 'spof' ? (r.spof ? (r.takesCapability ? 2 : 1) : 0) : r[key]);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return (typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number)) * sign;
    return b.score - a.score || a.name.localeCompare(b.name);
  });
}

export const isCritical = (r: Row) => r.spof || r.score >= CRITICAL_SCORE;

export function maxLevelOf(data: DependencyViewData): number {
  return data.dependencyTree.nodes.reduce((m, n) => Math.max(m, n.level ?? 0), 0);
}

/**
 * The nodes to draw: the root and everything down to `maxLevel`; with `onlyCritical`, only critical nodes and the
 * nodes on the paths leading to them (so the drawing stays connected).
 */
export function visibleIds(data: DependencyViewData, rows: readonly Row[], options: { maxLevel: number; onlyCritical: boolean }): Set<string> {
  const level = new Map(data.dependencyTree.nodes.map((n) => [n.id, n.level ?? 0]));
  const within = (id: string) => (level.get(id) ?? Infinity) <= options.maxLevel;
  const rootId = data.dependencyTree.root.id;
  if (!options.onlyCritical) return new Set([...level.keys()].filter(within));
  const critical = new Set(rows.filter(isCritical).map((r) => r.id));
  const keep = new Set([rootId]);
  for (const p of data.dependencyTree.paths) {
    const end = p.nodeIds[p.nodeIds.length - 1]!;
    if (p.cycle || !critical.has(end) || !within(end)) continue;
    for (const id of p.nodeIds) keep.add(id);
  }
  return new Set([...keep].filter(within));
}

export { buildElements, drawnEnds, GROUP_ABOVE, type DrawOptions } from './dependency-graph';

/** The paths from the root to one node (without cycles), as names. */
export function pathsTo(data: DependencyViewData, id: string): DepPath[] {
  return data.dependencyTree.paths.filter((p) => !p.cycle && p.nodeIds[p.nodeIds.length - 1] === id);
}

/** The edges into a node as drawn (what leads to it), for its sources. */
export function edgesInto(data: DependencyViewData, id: string): DepEdge[] {
  return data.dependencyTree.edges.filter((e) => drawnEnds(e).target === id);
}

// ---- CSV ---------------------------------------------------------------------------------------------------------

const CSV_COLUMNS: { header: string; value: (r: Row, rank: number) => string | number | boolean | null }[] = [
  { header: 'rank', value: (_, i) => i + 1 },
  { header: 'id', value: (r) => r.id },
  { header: 'name', value: (r) => r.name },
  { header: 'kind', value: (r) => r.kind },
  { header: 'level', value: (r) => r.level },
  { header: 'score', value: (r) => r.score },
  { header: 'single point of failure', value: (r) => r.spof },
  { header: 'takes the capability', value: (r) => r.takesCapability },
  { header: 'capabilities', value: (r) => r.capabilityCount },
  { header: 'HHI', value: (r) => r.hhi },
  { header: 'non-EU share', value: (r) => r.nonEuShare },
  { header: 'EU share', value: (r) => r.euShare },
  { header: 'unknown origin share', value: (r) => r.unknownOriginShare },
  { header: 'substitutability', value: (r) => r.substitutability },
  { header: 'TRL', value: (r) => r.trl },
  { header: 'unknown supply', value: (r) => r.unknownSupply },
  { header: 'critical raw material', value: (r) => r.criticalRawMaterial },
  { header: 'reason', value: (r) => r.reason },
];

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV of the rows in the given order (CRLF line ends, a header row, empty cells for unknown values). */
export function rowsToCsv(rows: readonly Row[]): string {
  const lines = [CSV_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  rows.forEach((r, i) => lines.push(CSV_COLUMNS.map((c) => csvCell(c.value(r, i))).join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

export function csvFileName(rootId: string): string {
  return `dependencies-${rootId.replace(/[^a-z0-9-]+/gi, '-')}.csv`;
}
