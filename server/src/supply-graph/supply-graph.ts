/**
 * The supply graph: a plain in-memory copy of the part of the map the dependency analysis (and the scenario engine)
 * reasons about. No GraphQL, no I/O — build it with `buildSupplyGraph(rows)` from what `supply-graph.repository.ts` fetches
 * (one Cypher round trip), or by hand in tests with `supplyGraph({ nodes, edges })`.
 *
 * Nodes: Capability, Technology, Component, Material, Supplier, Country (other kinds are ignored).
 * Edges keep their direction as stored in Neo4j and their attributes:
 *   (Technology)-[:ENABLES {strength}]->(Capability)
 *   (Technology|Component)-[:DEPENDS_ON {criticality, substitutability}]->(Technology|Component|Material)
 *   (X)-[:SUBSTITUTES]->(Y)          X can replace Y in its uses (so Y's substitutes are Y's *incoming* SUBSTITUTES)
 *   (Component|Material)-[:SUPPLIED_BY {share 0–1 or null, year, basis}]->(Supplier)
 *   (Supplier)-[:LOCATED_IN]->(Country {eu, iso2})
 *
 * Edges to or from a node that is not in `nodes` are dropped by the builder, so a partial fetch never dangles.
 * The accessors below (`enablersOf`, `dependenciesOf`, `substitutesOf`, `suppliersOf`, `countryOf`) are the only way the
 * analysis walks the graph; each returns edges sorted by the far end's id, so every result is deterministic.
 */

