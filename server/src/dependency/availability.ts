/**
 * AVAILABILITY SEMANTICS — stated once, used by the dependency analysis and the scenario engine alike.
 *
 * The supply graph is read as a fault tree. Given a set `removed` of node ids that are lost (any kind: a technology, a
 * component, a material, a supplier, or a country — cutting a country cuts every supplier located in it), each node
 * gets one of three statuses, ordered unavailable < unknown < available:
 *
 *   Country      available unless removed.
 *   Supplier     unavailable if removed; otherwise available while ANY of its countries is (a supplier with no mapped
 *                country is available unless removed).
 *   supply(X)    for a Component or Material X: ANY of its suppliers (OR) — suppliers with a declared share of 0 do not
 *                count. With no SUPPLIED_BY at all the supply is `unknown` ("unknown supply": never assumed safe).
 *                How much supply is left, each supplier weighted by its share, is `supplyShare` below.
 *   requirement  one DEPENDS_ON edge X→D with criticality > 0 is met while D is available OR any direct substitute of
 *                D is (S with (S)-[:SUBSTITUTES]->(D); substitutes are not chained: a substitute of S does not count
 *                for D). Edges with criticality 0 are informational and required by nothing.
 *   Technology   unavailable if removed; otherwise ALL its requirements (AND). No dependencies → available.
 *   Component    unavailable if removed; otherwise ALL its requirements AND its supply.
 *   Material     unavailable if removed; otherwise ALL its requirements (usually none) AND its supply.
 *   Capability   unavailable if removed; otherwise ANY enabling technology (OR) over ENABLES links with strength > 0,
 *                whatever the strength. A capability with no enabler mapped is `unknown`.
 *
 * AND is the minimum and OR the maximum of the statuses (Kleene logic: AND(available, unknown) = unknown,
 * OR(unavailable, unknown) = unknown). `isAvailable` answers "not shown to be lost" (status ≠ unavailable); use
 * `availability` for the three-valued answer.
 *
 * CYCLES (A depends on B, B depends on A): the result is the greatest fixed point of the equations above. Evaluation
 * starts from "everything available" and lowers statuses until nothing changes, so it always terminates (each node can
 * drop at most twice) and never recurses. In path terms: a node met again on its own dependency path counts as
 * available — a cycle neither causes nor prevents a loss by itself; only something outside it (or a member that is
 * removed) can make its members unavailable.
 *
 * Evaluate once per `removed` set with `evaluateAvailability` and read many statuses from the returned map; the
 * single-node helpers re-evaluate each call.
 */
import { effectiveShares } from './shares.js';
import {
  dependantsOf,
  dependenciesOf,
  enabledBy,
  enablersOf,
  substitutesOf,
  suppliersOf,
  type DependsOnEdge,
  type SupplyEdge,
  type SupplyGraph,
} from '../supply-graph/supply-graph.js';

export type Status = 'available' | 'unknown' | 'unavailable';
const RANK: Record<Status, number> = { unavailable: 0, unknown: 1, available: 2 };
const BY_RANK: Status[] = ['unavailable', 'unknown', 'available'];

/** Kleene AND: the worst of the statuses (available for none). */
export function allOf(statuses: Iterable<Status>): Status {
  let rank = 2;
  for (const s of statuses) rank = Math.min(rank, RANK[s]);
  return BY_RANK[rank]!;
}
/** Kleene OR: the best of the statuses (unavailable for none). */
export function anyOf(statuses: Iterable<Status>): Status {
  let rank = 0;
  for (const s of statuses) rank = Math.max(rank, RANK[s]);
  return BY_RANK[rank]!;
}

export type StatusMap = Map<string, Status>;
const read = (m: StatusMap, id: string): Status => m.get(id) ?? 'available';

/** Whether one DEPENDS_ON edge is a requirement at all (criticality > 0). */
export const isRequirement = (e: DependsOnEdge) => e.criticality > 0;

/** Status of one requirement: the dependency, or any of its direct substitutes. */
export function requirementStatus(g: SupplyGraph, edge: DependsOnEdge, status: StatusMap): Status {
  return anyOf([read(status, edge.to), ...substitutesOf(g, edge.to).map((s) => read(status, s.from))]);
}

/** The supply part of a component or material: unknown without supplier data, else OR over its suppliers. */
export function supplyStatus(g: SupplyGraph, itemId: string, status: StatusMap): Status {
  const edges = suppliersOf(g, itemId);
  if (edges.length === 0) return 'unknown';
  return anyOf(edges.filter((e) => e.share !== 0).map((e) => read(status, e.to)));
}

