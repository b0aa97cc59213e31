// The capability roadmap as GraphQL types. Closed vocabularies (readiness state and basis, risk type) are enums.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EntityKindEnum } from '../entity/entity.type.js';
import type { EntityKind } from '../db/labels.js';
import { ScenarioEventTypeEnum } from '../scenario/scenario.type.js';
import type { ScenarioEventType } from '../scenario/scenario.model.js';
import { READINESS_BASES, READINESS_STATES, RISK_TYPES, type ReadinessBasis, type ReadinessState, type RiskType } from './roadmap.analysis.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ReadinessStateEnum = enumOf(READINESS_STATES);
registerEnumType(ReadinessStateEnum, {
  name: 'RoadmapReadinessState',
  description: 'Expected readiness of a technology over a stretch of years.',
  valuesConfig: {
    DEPLOYABLE: { description: 'TRL 7 or more: deployable for security use.' },
    DEVELOPING: { description: 'A known TRL below 7.' },
    UNKNOWN: { description: 'The map gives no TRL (or no horizon for when it matures): readiness is unknown, not assumed.' },
  },
});
export const ReadinessBasisEnum = enumOf(READINESS_BASES);
registerEnumType(ReadinessBasisEnum, {
  name: 'RoadmapReadinessBasis',
  description: 'What a lane’s expected readiness rests on: its TRL, its horizon, or nothing (unknown).',
});
export const RiskTypeEnum = enumOf(RISK_TYPES);
registerEnumType(RiskTypeEnum, {
  name: 'RoadmapRiskType',
  description: 'Why a dependency is at risk.',
  valuesConfig: {
    SINGLE_POINT_OF_FAILURE: { description: 'Its loss alone makes the technology unavailable.' },
    NON_EU_SUPPLY: { description: 'More than half of its supply comes from outside the EU.' },
  },
});

@ObjectType({ description: 'A stretch of years [from, to) in one readiness state.' })
export class RoadmapSegment {
  @Field(() => Int) from!: number;
  @Field(() => Int, { description: 'Exclusive; the last segment ends at endYear + 1.' }) to!: number;
  @Field(() => ReadinessStateEnum) state!: ReadinessState;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'A dependency at risk below a lane’s technology.' })
export class RoadmapRisk {
  @Field(() => RiskTypeEnum) type!: RiskType;
  @Field(() => ID) nodeId!: string;
  @Field(() => String) nodeName!: string;
  @Field(() => EntityKindEnum) nodeKind!: EntityKind;
  @Field(() => Float, { nullable: true, description: 'Share of its supply from outside the EU, 0–1; null when unknown or not supplied.' }) nonEuShare!:
    number | null;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: 'One enabling technology of the capability on the timeline.' })
export class RoadmapLane {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true, description: 'Strength of its ENABLES link.' }) strength!: number | null;
  @Field(() => Int, { nullable: true }) trl!: number | null;
  @Field(() => Int, { nullable: true }) trlYear!: number | null;
  @Field(() => String, { nullable: true }) horizon!: string | null;
  @Field(() => Int, { nullable: true, description: 'First year deployable (TRL ≥ 7) as the map has it; null when unknown.' }) deployableFrom!: number | null;
  @Field(() => ReadinessBasisEnum) basis!: ReadinessBasis;
  @Field(() => [RoadmapSegment]) readiness!: RoadmapSegment[];
  @Field(() => Int, { nullable: true, description: 'First year deployable under the chosen scenario, when its MATURATION events bring it forward.' })
  scenarioDeployableFrom!: number | null;
  @Field(() => [RoadmapRisk], { description: 'Single points of failure first, then items mostly supplied from outside the EU.' }) risks!: RoadmapRisk[];
}

@ObjectType({ description: 'An event of the chosen scenario, placed at its year on the lanes it touches.' })
export class RoadmapEvent {
  @Field(() => Int, { description: 'Position in the scenario, from 0.' }) index!: number;
  @Field(() => ScenarioEventTypeEnum) type!: ScenarioEventType;
  @Field(() => Int) year!: number;
  @Field(() => ID) targetId!: string;
  @Field(() => String, { nullable: true }) targetName!: string | null;
  @Field(() => [ID], { description: 'Lanes whose technology it targets or lies below; empty when none.' }) laneIds!: string[];
  @Field(() => String) summary!: string;
}

@ObjectType()
export class RoadmapRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A capability’s roadmap from this year to 2040.' })
export class CapabilityRoadmap {
  @Field(() => RoadmapRef) capability!: RoadmapRef;
  @Field(() => RoadmapRef, { nullable: true, description: 'The scenario overlaid, if any.' }) scenario!: RoadmapRef | null;
  @Field(() => Int) currentYear!: number;
  @Field(() => Int) endYear!: number;
  @Field(() => [Int], { description: 'The standard horizons within the timeline.' }) horizons!: number[];
  @Field(() => [RoadmapLane], { description: 'Strongest enabler first.' }) lanes!: RoadmapLane[];
  @Field(() => [RoadmapEvent], { description: 'By year, then position in the scenario.' }) events!: RoadmapEvent[];
}
