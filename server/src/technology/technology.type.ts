import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from '../entity/entity.type.js';
import { Connection } from '../graphql/connection.js';
import { EuPosition, Horizon } from '../vocabulary/graphql-enums.js';

/** Whether a readiness value is a figure its source states or a curator's judgement from that source. */
export const ValueBasisEnum = { STATED: 'stated', ESTIMATE: 'estimate' } as const;
export type ValueBasis = (typeof ValueBasisEnum)[keyof typeof ValueBasisEnum];
registerEnumType(ValueBasisEnum, {
  name: 'ValueBasis',
  description:
    "Where a readiness value comes from: STATED by its source, or an ESTIMATE (a curator's judgement from the source; the note says what it rests on).",
});

@ObjectType({ implements: Entity, description: 'A technology relevant to internal security or border management.' })
export class Technology extends Entity {
  @Field(() => Int, { nullable: true, description: 'Technology readiness level for security use, 1–9; null when no source gives one.' })
  trl?: number | null;
  @Field(() => Int, { nullable: true, description: 'The year the TRL was assessed.' }) trlYear?: number | null;
  @Field(() => Horizon, { nullable: true, description: 'When it is expected to be mature for security use: now, 2030, 2035 or 2040.' })
  horizon?: Horizon | null;
  @Field(() => EuPosition, { nullable: true, description: "The EU's position: leader, competitive, lagging or dependent." })
  euPosition?: EuPosition | null;
  @Field(() => Boolean, { nullable: true, description: 'Usable by criminals as well as by law enforcement.' }) dualUse?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'The Source the TRL comes from (one of `sources`).' }) trlSource?: string | null;
  @Field(() => ValueBasisEnum, { nullable: true, description: 'Whether the source states the TRL or it is an estimate from the source.' })
  trlBasis?: ValueBasis | null;
  @Field(() => String, { nullable: true, description: 'What the source says, or what an estimate rests on.' }) trlNote?: string | null;
  @Field(() => ID, { nullable: true, description: 'The Source the horizon comes from (one of `sources`).' }) horizonSource?: string | null;
  @Field(() => ValueBasisEnum, { nullable: true, description: 'Whether the source states the horizon or it is an estimate from the source.' })
  horizonBasis?: ValueBasis | null;
  @Field(() => String, { nullable: true, description: 'What the source says, or what an estimate rests on.' }) horizonNote?: string | null;
  @Field(() => ID, { nullable: true, description: 'The Source the EU position comes from (one of `sources`).' }) euPositionSource?: string | null;
  @Field(() => ValueBasisEnum, { nullable: true, description: 'Whether the source states the EU position or it is an estimate from the source.' })
  euPositionBasis?: ValueBasis | null;
  @Field(() => String, { nullable: true, description: 'What the source says, or what an estimate rests on.' }) euPositionNote?: string | null;
}

export const TechnologyConnection = Connection(Technology, 'Technology');

@InputType({ description: 'Narrows a list of technologies; all given conditions must hold.' })
export class TechnologyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) nameContains?: string | null;
  @Field(() => ID, { nullable: true }) ketAreaId?: string | null;
  @Field(() => ID, { nullable: true }) criticalAreaId?: string | null;
  @Field(() => Int, { nullable: true }) trlMin?: number | null;
  @Field(() => Int, { nullable: true }) trlMax?: number | null;
  @Field(() => EuPosition, { nullable: true }) euPosition?: EuPosition | null;
  @Field(() => Boolean, { nullable: true }) dualUse?: boolean | null;
}

@InputType({ description: 'A new technology. The id is made from the name when not given.' })
export class TechnologyInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) trl?: number | null;
  @Field(() => Int, { nullable: true }) trlYear?: number | null;
  @Field(() => Horizon, { nullable: true }) horizon?: Horizon | null;
  @Field(() => EuPosition, { nullable: true }) euPosition?: EuPosition | null;
  @Field(() => Boolean, { nullable: true }) dualUse?: boolean | null;
  @Field(() => [ID], { nullable: true }) ketAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) criticalAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'Changes to a technology: only the fields given change; null clears an optional field.' })
export class TechnologyUpdate {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) trl?: number | null;
  @Field(() => Int, { nullable: true }) trlYear?: number | null;
  @Field(() => Horizon, { nullable: true }) horizon?: Horizon | null;
  @Field(() => EuPosition, { nullable: true }) euPosition?: EuPosition | null;
  @Field(() => Boolean, { nullable: true }) dualUse?: boolean | null;
  @Field(() => [ID], { nullable: true }) ketAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) criticalAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
