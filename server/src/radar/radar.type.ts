import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RADAR_RINGS, RING_RULES, SECTOR_RULES, SIZE_MEASURES, type RadarRing, type RingRule, type SectorRule, type SizeMeasure } from './radar.model.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RadarRingRuleEnum = enumOf(RING_RULES);
registerEnumType(RadarRingRuleEnum, {
  name: 'RadarRingRule',
  description: 'How a radar puts technologies in rings: by horizon (TRL where no horizon) or by TRL bands.',
});
export const RadarSectorRuleEnum = enumOf(SECTOR_RULES);
registerEnumType(RadarSectorRuleEnum, {
  name: 'RadarSectorRule',
  description: 'What a radar’s sectors are: KET areas, the critical-technology areas of Recommendation (EU) 2023/2113, or capability domains.',
});
export const RadarSizeMeasureEnum = enumOf(SIZE_MEASURES);
registerEnumType(RadarSizeMeasureEnum, {
  name: 'RadarSizeMeasure',
  description: 'What a blip’s size shows: signal momentum (signals in the last 6 months) or criticality (0–1).',
});
export const RadarRingEnum = enumOf(RADAR_RINGS);
registerEnumType(RadarRingEnum, {
  name: 'RadarRing',
  description: 'A ring of the radar. NOW…BY_2040_PLUS under the horizon rule, TRL_7_9…TRL_1_2 under TRL bands; UNKNOWN_READINESS: no horizon and no TRL.',
});

@InputType({ description: 'Narrows a radar; all given conditions must hold.' })
export class RadarFilter {
  @Field(() => String, { nullable: true, description: 'A capability domain (border management, law enforcement…): technologies enabling a capability in it.' })
  domain?: string | null;
  @Field(() => ID, { nullable: true, description: 'Technologies the case study scans.' }) caseStudyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Technologies enabling the capability.' }) capabilityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Technologies in the KET area.' }) ketAreaId?: string | null;
}

@ObjectType({ description: 'One ring of a radar, inside out.' })
export class RadarRingInfo {
  @Field(() => RadarRingEnum) ring!: RadarRing;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Technologies in it.' }) count!: number;
}

@ObjectType({ description: 'One sector of a radar.' })
export class RadarSector {
  @Field(() => ID, { description: 'The area id, the domain name, or "none" for technologies in no sector.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Technologies drawn in it.' }) count!: number;
}

