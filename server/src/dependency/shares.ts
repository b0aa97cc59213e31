/**
 * Supply shares of one component or material, as used by availability (`supplyShare`), criticality scores (HHI,
 * non-EU share) and the sovereignty report. Pure functions over a SupplyGraph.
 *
 * Effective share of each SUPPLIED_BY edge:
 *   - a declared `share` is used as given;
 *   - suppliers without a share split what the declared shares leave (max(0, 1 − Σ declared)) equally, and the result is
 *     marked `estimated` (so a sole supplier with no share gets 1, estimated);
 *   - whatever stays unassigned (all shares declared but summing below 1) is `unattributed`: supply from producers the
 *     sources do not name. It counts as fragmented (adds nothing to the HHI) and as of unknown country.
 *   - Σ declared above 1 (bad data) is scaled down to 1, and marked estimated.
 * An item with no SUPPLIED_BY at all has *unknown supply*: `known` is false and every number is null — never 0 or "safe".
 */
import { countryOf, suppliersOf, type SupplyGraph, type SupplyNode } from '../supply-graph/supply-graph.js';

export interface EffectiveShare {
  supplier: SupplyNode;
  country: SupplyNode | undefined;
  share: number;
  /** True when the share was not declared (or was rescaled) and is an equal split of what is left. */
  estimated: boolean;
}

export interface ShareBreakdown {
  /** False when the item has no supplier data at all ("unknown supply"). */
  known: boolean;
  shares: EffectiveShare[];
  /** Share of supply from no named supplier (declared shares summing below 1). */
  unattributed: number;
  /** True when any share is estimated rather than declared. */
  estimated: boolean;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

export function effectiveShares(g: SupplyGraph, itemId: string): ShareBreakdown {
  const edges = suppliersOf(g, itemId);
  if (edges.length === 0) return { known: false, shares: [], unattributed: 0, estimated: false };
  const declared = edges.reduce((sum, e) => sum + (e.share ?? 0), 0);
  const undeclared = edges.filter((e) => e.share === null).length;
  const scale = declared > 1 ? 1 / declared : 1;
  const left = Math.max(0, 1 - declared * scale);
  const each = undeclared > 0 ? left / undeclared : 0;
  const shares = edges.map((e) => ({
    supplier: g.nodes.get(e.to)!,
    country: countryOf(g, e.to),
    share: round(e.share === null ? each : e.share * scale),
    estimated: e.share === null || scale !== 1,
  }));
  const unattributed = undeclared > 0 ? 0 : round(left);
  return { known: true, shares, unattributed, estimated: shares.some((s) => s.estimated) };
}

/** Herfindahl–Hirschman index on the 0–1 scale (1 = one supplier holds all supply); null for unknown supply. */
export function hhi(b: ShareBreakdown): number | null {
  if (!b.known) return null;
  return round(b.shares.reduce((sum, s) => sum + s.share * s.share, 0));
}

export interface OriginShares {
  eu: number;
  nonEu: number;
  /** Suppliers with no mapped country (or a country without the eu flag), plus the unattributed remainder. */
  unknownOrigin: number;
  /** Share per country id (countries only; unknown origin is not listed). */
  byCountry: Map<string, number>;
}

/** Where the supply of one item comes from; null for unknown supply. */
export function originShares(b: ShareBreakdown): OriginShares | null {
  if (!b.known) return null;
  const out: OriginShares = { eu: 0, nonEu: 0, unknownOrigin: b.unattributed, byCountry: new Map() };
  for (const s of b.shares) {
    if (!s.country || s.country.eu === null || s.country.eu === undefined) out.unknownOrigin += s.share;
    else if (s.country.eu) out.eu += s.share;
    else out.nonEu += s.share;
    if (s.country) out.byCountry.set(s.country.id, round((out.byCountry.get(s.country.id) ?? 0) + s.share));
  }
  out.eu = round(out.eu);
  out.nonEu = round(out.nonEu);
  out.unknownOrigin = round(out.unknownOrigin);
  return out;
}
