// The technology radar as pure functions: which ring a technology sits in (horizon, falling back to TRL; or TRL bands),
// which sector (KET area, critical-technology area, capability domain), what moved since a date and what changed
// between two saved editions. No GraphQL, no I/O; unit-tested in radar.model.test.ts, documented in docs/radar.md.

export const RING_RULES = ['HORIZON', 'TRL_BANDS'] as const;
export type RingRule = (typeof RING_RULES)[number];

export const SECTOR_RULES = ['KET_AREA', 'CRITICAL_AREA', 'CAPABILITY_DOMAIN'] as const;
export type SectorRule = (typeof SECTOR_RULES)[number];

export const SIZE_MEASURES = ['SIGNAL_MOMENTUM', 'CRITICALITY'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** Every ring of every rule, inside out; UNKNOWN_READINESS is the band outside the rings for technologies with no data. */
export const RADAR_RINGS = ['NOW', 'BY_2030', 'BY_2035', 'BY_2040_PLUS', 'TRL_7_9', 'TRL_5_6', 'TRL_3_4', 'TRL_1_2', 'UNKNOWN_READINESS'] as const;
export type RadarRing = (typeof RADAR_RINGS)[number];

export const RINGS_OF_RULE: Record<RingRule, readonly RadarRing[]> = {
  HORIZON: ['NOW', 'BY_2030', 'BY_2035', 'BY_2040_PLUS'],
  TRL_BANDS: ['TRL_7_9', 'TRL_5_6', 'TRL_3_4', 'TRL_1_2'],
};

export const RING_LABELS: Record<RadarRing, string> = {
  NOW: 'Now',
  BY_2030: '2030',
  BY_2035: '2035',
  BY_2040_PLUS: '2040+',
  TRL_7_9: 'TRL 7–9',
  TRL_5_6: 'TRL 5–6',
  TRL_3_4: 'TRL 3–4',
  TRL_1_2: 'TRL 1–2',
  UNKNOWN_READINESS: 'Unknown readiness',
};

export const RING_RULE_TEXT: Record<RingRule, string> = {
  HORIZON:
    'Rings by the horizon at which a technology is expected to be mature for security use (now, 2030, 2035, 2040+). ' +
    'Without a horizon its TRL decides: TRL 8–9 now, 6–7 2030, 4–5 2035, 1–3 2040+. With neither it is listed under unknown readiness.',
  TRL_BANDS: 'Rings by technology readiness level: TRL 7–9, 5–6, 3–4 and 1–2. Without a TRL it is listed under unknown readiness.',
};

const HORIZON_RING: Record<string, RadarRing> = { now: 'NOW', '2030': 'BY_2030', '2035': 'BY_2035', '2040': 'BY_2040_PLUS' };

function horizonRingOfTrl(trl: number): RadarRing {
  if (trl >= 8) return 'NOW';
  if (trl >= 6) return 'BY_2030';
  if (trl >= 4) return 'BY_2035';
  return 'BY_2040_PLUS';
}

function trlBand(trl: number): RadarRing {
  if (trl >= 7) return 'TRL_7_9';
  if (trl >= 5) return 'TRL_5_6';
  if (trl >= 3) return 'TRL_3_4';
  return 'TRL_1_2';
}

const validTrl = (trl: unknown): trl is number => typeof trl === 'number' && Number.isInteger(trl) && trl >= 1 && trl <= 9;

/** The ring of a technology under a rule; horizon values are read as stored ("now", "2030"…, or an enum name such as "Y2030"). */
export function ringOf(rule: RingRule, horizon: unknown, trl: unknown): RadarRing {
  if (rule === 'HORIZON') {
    const key =
      typeof horizon === 'string'
        ? horizon
            .toLowerCase()
            .replace(/^(y|by_?)/, '')
            .replace(/_?plus$|\+$/, '')
        : '';
    const ring = HORIZON_RING[key];
    if (ring) return ring;
    return validTrl(trl) ? horizonRingOfTrl(trl) : 'UNKNOWN_READINESS';
  }
  return validTrl(trl) ? trlBand(trl) : 'UNKNOWN_READINESS';
}

export const NO_SECTOR_ID = 'none';

export interface SectorDef {
  id: string;
  name: string;
}

/** What the radar knows of one technology (as read from the graph). */
export interface RadarTechnology {
  id: string;
  name: string;
  description: string | null;
  horizon: unknown;
  trl: unknown;
  dualUse: boolean | null;
  ketAreaIds: string[];
  criticalAreaIds: string[];
  capabilities: { id: string; domain: string | null }[];
  caseStudyIds: string[];
}

/**
 * The sectors a technology belongs to under a rule, primary first. KET and critical-technology areas in the order of the
 * sector list; capability domains by how many of its enabled capabilities are in each (ties in the domain order).
 */
export function sectorsOf(rule: SectorRule, t: RadarTechnology, sectors: readonly SectorDef[]): string[] {
  const order = new Map(sectors.map((s, i) => [s.id, i]));
  const rank = (ids: string[]) => [...new Set(ids)].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  if (rule === 'KET_AREA') return rank(t.ketAreaIds);
  if (rule === 'CRITICAL_AREA') return rank(t.criticalAreaIds);
  const counts = new Map<string, number>();
  for (const c of t.capabilities) if (c.domain && order.has(c.domain)) counts.set(c.domain, (counts.get(c.domain) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!).map(([id]) => id);
}

export interface RadarFilterValues {
  domain?: string | null;
  caseStudyId?: string | null;
  capabilityId?: string | null;
  ketAreaId?: string | null;
}

/** All given conditions must hold. */
export function matchesFilter(t: RadarTechnology, f: RadarFilterValues): boolean {
  if (f.domain && !t.capabilities.some((c) => c.domain === f.domain)) return false;
  if (f.capabilityId && !t.capabilities.some((c) => c.id === f.capabilityId)) return false;
  if (f.caseStudyId && !t.caseStudyIds.includes(f.caseStudyId)) return false;
  if (f.ketAreaId && !t.ketAreaIds.includes(f.ketAreaId)) return false;
  return true;
}

/** A change of a technology from the history, oldest first: what its horizon and TRL were before it. */
export interface TechnologyChange {
  entityId: string;
  kind: string;
  fields: { field: string; before: unknown; after: unknown }[];
}

export interface Movement {
  /** Created (or restored) since the date. */
  isNew: boolean;
  /** The ring it was in at the date, when different from now. */
  movedFrom: RadarRing | null;
}

/**
 * What moved since a date, from the changes made after it (oldest first). A technology's horizon and TRL at the date are
 * the `before` of its first change of that field after the date, or its current value when the field did not change.
 * Created (or restored) after the date: new, never "moved".
 */
export function movementSince(rule: RingRule, technologies: readonly RadarTechnology[], changes: readonly TechnologyChange[]): Map<string, Movement> {
  const created = new Set<string>();
  const earlier = new Map<string, { horizon?: unknown; trl?: unknown }>();
  for (const c of changes) {
    if (c.kind === 'CREATE' || c.kind === 'RESTORE') created.add(c.entityId);
    if (c.kind !== 'UPDATE') continue;
    const then = earlier.get(c.entityId) ?? {};
    for (const f of c.fields) {
      if (f.field === 'horizon' && !('horizon' in then)) then.horizon = f.before;
      if (f.field === 'trl' && !('trl' in then)) then.trl = f.before;
    }
    earlier.set(c.entityId, then);
  }
  const out = new Map<string, Movement>();
  for (const t of technologies) {
    if (created.has(t.id)) {
      out.set(t.id, { isNew: true, movedFrom: null });
      continue;
    }
    const then = earlier.get(t.id);
    if (!then) continue;
    const before = ringOf(rule, 'horizon' in then ? then.horizon : t.horizon, 'trl' in then ? then.trl : t.trl);
    if (before !== ringOf(rule, t.horizon, t.trl)) out.set(t.id, { isNew: false, movedFrom: before });
  }
  return out;
}

/** One blip as an edition stores it. */
export interface EditionBlip {
  id: string;
  name: string;
  ring: RadarRing;
  sector: string;
}

export interface EditionDiff {
  moved: { id: string; name: string; fromRing: RadarRing; toRing: RadarRing; fromSector: string; toSector: string }[];
  added: EditionBlip[];
  removed: EditionBlip[];
}

/** What changed from one edition to a later one: moved (ring or sector), added and removed, each by name. */
export function compareEditions(from: readonly EditionBlip[], to: readonly EditionBlip[]): EditionDiff {
  const before = new Map(from.map((b) => [b.id, b]));
  const after = new Map(to.map((b) => [b.id, b]));
  const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const moved: EditionDiff['moved'] = [];
  for (const b of to) {
    const a = before.get(b.id);
    if (a && (a.ring !== b.ring || a.sector !== b.sector))
      moved.push({ id: b.id, name: b.name, fromRing: a.ring, toRing: b.ring, fromSector: a.sector, toSector: b.sector });
  }
  return {
    moved: moved.sort(byName),
    added: to.filter((b) => !before.has(b.id)).sort(byName),
    removed: from.filter((b) => !after.has(b.id)).sort(byName),
  };
}
