/**
 * A terse builder for hand-made supply graphs, used by unit tests (here and in the scenario engine) and docs examples:
 *   const g = graphOf((b) => { b.cap('cap:a'); b.tech('tech:t', { trl: 7 }); b.enables('tech:t', 'cap:a'); … });
 * Ids are used as names. Suppliers take their country id, which adds the LOCATED_IN edge.
 */
import type { SupplyGraphWithOutlook } from '../../server/src/supply-graph/outlook.js';
import type { SupplyGraphDelta, SupplyGraphRow } from '../../server/src/supply-graph/supply-graph.delta.js';
import { supplyGraphFromRows } from '../../server/src/supply-graph/supply-graph.repository.js';
import { supplyGraph, type SupplyEdge, type SupplyGraph, type SupplyNode } from '../../server/src/supply-graph/supply-graph.js';

export class GraphBuilder {
  readonly nodes: SupplyNode[] = [];
  readonly edges: SupplyEdge[] = [];

  cap(id: string) {
    this.nodes.push({ id, kind: 'Capability', name: id });
    return this;
  }
  tech(id: string, opts: { trl?: number | null; ketAreas?: { id: string; name: string }[] } = {}) {
    this.nodes.push({ id, kind: 'Technology', name: id, trl: opts.trl ?? null, ketAreas: opts.ketAreas ?? [] });
    return this;
  }
  comp(id: string) {
    this.nodes.push({ id, kind: 'Component', name: id });
    return this;
  }
  mat(id: string, criticalRawMaterial = false) {
    this.nodes.push({ id, kind: 'Material', name: id, criticalRawMaterial });
    return this;
  }
  country(id: string, eu: boolean) {
    this.nodes.push({ id, kind: 'Country', name: id, eu, iso2: id.slice(-2).toUpperCase() });
    return this;
  }
  sup(id: string, countryId?: string) {
    this.nodes.push({ id, kind: 'Supplier', name: id });
    if (countryId) this.edges.push({ type: 'LOCATED_IN', from: id, to: countryId, sourceIds: [] });
    return this;
  }
  enables(tech: string, cap: string, strength = 1) {
    this.edges.push({ type: 'ENABLES', from: tech, to: cap, strength, sourceIds: [] });
    return this;
  }
  dep(from: string, to: string, criticality = 1, substitutability = 0) {
    this.edges.push({ type: 'DEPENDS_ON', from, to, criticality, substitutability, sourceIds: [] });
    return this;
  }
  /** `x` can replace `y`. */
  subst(x: string, y: string) {
    this.edges.push({ type: 'SUBSTITUTES', from: x, to: y, sourceIds: [] });
    return this;
  }
  supplied(item: string, supplier: string, share: number | null = null) {
    this.edges.push({ type: 'SUPPLIED_BY', from: item, to: supplier, share, sourceIds: [] });
    return this;
  }
  build(): SupplyGraph {
    return supplyGraph({ nodes: this.nodes, edges: this.edges });
  }
}

export function graphOf(make: (b: GraphBuilder) => void): SupplyGraph {
  const b = new GraphBuilder();
  make(b);
  return b.build();
}

const nodeRow = (n: SupplyNode): SupplyGraphRow => ({ kind: n.kind, props: { ...n }, ketAreas: n.ketAreas ?? null, type: null, from: null, to: null });
const edgeRow = (e: SupplyEdge): SupplyGraphRow => ({ kind: null, props: { ...e }, ketAreas: null, type: e.type, from: e.from, to: e.to });

/** The builder's graph as the repository builds it (every field through toSupplyNode / toSupplyEdge), for delta tests. */
export function fetchedGraphOf(make: (b: GraphBuilder) => void): SupplyGraphWithOutlook {
  const g = graphOf(make);
  return supplyGraphFromRows([...[...g.nodes.values()].map(nodeRow), ...g.edges.map(edgeRow)]);
}

/** What CHANGES_QUERY reads after a write that touched `touched`: their nodes in `after` and every link touching them. */
export function deltaTo(after: SupplyGraph, touched: string[]): SupplyGraphDelta {
  const ids = new Set(touched);
  const nodes = touched.flatMap((id) => (after.nodes.has(id) ? [nodeRow(after.nodes.get(id)!)] : []));
  return { touched, rows: [...nodes, ...after.edges.filter((e) => ids.has(e.from) || ids.has(e.to)).map(edgeRow)] };
}