/** One node's status from its neighbours' current statuses (one step of the fixed-point iteration). */
function localStatus(g: SupplyGraph, id: string, removed: ReadonlySet<string>, status: StatusMap): Status {
  if (removed.has(id)) return 'unavailable';
  const node = g.nodes.get(id);
  if (!node) return 'unknown';
  const requirements = () =>
    dependenciesOf(g, id)
      .filter(isRequirement)
      .map((e) => requirementStatus(g, e, status));
  switch (node.kind) {
    case 'Country':
      return 'available';
    case 'Supplier': {
      const countries = (g.out.get(id) ?? []).filter((e) => e.type === 'LOCATED_IN');
      return countries.length === 0 ? 'available' : anyOf(countries.map((e) => read(status, e.to)));
    }
    case 'Technology':
      return allOf(requirements());
    case 'Component':
    case 'Material':
      return allOf([...requirements(), supplyStatus(g, id, status)]);
    case 'Capability': {
      const enablers = enablersOf(g, id).filter((e) => e.strength > 0);
      return enablers.length === 0 ? 'unknown' : anyOf(enablers.map((e) => read(status, e.from)));
    }
  }
}

/** The nodes whose status is computed from `id`'s status: re-examined when it drops. */
function readersOf(g: SupplyGraph, id: string): string[] {
  const readers: string[] = [];
  for (const e of g.in.get(id) ?? ([] as SupplyEdge[])) {
    if (e.type === 'DEPENDS_ON' || e.type === 'SUPPLIED_BY' || e.type === 'LOCATED_IN') readers.push(e.from);
  }
  for (const e of enabledBy(g, id)) readers.push(e.to);
  // id substitutes D: whatever depends on D reads id's status too.
  for (const e of g.out.get(id) ?? []) if (e.type === 'SUBSTITUTES') for (const d of dependantsOf(g, e.to)) readers.push(d.from);
  return readers;
}

/**
 * Every node's status with `removed` lost: the greatest fixed point, by a worklist that only ever lowers statuses.
 * Cost O(edges) per status drop; safe on cycles.
 */
export function evaluateAvailability(g: SupplyGraph, removed: ReadonlySet<string> = new Set()): StatusMap {
  const status: StatusMap = new Map();
  for (const id of g.nodes.keys()) status.set(id, 'available');
  const queue = [...g.nodes.keys()];
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    queued.delete(id);
    const next = localStatus(g, id, removed, status);
    if (RANK[next] < RANK[status.get(id)!]) {
      status.set(id, next);
      for (const r of readersOf(g, id)) {
        if (!queued.has(r)) {
          queued.add(r);
          queue.push(r);
        }
      }
    }
  }
  return status;
}

/** Three-valued status of one node with `removed` lost. */
export function availability(g: SupplyGraph, nodeId: string, removed: ReadonlySet<string> = new Set()): Status {
  return evaluateAvailability(g, removed).get(nodeId) ?? 'unknown';
}

/** "Not shown to be lost": true for available and for unknown (e.g. unknown supply), false for unavailable. */
export function isAvailable(g: SupplyGraph, nodeId: string, removed: ReadonlySet<string> = new Set()): boolean {
  return availability(g, nodeId, removed) !== 'unavailable';
}

export interface SupplyShare {
  /** Share of the item's supply from suppliers still available (each weighted by its effective share). */
  available: number;
  /** Share from suppliers that are lost. */
  lost: number;
  /** Share from no named supplier, plus any supplier whose status is unknown. */
  unknown: number;
}

/**
 * How much of a component's or material's supply remains under a status map (from `evaluateAvailability`), each
 * supplier counted by its effective share (see shares.ts); null for unknown supply. This is "each supplier by its share":
 * the item stays available (OR) while any supplier does, but a scenario can report that only 8 % of supply is left.
 */
export function supplyShare(g: SupplyGraph, itemId: string, status: StatusMap): SupplyShare | null {
  const breakdown = effectiveShares(g, itemId);
  if (!breakdown.known) return null;
  const out: SupplyShare = { available: 0, lost: 0, unknown: breakdown.unattributed };
  for (const s of breakdown.shares) {
    const st = read(status, s.supplier.id);
    if (st === 'available') out.available += s.share;
    else if (st === 'unavailable') out.lost += s.share;
    else out.unknown += s.share;
  }
  const r = (x: number) => Math.round(x * 1e9) / 1e9;
  return { available: r(out.available), lost: r(out.lost), unknown: r(out.unknown) };
}
