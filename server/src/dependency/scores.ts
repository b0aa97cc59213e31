/**
 * Criticality scores of dependency nodes, with their explanation as data (see weights.ts for the formula and weights).
 * Pure: takes a SupplyGraph (fetch the whole graph so "capabilities reaching it" is portfolio-wide).
 */
import { effectiveShares, hhi, originShares, type EffectiveShare } from './shares.js';
import {
  countryOf,
  dependantsOf,
  isSuppliedKind,
  substitutesOf,
  suppliedItemsOf,
  suppliersIn,
  type SupplyGraph,
  type SupplyNode,
} from '../supply-graph/supply-graph.js';
import { lineageOf } from '../supply-graph/supply-graph.delta.js';
import { scoresToRedo } from './rescore.js';
import { capabilitiesReaching } from './walk.js';
import { FACTOR_KEYS, FACTOR_LABELS, REACH_SATURATION, SCORE_WEIGHTS, SUBSTITUTE_CREDIT, type FactorKey } from './weights.js';

export interface ScoreComponent {
  key: FactorKey;
  label: string;
  /** The measured value (a count, an HHI, a share, a TRL…); null when unknown or not applicable. */
  value: number | null;
  /** 0 (harmless) – 1 (critical); null when the factor does not apply to this node (it then has no weight). */
  factor: number | null;
  weight: number;
  /** weight · factor / Σ applicable weights: the components' contributions add up to the score. */
  contribution: number;
  note: string;
}