@ObjectType({ description: 'One technology on a radar.' })
export class RadarBlip {
  @Field(() => ID, { description: 'The technology id.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => RadarRingEnum) ring!: RadarRing;
  @Field(() => ID, { description: 'The sector it is drawn in (its first area or main domain; "none" when it has none).' }) sectorId!: string;
  @Field(() => [ID], { description: 'Its other sectors under the same rule (a technology is drawn once).' }) otherSectorIds!: string[];
  @Field(() => Float, { description: 'The size measure: signals in the last 6 months, or the criticality score 0–1.' }) size!: number;
  @Field(() => Boolean, { description: 'Its signals are accelerating (the emerging rule of docs/signals.md).' }) emerging!: boolean;
  @Field(() => Boolean, { description: 'Usable by criminals as well as by law enforcement.' }) dualUse!: boolean;
  @Field(() => Int, { nullable: true }) trl!: number | null;
  @Field(() => Boolean, { description: 'Created since the chosen date (false when no date is chosen).' }) isNew!: boolean;
  @Field(() => RadarRingEnum, { nullable: true, description: 'The ring it was in at the chosen date, when it has moved since.' }) movedFrom!: RadarRing | null;
}

@ObjectType({ description: 'A technology radar generated from the graph.' })
export class Radar {
  @Field(() => String, { description: 'The day it shows, YYYY-MM-DD.' }) asOf!: string;
  @Field(() => RadarRingRuleEnum) ringRule!: RingRule;
  @Field(() => String, { description: 'The ring rule in words, for the legend.' }) ringRuleText!: string;
  @Field(() => RadarSectorRuleEnum) sectorRule!: SectorRule;
  @Field(() => RadarSizeMeasureEnum) sizeMeasure!: SizeMeasure;
  @Field(() => String, { description: 'The size measure in words, for the legend.' }) sizeText!: string;
  @Field(() => String, { nullable: true, description: 'The movement date asked for, YYYY-MM-DD.' }) since!: string | null;
  @Field(() => [RadarRingInfo], { description: 'The rule’s four rings inside out, then UNKNOWN_READINESS when any technology has no ring data.' })
  rings!: RadarRingInfo[];
  @Field(() => [RadarSector], { description: 'The sectors in drawing order; "none" last when a technology has no sector.' }) sectors!: RadarSector[];
  @Field(() => [RadarBlip], { description: 'Every technology that passes the filter, none dropped, by name.' }) blips!: RadarBlip[];
  @Field(() => Int, { description: 'Blips in UNKNOWN_READINESS (listed, drawn outside the rings).' }) unknownReadinessCount!: number;
  @Field(() => String, { nullable: true, description: 'Why nothing is drawn, when no technology passes the filter.' }) emptyReason!: string | null;
}

@ObjectType({ description: 'A blip as a saved edition keeps it.' })
export class RadarEditionBlip {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RadarRingEnum) ring!: RadarRing;
  @Field(() => ID) sectorId!: string;
}

@ObjectType({ description: 'A radar saved on a date: its blips’ rings and sectors, with who saved it.' })
export class RadarEdition {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'When it was saved (ISO date-time).' }) at!: string;
  @Field(() => String) byName!: string;
  @Field(() => RadarRingRuleEnum) ringRule!: RingRule;
  @Field(() => RadarSectorRuleEnum) sectorRule!: SectorRule;
  @Field(() => RadarSizeMeasureEnum) sizeMeasure!: SizeMeasure;
  @Field(() => Int) blipCount!: number;
  @Field(() => [RadarEditionBlip]) blips!: RadarEditionBlip[];
}

@ObjectType({ description: 'A blip in another ring or sector in the later edition.' })
export class RadarMovedBlip {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RadarRingEnum) fromRing!: RadarRing;
  @Field(() => RadarRingEnum) toRing!: RadarRing;
  @Field(() => ID) fromSectorId!: string;
  @Field(() => ID) toSectorId!: string;
}

@ObjectType({ description: 'What changed from one edition to another.' })
export class RadarEditionComparison {
  @Field(() => RadarEdition) from!: RadarEdition;
  @Field(() => RadarEdition) to!: RadarEdition;
  @Field(() => [RadarMovedBlip]) moved!: RadarMovedBlip[];
  @Field(() => [RadarEditionBlip], { description: 'In the later edition only.' }) added!: RadarEditionBlip[];
  @Field(() => [RadarEditionBlip], { description: 'In the earlier edition only.' }) removed!: RadarEditionBlip[];
}

@InputType({ description: 'Saves the radar drawn with these choices, as it is now, as a dated edition.' })
export class RadarEditionInput {
  @Field(() => String, { description: 'A title such as "Q4 2026 border-technology radar".' }) title!: string;
  @Field(() => RadarRingRuleEnum, { defaultValue: 'HORIZON' }) ringRule!: RingRule;
  @Field(() => RadarSectorRuleEnum, { defaultValue: 'KET_AREA' }) sectorRule!: SectorRule;
  @Field(() => RadarSizeMeasureEnum, { defaultValue: 'SIGNAL_MOMENTUM' }) sizeMeasure!: SizeMeasure;
  @Field(() => RadarFilter, { nullable: true }) filter?: RadarFilter | null;
}

@ObjectType({ description: 'One thing a radar filter can be set to.' })
export class RadarChoice {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'For a capability: its domain.' }) domain?: string | null;
}

@ObjectType({ description: 'What the radar’s filters can be set to, each list by name.' })
export class RadarFilterChoices {
  @Field(() => [String], { description: 'The capability domains.' }) domains!: string[];
  @Field(() => [RadarChoice]) capabilities!: RadarChoice[];
  @Field(() => [RadarChoice]) caseStudies!: RadarChoice[];
  @Field(() => [RadarChoice]) ketAreas!: RadarChoice[];
}
