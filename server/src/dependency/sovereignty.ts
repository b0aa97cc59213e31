/**
 * The sovereignty report over the whole supply graph:
 *  - technologies ranked by the share of their supply from outside the EU: the mean, over the components and materials
 *    a technology reaches through DEPENDS_ON (not substitutes) whose supply is known, of each item's non-EU share
 *    (shares.ts: declared shares, equal split where missing). Supply of unknown origin is reported apart, not as EU.
 *    Items without supplier data are counted in `unknownSupplyItems` and left out of the mean.
 *  - KET areas ranked by the mean of their technologies' non-EU shares (technologies with no known supply left out);
 *  - per country, the capabilities exposed to it (its suppliers are in their dependency subgraph), which of them are
 *    lost if the country is cut (availability.ts), and the largest share of one item's supply the country holds for them.
 */
import { evaluateAvailability } from './availability.js';
import { effectiveShares, originShares } from './shares.js';
import { dependenciesOf, isSuppliedKind, type SupplyGraph, type SupplyNode } from '../supply-graph/supply-graph.js';
import { capabilitiesReaching, levelsFrom } from './walk.js';

export interface TechnologySovereignty {
  technology: SupplyNode;
  nonEuShare: number | null;
  euShare: number | null;
  unknownOriginShare: number | null;
  /** Components and materials reached with known supply / without supplier data. */
  items: number;
  unknownSupplyItems: string[];
  /** The item with the largest non-EU share. */
  mostExposedItemId: string | null;
}

export interface KetAreaSovereignty {
  id: string;
  name: string;
  nonEuShare: number | null;
  technologyIds: string[];
  /** Technologies counted in the mean (those with known supply). */
  measured: number;
}

export interface CapabilityExposure {
  capability: SupplyNode;
  lostIfCut: boolean;
  /** Largest share of one item's supply in the capability's chain that comes from the country. */
  largestShare: number;
  itemIds: string[];
}

export interface CountryExposure {
  country: SupplyNode;
  supplierIds: string[];
  capabilities: CapabilityExposure[];
  lostCount: number;
}

export interface SovereigntyReport {
  technologies: TechnologySovereignty[];
  ketAreas: KetAreaSovereignty[];
  countries: CountryExposure[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: number[]) => (xs.length ? r3(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const byShare = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);

/** Components and materials a node reaches through DEPENDS_ON only. */
function itemsBelow(g: SupplyGraph, id: string): string[] {
  const seen = new Set([id]);
  const stack = [id];
  const items: string[] = [];
  while (stack.length) {
    for (const e of dependenciesOf(g, stack.pop()!)) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      stack.push(e.to);
      if (isSuppliedKind(g.nodes.get(e.to)!.kind)) items.push(e.to);
    }
  }
  return items.sort();
}

export function technologySovereignty(g: SupplyGraph, tech: SupplyNode): TechnologySovereignty {
  const origins: { id: string; nonEu: number; eu: number; unknown: number }[] = [];
  const unknownSupplyItems: string[] = [];
  for (const id of itemsBelow(g, tech.id)) {
    const o = originShares(effectiveShares(g, id));
    if (o) origins.push({ id, nonEu: o.nonEu, eu: o.eu, unknown: o.unknownOrigin });
    else unknownSupplyItems.push(id);
  }
  const worst = [...origins].sort((a, b) => b.nonEu - a.nonEu || a.id.localeCompare(b.id))[0];
  return {
    technology: tech,
    nonEuShare: mean(origins.map((o) => o.nonEu)),
    euShare: mean(origins.map((o) => o.eu)),
    unknownOriginShare: mean(origins.map((o) => o.unknown)),
    items: origins.length,
    unknownSupplyItems,
    mostExposedItemId: worst?.id ?? null,
  };
}

export function sovereigntyReport(g: SupplyGraph): SovereigntyReport {
  const nodes = [...g.nodes.values()];
  const technologies = nodes
    .filter((n) => n.kind === 'Technology')
    .map((t) => technologySovereignty(g, t))
    .sort((a, b) => byShare(a.nonEuShare, b.nonEuShare) || a.technology.id.localeCompare(b.technology.id));

  const areas = new Map<string, KetAreaSovereignty & { shares: number[] }>();
  for (const t of technologies) {
    for (const k of t.technology.ketAreas ?? []) {
      const area = areas.get(k.id) ?? { id: k.id, name: k.name, nonEuShare: null, technologyIds: [], measured: 0, shares: [] };
      area.technologyIds.push(t.technology.id);
      if (t.nonEuShare !== null) area.shares.push(t.nonEuShare);
      areas.set(k.id, area);
    }
  }
  const ketAreas = [...areas.values()]
    .map(({ shares, ...a }) => ({ ...a, technologyIds: a.technologyIds.sort(), nonEuShare: mean(shares), measured: shares.length }))
    .sort((a, b) => byShare(a.nonEuShare, b.nonEuShare) || a.id.localeCompare(b.id));

  const reaching = capabilitiesReaching(g);
  const chains = new Map<string, Map<string, number>>();
  const chainOf = (capId: string) => chains.get(capId) ?? chains.set(capId, levelsFrom(g, capId)).get(capId)!;
  const countries: CountryExposure[] = [];
  for (const country of nodes.filter((n) => n.kind === 'Country')) {
    const capIds = reaching.get(country.id) ?? [];
    const supplierIds = (g.in.get(country.id) ?? [])
      .filter((e) => e.type === 'LOCATED_IN')
      .map((e) => e.from)
      .sort();
    if (capIds.length === 0 && supplierIds.length === 0) continue;
    const after = evaluateAvailability(g, new Set([country.id]));
    // Share of each item's supply located in this country.
    const held = new Map<string, number>();
    for (const s of supplierIds) {
      for (const e of (g.in.get(s) ?? []).filter((x) => x.type === 'SUPPLIED_BY')) {
        const share = effectiveShares(g, e.from).shares.find((x) => x.supplier.id === s)?.share ?? 0;
        held.set(e.from, r3((held.get(e.from) ?? 0) + share));
      }
    }
    const capabilities = capIds.map((capId) => {
      const inChain = chainOf(capId);
      const itemIds = [...held.keys()].filter((i) => inChain.has(i)).sort();
      return {
        capability: g.nodes.get(capId)!,
        lostIfCut: after.get(capId) === 'unavailable',
        largestShare: Math.max(0, ...itemIds.map((i) => held.get(i)!)),
        itemIds,
      };
    });
    capabilities.sort((a, b) => Number(b.lostIfCut) - Number(a.lostIfCut) || b.largestShare - a.largestShare || a.capability.id.localeCompare(b.capability.id));
    countries.push({ country, supplierIds, capabilities, lostCount: capabilities.filter((c) => c.lostIfCut).length });
  }
  countries.sort((a, b) => b.lostCount - a.lostCount || b.capabilities.length - a.capabilities.length || a.country.id.localeCompare(b.country.id));
  return { technologies, ketAreas, countries };
}