export interface CriticalityScore {
  node: SupplyNode;
  score: number;
  components: ScoreComponent[];
  capabilityIds: readonly string[];
  hhi: number | null;
  euShare: number | null;
  nonEuShare: number | null;
  unknownOriginShare: number | null;
  substitutability: number | null;
  hasSubstitute: boolean;
  trl: number | null;
  /** A component or material with no supplier data: scored at worst case and said so. */
  unknownSupply: boolean;
  suppliers: EffectiveShare[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Largest share of one item's supply that a supplier (or all suppliers in a country) holds. */
function largestHeldShare(g: SupplyGraph, node: SupplyNode): { share: number; itemId: string } | null {
  const suppliers = node.kind === 'Supplier' ? [node.id] : suppliersIn(g, node.id).map((e) => e.from);
  const held = new Map<string, number>();
  for (const supplierId of suppliers) {
    for (const e of suppliedItemsOf(g, supplierId)) {
      const share = effectiveShares(g, e.from).shares.find((s) => s.supplier.id === supplierId)?.share ?? 0;
      held.set(e.from, (held.get(e.from) ?? 0) + share);
    }
  }
  let best: { share: number; itemId: string } | null = null;
  for (const [itemId, share] of [...held].sort((a, b) => a[0].localeCompare(b[0]))) if (!best || share > best.share) best = { share: r3(share), itemId };
  return best;
}

function component(key: FactorKey, value: number | null, factor: number | null, note: string): ScoreComponent {
  return { key, label: FACTOR_LABELS[key], value, factor: factor === null ? null : r3(factor), weight: SCORE_WEIGHTS[key], contribution: 0, note };
}

export function scoreNode(g: SupplyGraph, node: SupplyNode, capabilityIds: readonly string[]): CriticalityScore {
  const out: CriticalityScore = {
    node,
    score: 0,
    components: [],
    capabilityIds,
    hhi: null,
    euShare: null,
    nonEuShare: null,
    unknownOriginShare: null,
    substitutability: null,
    hasSubstitute: false,
    trl: node.trl ?? null,
    unknownSupply: false,
    suppliers: [],
  };
  const n = capabilityIds.length;
  const comps: ScoreComponent[] = [
    component('reach', n, Math.min(1, n / REACH_SATURATION), `${n} capabilit${n === 1 ? 'y' : 'ies'} depend on it (full weight from ${REACH_SATURATION}).`),
  ];

  if (isSuppliedKind(node.kind)) {
    const b = effectiveShares(g, node.id);
    out.suppliers = b.shares;
    out.hhi = hhi(b);
    const origin = originShares(b);
    if (!b.known || !origin) {
      out.unknownSupply = true;
      comps.push(component('concentration', null, 1, 'Unknown supply: no supplier data, counted as fully concentrated.'));
      comps.push(component('nonEu', null, 1, 'Unknown supply: origin unknown, counted as outside the EU.'));
    } else {
      Object.assign(out, { euShare: origin.eu, nonEuShare: origin.nonEu, unknownOriginShare: origin.unknownOrigin });
      const est = b.estimated ? ' Some shares are not given by the sources and were split equally.' : '';
      comps.push(
        component(
          'concentration',
          out.hhi,
          out.hhi,
          `HHI ${out.hhi} over ${b.shares.length} supplier(s)${b.unattributed ? `, ${pct(b.unattributed)} of supply unattributed` : ''}.${est}`,
        ),
      );
      const outside = origin.nonEu + origin.unknownOrigin;
      comps.push(
        component(
          'nonEu',
          r3(outside),
          outside,
          `${pct(origin.nonEu)} outside the EU, ${pct(origin.eu)} ` +
            `inside${origin.unknownOrigin ? `, ${pct(origin.unknownOrigin)} of unknown origin (counted as outside)` : ''}.`,
        ),
      );
    }
  } else if (node.kind === 'Supplier' || node.kind === 'Country') {
    const held = largestHeldShare(g, node);
    comps.push(
      component(
        'concentration',
        held?.share ?? null,
        held?.share ?? null,
        held ? `Holds ${pct(held.share)} of the supply of ${g.nodes.get(held.itemId)?.name ?? held.itemId}.` : 'Supplies nothing in this graph.',
      ),
    );
    const country = node.kind === 'Country' ? node : countryOf(g, node.id);
    const eu = country?.eu;
    out.nonEuShare = eu === true ? 0 : eu === false ? 1 : null;
    comps.push(
      component(
        'nonEu',
        out.nonEuShare,
        eu === true ? 0 : 1,
        country
          ? `${country.name} is ${eu === true ? 'in' : eu === false ? 'outside' : 'of unknown status for'} the EU.`
          : 'No country mapped: counted as outside the EU.',
      ),
    );
  } else {
    comps.push(component('concentration', null, null, 'Not applicable: a technology has no suppliers of its own.'));
    comps.push(component('nonEu', null, null, 'Not applicable: see its components and materials.'));
  }

  if (node.kind === 'Technology' || isSuppliedKind(node.kind)) {
    out.hasSubstitute = substitutesOf(g, node.id).length > 0;
    const declared = dependantsOf(g, node.id).map((e) => e.substitutability);
    const s = Math.max(0, ...declared, out.hasSubstitute ? SUBSTITUTE_CREDIT : 0);
    out.substitutability = r3(s);
    const subs = substitutesOf(g, node.id).map((e) => g.nodes.get(e.from)?.name ?? e.from);
    comps.push(
      component(
        'substitutability',
        out.substitutability,
        1 - s,
        subs.length
          ? `Can be replaced by ${subs.join(', ')}; substitutability ${out.substitutability}.`
          : declared.length
            ? `Highest declared substitutability ${out.substitutability}; no substitute mapped.`
            : 'No substitutability declared.',
      ),
    );
  } else comps.push(component('substitutability', null, null, 'Not applicable: see concentration.'));

  if (node.kind === 'Technology' && typeof node.trl === 'number') comps.push(component('maturity', node.trl, (9 - node.trl) / 8, `TRL ${node.trl}.`));
  else comps.push(component('maturity', null, null, node.kind === 'Technology' ? 'TRL unknown: not scored.' : 'Not applicable.'));

  const total = comps.reduce((sum, c) => sum + (c.factor === null ? 0 : c.weight), 0);
  for (const c of comps) c.contribution = c.factor === null || total === 0 ? 0 : r3((c.weight * c.factor) / total);
  out.score = total === 0 ? 0 : r3(comps.reduce((sum, c) => sum + (c.factor === null ? 0 : c.weight * c.factor), 0) / total);
  out.components = FACTOR_KEYS.map((k) => comps.find((c) => c.key === k)!);
  return out;
}

/**
 * Scores the given nodes (default: every node except capabilities), most critical first (ties by id). Capability reach
 * is computed over the whole graph given, so pass the portfolio-wide graph for portfolio-wide counts.
 */
export function scoreNodes(g: SupplyGraph, nodeIds?: Iterable<string>): CriticalityScore[] {
  const ids = nodeIds ? [...nodeIds] : [...g.nodes.keys()];
  const score = scorer(g);
  return ids
    .map((id) => g.nodes.get(id))
    .filter((n): n is SupplyNode => !!n && n.kind !== 'Capability')
    .map(score)
    .sort((a, b) => b.score - a.score || a.node.id.localeCompare(b.node.id));
}

// Scores are kept per graph object (a memoised whole graph is ranked by many requests and roots); after a write the
// graph before hands over every score the write cannot have changed (rescore.ts).
const scored = new WeakMap<SupplyGraph, Map<string, CriticalityScore>>();
const redone = new WeakMap<SupplyGraph, { before: Map<string, CriticalityScore>; redo: ReadonlySet<string> } | null>();
const NO_CAPABILITIES: readonly string[] = [];

function scorer(g: SupplyGraph): (node: SupplyNode) => CriticalityScore {
  const reaching = capabilitiesReaching(g);
  let known = scored.get(g);
  if (!known) scored.set(g, (known = new Map()));
  let carried = redone.get(g);
  if (carried === undefined) {
    const lineage = lineageOf(g);
    const before = lineage && scored.get(lineage.prior);
    redone.set(g, (carried = before ? { before, redo: scoresToRedo(g, lineage.prior, lineage.changed) } : null));
  }
  return (node) => {
    const capabilityIds = reaching.get(node.id) ?? NO_CAPABILITIES;
    let s = known.get(node.id);
    if (s) return s;
    const old = carried?.redo.has(node.id) ? undefined : carried?.before.get(node.id);
    s = old && old.node === node && old.capabilityIds === capabilityIds ? old : scoreNode(g, node, capabilityIds);
    known.set(node.id, s);
    return s;
  };
}
