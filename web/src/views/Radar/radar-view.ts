// Pure helpers of the radar view: URL words ↔ API choices, the drawing handed to radar-svg, the numbered legend,
// the BYOR-compatible exports (CSV and JSON: name, ring, quadrant, isNew, description) and file names.
import type { RadarDrawing } from '../../lib/radar/radar-svg';
import { numberBlips } from '../../lib/radar/radar-svg';
import type { RadarBlipData, RadarData, RadarFilterInput, RadarRingRule, RadarSectorRule, RadarSizeMeasure } from './radar.types';

export const RING_RULE_WORDS: Record<string, RadarRingRule> = { horizon: 'HORIZON', trl: 'TRL_BANDS' };
export const SECTOR_RULE_WORDS: Record<string, RadarSectorRule> = { ket: 'KET_AREA', critical: 'CRITICAL_AREA', domain: 'CAPABILITY_DOMAIN' };
export const SIZE_WORDS: Record<string, RadarSizeMeasure> = { momentum: 'SIGNAL_MOMENTUM', criticality: 'CRITICALITY' };

const wordOf = <T extends string>(table: Record<string, T>, value: T): string => Object.entries(table).find(([, v]) => v === value)![0];
export const ringRuleWord = (r: RadarRingRule) => wordOf(RING_RULE_WORDS, r);
export const sectorRuleWord = (r: RadarSectorRule) => wordOf(SECTOR_RULE_WORDS, r);
export const sizeWord = (r: RadarSizeMeasure) => wordOf(SIZE_WORDS, r);

/** URL filter items ("cap:…", "case:…", "ket:…", "domain:law-enforcement") → the API's filter; null when none. */
export function filterFromUrl(items: readonly string[] | undefined): RadarFilterInput | null {
  const f: RadarFilterInput = {};
  for (const item of items ?? []) {
    if (item.startsWith('domain:')) f.domain = item.slice(7).replaceAll('-', ' ');
    else if (item.startsWith('cap:')) f.capabilityId = item;
    else if (item.startsWith('case:')) f.caseStudyId = item;
    else if (item.startsWith('ket:')) f.ketAreaId = item;
  }
  return Object.keys(f).length ? f : null;
}

export function filterToUrl(f: RadarFilterInput): string[] | undefined {
  const items = [f.domain ? `domain:${f.domain.replaceAll(' ', '-')}` : '', f.capabilityId ?? '', f.caseStudyId ?? '', f.ketAreaId ?? ''].filter(Boolean);
  return items.length ? items.sort() : undefined;
}

const RULE_TITLES: Record<RadarSectorRule, string> = {
  KET_AREA: 'by KET area',
  CRITICAL_AREA: 'by critical-technology area',
  CAPABILITY_DOMAIN: 'by capability domain',
};

export function radarTitle(r: Pick<RadarData, 'sectorRule' | 'ringRule'>): string {
  return `Technology radar ${RULE_TITLES[r.sectorRule]}${r.ringRule === 'TRL_BANDS' ? ', TRL bands' : ''}`;
}

/** Moved towards the centre (nearer readiness) or away, from the ring indexes of the rule. */
function direction(r: RadarData, b: RadarBlipData): 'in' | 'out' | null {
  if (!b.movedFrom) return null;
  const order = r.rings.map((x) => x.ring);
  const from = order.indexOf(b.movedFrom);
  const to = order.indexOf(b.ring);
  // A ring missing from this radar (e.g. unknown readiness, now empty) counts as outside every ring.
  return (from < 0 ? order.length : from) > to ? 'in' : 'out';
}

function sizeDetail(r: RadarData, b: RadarBlipData): string {
  const ring = r.rings.find((x) => x.ring === b.ring)?.label ?? b.ring;
  const size =
    r.sizeMeasure === 'CRITICALITY'
      ? `criticality ${b.size.toFixed(2)}`
      : `${b.size} signal${b.size === 1 ? '' : 's'} in 6 months${b.emerging ? ', emerging' : ''}`;
  return `${ring}, ${size}${b.trl !== null ? `, TRL ${b.trl}` : ''}`;
}

export function toDrawing(r: RadarData, title = radarTitle(r)): RadarDrawing {
  const ringIndex = new Map(r.rings.map((x, i) => [x.ring, i]));
  const sectorIndex = new Map(r.sectors.map((s, i) => [s.id, i]));
  const max = Math.max(0, ...r.blips.map((b) => b.size));
  const notes = [r.ringRuleText, r.sizeText];
  if (r.since) notes.push(`Movement since ${r.since}, from the change history.`);
  return {
    title,
    date: r.asOf,
    rings: r.rings.map((x) => ({ label: x.label, unknown: x.ring === 'UNKNOWN_READINESS' })),
    sectors: r.sectors.map((s) => ({ name: s.name })),
    blips: r.blips.map((b) => ({
      id: b.id,
      name: b.name,
      ring: ringIndex.get(b.ring) ?? r.rings.length - 1,
      sector: sectorIndex.get(b.sectorId) ?? r.sectors.length - 1,
      weight: max > 0 ? b.size / max : 0,
      dualUse: b.dualUse,
      isNew: b.isNew,
      moved: direction(r, b),
      detail: sizeDetail(r, b),
    })),
    notes,
  };
}

export interface LegendGroup {
  sector: { id: string; name: string; index: number };
  items: { number: number; blip: RadarBlipData; ringLabel: string; moved: 'in' | 'out' | null }[];
}

/** The numbered legend, by sector (same numbers as the drawing). Empty sectors are left out. */
export function legendGroups(r: RadarData): LegendGroup[] {
  const drawing = toDrawing(r);
  const byId = new Map(r.blips.map((b) => [b.id, b]));
  const numbered = numberBlips(drawing.blips);
  return r.sectors
    .map((s, index) => ({
      sector: { id: s.id, name: s.name, index },
      items: numbered
        .filter((b) => b.sector === index)
        .map((b) => ({ number: b.number, blip: byId.get(b.id)!, ringLabel: r.rings[b.ring]?.label ?? '', moved: b.moved })),
    }))
    .filter((g) => g.items.length > 0);
}

export interface ByorBlip {
  name: string;
  ring: string;
  quadrant: string;
  isNew: 'TRUE' | 'FALSE';
  description: string;
}

/** BYOR's columns; "quadrant" holds our sector, "ring" the ring label, isNew TRUE/FALSE as BYOR sheets write it. */
export function byorBlips(r: RadarData): ByorBlip[] {
  const ringLabel = new Map(r.rings.map((x) => [x.ring, x.label]));
  const sectorName = new Map(r.sectors.map((s) => [s.id, s.name]));
  return r.blips.map((b) => ({
    name: b.name,
    ring: ringLabel.get(b.ring) ?? b.ring,
    quadrant: sectorName.get(b.sectorId) ?? b.sectorId,
    isNew: b.isNew ? 'TRUE' : 'FALSE',
    description: b.description ?? '',
  }));
}

/** RFC 4180: quoted when needed, quotes doubled, CRLF between records. */
export function byorCsv(r: RadarData): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = byorBlips(r).map((b) => [b.name, b.ring, b.quadrant, b.isNew, b.description].map(cell).join(','));
  return ['name,ring,quadrant,isNew,description', ...rows].join('\r\n') + '\r\n';
}

export function byorJson(r: RadarData): string {
  return JSON.stringify(byorBlips(r), null, 2) + '\n';
}

export function exportFileName(r: RadarData, ext: string): string {
  return `technology-radar-${sectorRuleWord(r.sectorRule)}-${ringRuleWord(r.ringRule)}-${r.asOf}.${ext}`;
}
