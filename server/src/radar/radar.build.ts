// Assembles a radar from the technologies read from the graph, their size measure and their movement. Pure.
import {
  NO_SECTOR_ID,
  RING_LABELS,
  RING_RULE_TEXT,
  RINGS_OF_RULE,
  matchesFilter,
  ringOf,
  sectorsOf,
  type Movement,
  type RadarFilterValues,
  type RadarRing,
  type RadarTechnology,
  type RingRule,
  type SectorDef,
  type SectorRule,
  type SizeMeasure,
} from './radar.model.js';

export interface BuiltBlip {
  id: string;
  name: string;
  description: string | null;
  ring: RadarRing;
  sectorId: string;
  otherSectorIds: string[];
  size: number;
  emerging: boolean;
  dualUse: boolean;
  trl: number | null;
  isNew: boolean;
  movedFrom: RadarRing | null;
}

export interface BuiltRadar {
  asOf: string;
  ringRule: RingRule;
  ringRuleText: string;
  sectorRule: SectorRule;
  sizeMeasure: SizeMeasure;
  sizeText: string;
  since: string | null;
  rings: { ring: RadarRing; label: string; count: number }[];
  sectors: { id: string; name: string; count: number }[];
  blips: BuiltBlip[];
  unknownReadinessCount: number;
  emptyReason: string | null;
}

export const SIZE_TEXT: Record<SizeMeasure, string> = {
  SIGNAL_MOMENTUM: 'Blip size: signals in the last 6 months (a blip’s tooltip says when they are accelerating).',
  CRITICALITY: 'Blip size: criticality score 0–1 (docs/dependency-analysis.md).',
};

const NO_SECTOR_NAME: Record<SectorRule, string> = {
  KET_AREA: 'No KET area',
  CRITICAL_AREA: 'No critical area',
  CAPABILITY_DOMAIN: 'No capability',
};

export interface RadarChoices {
  ringRule: RingRule;
  sectorRule: SectorRule;
  sizeMeasure: SizeMeasure;
  filter: RadarFilterValues;
  since: string | null;
  asOf: string;
}

export function buildRadar(
  technologies: readonly RadarTechnology[],
  sectorDefs: readonly SectorDef[],
  choices: RadarChoices,
  measure: (id: string) => { size: number; emerging: boolean },
  movement: ReadonlyMap<string, Movement>,
): BuiltRadar {
  const shown = technologies.filter((t) => matchesFilter(t, choices.filter));
  const blips: BuiltBlip[] = shown.map((t) => {
    const sectors = sectorsOf(choices.sectorRule, t, sectorDefs);
    const m = measure(t.id);
    const move = movement.get(t.id);
    return {
      id: t.id,
      name: t.name,
      description: t.description ?? null,
      ring: ringOf(choices.ringRule, t.horizon, t.trl),
      sectorId: sectors[0] ?? NO_SECTOR_ID,
      otherSectorIds: sectors.slice(1),
      size: m.size,
      emerging: m.emerging,
      dualUse: t.dualUse === true,
      trl: typeof t.trl === 'number' ? t.trl : null,
      isNew: move?.isNew ?? false,
      movedFrom: move?.movedFrom ?? null,
    };
  });
  blips.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const countRing = (ring: RadarRing) => blips.filter((b) => b.ring === ring).length;
  const unknownReadinessCount = countRing('UNKNOWN_READINESS');
  const rings = [...RINGS_OF_RULE[choices.ringRule], ...(unknownReadinessCount ? (['UNKNOWN_READINESS'] as const) : [])].map((ring) => ({
    ring,
    label: RING_LABELS[ring],
    count: countRing(ring),
  }));
  const countSector = (id: string) => blips.filter((b) => b.sectorId === id).length;
  const sectors = sectorDefs.map((s) => ({ id: s.id, name: s.name, count: countSector(s.id) }));
  if (countSector(NO_SECTOR_ID)) sectors.push({ id: NO_SECTOR_ID, name: NO_SECTOR_NAME[choices.sectorRule], count: countSector(NO_SECTOR_ID) });
  return {
    asOf: choices.asOf,
    ringRule: choices.ringRule,
    ringRuleText: RING_RULE_TEXT[choices.ringRule],
    sectorRule: choices.sectorRule,
    sizeMeasure: choices.sizeMeasure,
    sizeText: SIZE_TEXT[choices.sizeMeasure],
    since: choices.since,
    rings,
    sectors,
    blips,
    unknownReadinessCount,
    emptyReason: blips.length
      ? null
      : technologies.length === 0
        ? 'The map has no technology yet: add one in the Explorer (New… → Technology) or load the seed.'
        : 'No technology matches the filter: clear a filter or choose another domain, case study, capability or KET area.',
  };
}