export const SUPPLY_KINDS = ['Capability', 'Technology', 'Component', 'Material', 'Supplier', 'Country'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

export interface SupplyNode {
  id: string;
  kind: SupplyKind;
  name: string;
  /** Technology readiness level (Technology only), null when unknown. */
  trl?: number | null;
  /** Country only: an EU member state. */
  eu?: boolean | null;
  iso2?: string | null;
  /** Material only: on the EU critical raw materials list. */
  criticalRawMaterial?: boolean | null;
  /** Technology only: its KET areas (for the sovereignty report). */
  ketAreas?: { id: string; name: string }[];
  sourceIds?: string[];
}

interface EdgeBase {
  from: string;
  to: string;
  sourceIds: string[];
}
export interface EnablesEdge extends EdgeBase {
  type: 'ENABLES';
  strength: number;
  rationale?: string | null;
}
export interface DependsOnEdge extends EdgeBase {
  type: 'DEPENDS_ON';
  criticality: number;
  substitutability: number;
  rationale?: string | null;
}
export interface SubstitutesEdge extends EdgeBase {
  type: 'SUBSTITUTES';
  rationale?: string | null;
}
export interface SuppliedByEdge extends EdgeBase {
  type: 'SUPPLIED_BY';
  /** Share of the item's supply, 0–1; null when the source gives none. */
  share: number | null;
  year?: number | null;
  basis?: string | null;
}
export interface LocatedInEdge extends EdgeBase {
  type: 'LOCATED_IN';
}
export type SupplyEdge = EnablesEdge | DependsOnEdge | SubstitutesEdge | SuppliedByEdge | LocatedInEdge;
export type SupplyEdgeType = SupplyEdge['type'];
export const SUPPLY_EDGE_TYPES: readonly SupplyEdgeType[] = ['ENABLES', 'DEPENDS_ON', 'SUBSTITUTES', 'SUPPLIED_BY', 'LOCATED_IN'];

/**
 * How many levels of substitutes the subgraph below a root holds (a substitute, its dependencies' substitutes, …):
 * fetched so by supply-graph.repository.ts SUBGRAPH_QUERY, cut so from memory by subgraph.ts.
 */
export const SUBSTITUTE_ROUNDS = 3;

/** Read only once built: graphs are shared by requests, and a graph after a write shares parts of the one before. */
export interface SupplyGraph {
  nodes: ReadonlyMap<string, SupplyNode>;
  edges: SupplyEdge[];
  /** Outgoing and incoming edges per node id, each list sorted by (type, far end id). */
  out: ReadonlyMap<string, SupplyEdge[]>;
  in: ReadonlyMap<string, SupplyEdge[]>;
}

// The default collation, as String.prototype.localeCompare uses it, without building it again on every call.
const collate = new Intl.Collator().compare;

/** Assembles a graph from nodes and edges (hand-made in tests, or rows from the repository). */
export function supplyGraph(input: { nodes: SupplyNode[]; edges: SupplyEdge[] }): SupplyGraph {
  const nodes = new Map<string, SupplyNode>();
  for (const n of input.nodes) nodes.set(n.id, n);
  const seen = new Set<string>();
  const edges: SupplyEdge[] = [];
  for (const e of input.edges) {
    const key = `${e.from}|${e.type}|${e.to}`;
    if (!nodes.has(e.from) || !nodes.has(e.to) || seen.has(key)) continue;
    seen.add(key);
    edges.push(e);
  }
  const out = new Map<string, SupplyEdge[]>();
  const inn = new Map<string, SupplyEdge[]>();
  for (const id of nodes.keys()) {
    out.set(id, []);
    inn.set(id, []);
  }
  for (const e of edges) {
    out.get(e.from)!.push(e);
    inn.get(e.to)!.push(e);
  }
  // Sorted by (type, far end id) in the collation order localeCompare gives, but computed once: the ids are ranked with
  // one sort, then every list sorts by numbers (hundreds of thousands of edges at 100k entities).
  const rank = new Map<string, number>();
  [...nodes.keys()].sort(collate).forEach((id, i) => rank.set(id, i));
  const typeRank = new Map([...SUPPLY_EDGE_TYPES].sort(collate).map((t, i) => [t, i] as const));
  const order = (far: 'to' | 'from') => (a: SupplyEdge, b: SupplyEdge) =>
    a.type === b.type ? rank.get(a[far])! - rank.get(b[far])! : typeRank.get(a.type)! - typeRank.get(b.type)!;
  const byTo = order('to');
  const byFrom = order('from');
  for (const list of out.values()) if (list.length > 1) list.sort(byTo);
  for (const list of inn.values()) if (list.length > 1) list.sort(byFrom);
  return { nodes, edges, out, in: inn };
}

// ---- rows from Cypher -------------------------------------------------------------------------------------------

/** A node as the repository returns it: its kind and its properties. */
export interface NodeRow {
  kind: string;
  props: Record<string, unknown>;
  ketAreas?: { id: string; name: string }[] | null;
}
/** A relationship as the repository returns it. */
export interface EdgeRow {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const optNum = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const NO_IDS: string[] = [];
const strList = (v: unknown): string[] => (Array.isArray(v) && v.length ? v.filter((x): x is string => typeof x === 'string') : NO_IDS);

export function toSupplyNode(row: NodeRow): SupplyNode | null {
  if (!(SUPPLY_KINDS as readonly string[]).includes(row.kind)) return null;
  const p = row.props;
  const node: SupplyNode = { id: String(p.id), kind: row.kind as SupplyKind, name: String(p.name ?? p.id) };
  if (row.kind === 'Technology') {
    node.trl = optNum(p.trl);
    node.ketAreas = (row.ketAreas ?? []).filter((k) => k && k.id).sort((a, b) => collate(a.id, b.id));
  }
  if (row.kind === 'Country') {
    node.eu = typeof p.eu === 'boolean' ? p.eu : null;
    node.iso2 = optStr(p.iso2);
  }
  if (row.kind === 'Material') node.criticalRawMaterial = typeof p.criticalRawMaterial === 'boolean' ? p.criticalRawMaterial : null;
  return node;
}

export function toSupplyEdge(row: EdgeRow): SupplyEdge | null {
  const p = row.props;
  const { from, to } = row;
  // Object literals without spreads: one allocation per edge, with the same shape for every edge of a type.
  switch (row.type) {
    case 'ENABLES':
      return { from, to, sourceIds: strList(p.sourceIds), type: 'ENABLES', strength: num(p.strength, 1), rationale: optStr(p.rationale) };
    case 'DEPENDS_ON':
      return {
        from,
        to,
        sourceIds: strList(p.sourceIds),
        type: 'DEPENDS_ON',
        criticality: num(p.criticality, 1),
        substitutability: num(p.substitutability, 0),
        rationale: optStr(p.rationale),
      };
    case 'SUBSTITUTES':
      return { from, to, sourceIds: strList(p.sourceIds), type: 'SUBSTITUTES', rationale: optStr(p.rationale) };
    case 'SUPPLIED_BY':
      return { from, to, sourceIds: strList(p.sourceIds), type: 'SUPPLIED_BY', share: optNum(p.share), year: optNum(p.year), basis: optStr(p.basis) };
    case 'LOCATED_IN':
      return { from, to, sourceIds: strList(p.sourceIds), type: 'LOCATED_IN' };
    default:
      return null;
  }
}

/** Builds the graph from repository rows; rows of other kinds or types are skipped. */
export function buildSupplyGraph(rows: { nodes: NodeRow[]; edges: EdgeRow[] }): SupplyGraph {
  return supplyGraph({
    nodes: rows.nodes.map(toSupplyNode).filter((n): n is SupplyNode => n !== null),
    edges: rows.edges.map(toSupplyEdge).filter((e): e is SupplyEdge => e !== null),
  });
}

// ---- walking ------------------------------------------------------------------------------------------------------

function edgesOf<T extends SupplyEdge>(list: SupplyEdge[] | undefined, type: T['type']): T[] {
  return (list ?? []).filter((e): e is T => e.type === type);
}

/** ENABLES edges into a capability (from its enabling technologies). */
export const enablersOf = (g: SupplyGraph, capabilityId: string) => edgesOf<EnablesEdge>(g.in.get(capabilityId), 'ENABLES');
/** ENABLES edges out of a technology (to the capabilities it enables). */
export const enabledBy = (g: SupplyGraph, technologyId: string) => edgesOf<EnablesEdge>(g.out.get(technologyId), 'ENABLES');
/** DEPENDS_ON edges out of a technology or component. */
export const dependenciesOf = (g: SupplyGraph, id: string) => edgesOf<DependsOnEdge>(g.out.get(id), 'DEPENDS_ON');
/** DEPENDS_ON edges into a node (from what depends on it). */
export const dependantsOf = (g: SupplyGraph, id: string) => edgesOf<DependsOnEdge>(g.in.get(id), 'DEPENDS_ON');
/** SUBSTITUTES edges into a node: `e.from` can replace it. */
export const substitutesOf = (g: SupplyGraph, id: string) => edgesOf<SubstitutesEdge>(g.in.get(id), 'SUBSTITUTES');
/** SUPPLIED_BY edges out of a component or material. */
export const suppliersOf = (g: SupplyGraph, id: string) => edgesOf<SuppliedByEdge>(g.out.get(id), 'SUPPLIED_BY');
/** SUPPLIED_BY edges into a supplier (the items it supplies). */
export const suppliedItemsOf = (g: SupplyGraph, supplierId: string) => edgesOf<SuppliedByEdge>(g.in.get(supplierId), 'SUPPLIED_BY');
/** LOCATED_IN edges into a country (from its suppliers). */
export const suppliersIn = (g: SupplyGraph, countryId: string) => edgesOf<LocatedInEdge>(g.in.get(countryId), 'LOCATED_IN');

/** The country a supplier is located in (the first by id if several are mapped), or undefined. */
export function countryOf(g: SupplyGraph, supplierId: string): SupplyNode | undefined {
  const edge = edgesOf<LocatedInEdge>(g.out.get(supplierId), 'LOCATED_IN')[0];
  return edge ? g.nodes.get(edge.to) : undefined;
}

/** Components and materials are bought from suppliers; their supply can be known or unknown. */
export const isSuppliedKind = (kind: SupplyKind) => kind === 'Component' || kind === 'Material';

export function capabilityIds(g: SupplyGraph): string[] {
  return [...g.nodes.values()]
    .filter((n) => n.kind === 'Capability')
    .map((n) => n.id)
    .sort();
}
