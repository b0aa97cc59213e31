// Pure helpers of the sovereignty dashboard: ranking, share text, the unknown-supply list, CSV and drill-down links.
import { DEFAULT_STATE, formatUrlState } from '../../lib/state/url-codec';
import type * as Api from '../../lib/graphql/api-types';

// The report's shapes are the generated result type of sovereignty.operations.ts (npm run codegen).
export type SovereigntyData = Api.SovereigntyDashboardQuery['sovereigntyReport'];
export type CountryExposureRow = SovereigntyData['countries'][number];
export type KetAreaRow = SovereigntyData['ketAreas'][number];
export type TechnologyRow = SovereigntyData['technologies'][number];

/** One area (KET or critical technology) ranked by non-EU share: a KET area's fields, its technologies counted. */
export type AreaShare = Pick<KetAreaRow, 'id' | 'name' | 'nonEuShare' | 'measured'> & { technologies: number };

/** One material or component with no supplier data, and the technologies that need it. */
export type UnknownSupplyItem = TechnologyRow['unknownSupplyItems'][number] & { usedBy: string[] };

/** 0.623 → "62%"; unknown → "unknown" (never 0%: no data is not "all in the EU"). */
export function shareText(share: number | null): string {
  return share === null ? 'unknown' : `${Math.round(share * 100)}%`;
}

/** Bar width in percent, 0 for unknown. */
export function barWidth(share: number | null): number {
  return share === null ? 0 : Math.max(0, Math.min(100, Math.round(share * 1000) / 10));
}

/** Highest share first, unknown last, then by name so equal shares keep a stable order. */
export function byShareDesc<T extends { nonEuShare: number | null; name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (b.nonEuShare ?? -1) - (a.nonEuShare ?? -1) || a.name.localeCompare(b.name));
}

export function ketAreaShares(rows: readonly KetAreaRow[]): AreaShare[] {
  return byShareDesc(rows.map((a) => ({ id: a.id, name: a.name, nonEuShare: a.nonEuShare, measured: a.measured, technologies: a.technologies.length })));
}

/**
 * Critical-technology areas by the same rule the server applies to KET areas (docs/dependency-analysis.md): the mean
 * of their technologies' non-EU shares, technologies with no known supply left out, rounded to 3 decimals.
 */
export function criticalAreaShares(technologies: readonly TechnologyRow[]): AreaShare[] {
  const areas = new Map<string, { name: string; shares: number[]; technologies: number }>();
  for (const t of technologies) {
    for (const a of t.technology.entity?.areas ?? []) {
      if (a.kind !== 'CriticalTechnologyArea') continue;
      const area = areas.get(a.id) ?? { name: a.name, shares: [], technologies: 0 };
      area.technologies++;
      if (t.nonEuShare !== null) area.shares.push(t.nonEuShare);
      areas.set(a.id, area);
    }
  }
  return byShareDesc(
    [...areas].map(([id, a]) => ({
      id,
      name: a.name,
      nonEuShare: a.shares.length ? Math.round((a.shares.reduce((x, y) => x + y, 0) / a.shares.length) * 1000) / 1000 : null,
      measured: a.shares.length,
      technologies: a.technologies,
    })),
  );
}

/** Every material or component without supplier data, once, with the technologies reaching it, by name. */
export function unknownSupplyItems(technologies: readonly TechnologyRow[]): UnknownSupplyItem[] {
  const items = new Map<string, UnknownSupplyItem>();
  for (const t of technologies) {
    for (const i of t.unknownSupplyItems) {
      const item = items.get(i.id) ?? { id: i.id, name: i.name, kind: i.kind, usedBy: [] };
      if (!item.usedBy.includes(t.technology.name)) item.usedBy.push(t.technology.name);
      items.set(i.id, item);
    }
  }
  return [...items.values()]
    .map((i) => ({ ...i, usedBy: i.usedBy.sort((a, b) => a.localeCompare(b)) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The dependency view opened on an entity: the link every row of the dashboard drills down to. */
export function dependencyHref(id: string): string {
  return formatUrlState({ ...DEFAULT_STATE, view: 'dependencies', focus: id });
}

import { toCsv } from '../../lib/csv';
export { toCsv };

export function countriesCsv(rows: readonly CountryExposureRow[]): string {
  return toCsv(
    ['country_id', 'country', 'iso2', 'eu', 'capabilities_lost_if_cut', 'capabilities_exposed', 'lost_if_cut', 'suppliers'],
    rows.map((c) => [
      c.country.id,
      c.country.name,
      c.country.iso2,
      c.country.eu === null ? null : String(c.country.eu),
      c.lostCount,
      c.capabilities.length,
      c.capabilities
        .filter((x) => x.lostIfCut)
        .map((x) => x.capability.name)
        .join('; '),
      c.suppliers.map((s) => s.name).join('; '),
    ]),
  );
}

export function areasCsv(rows: readonly AreaShare[]): string {
  return toCsv(
    ['area_id', 'area', 'non_eu_share', 'technologies_measured', 'technologies'],
    rows.map((a) => [a.id, a.name, a.nonEuShare, a.measured, a.technologies]),
  );
}

export function unknownSupplyCsv(rows: readonly UnknownSupplyItem[]): string {
  return toCsv(
    ['id', 'name', 'kind', 'used_by'],
    rows.map((i) => [i.id, i.name, i.kind, i.usedBy.join('; ')]),
  );
}
