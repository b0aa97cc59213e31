import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Entity } from '../entity/entity.type.js';
import { Connection } from '../graphql/connection.js';

export const HORIZONS = ['now', '2030', '2035', '2040'] as const;
export const EU_POSITIONS = ['leader', 'competitive', 'lagging', 'dependent'] as const;

@ObjectType({ implements: Entity, description: 'A technology relevant to internal security or border management.' })
export class Technology extends Entity {
  @Field(() => Int, { nullable: true, description: 'Technology readiness level for security use, 1–9; null when no source gives one.' })
  trl?: number | null;
  @Field(() => Int, { nullable: true, description: 'The year the TRL was assessed.' }) trlYear?: number | null;
  @Field(() => String, { nullable: true, description: 'When it is expected to be mature for security use: now, 2030, 2035 or 2040.' })
  horizon?: string | null;
  @Field(() => String, { nullable: true, description: "The EU's position: leader, competitive, lagging or dependent." })
  euPosition?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Usable by criminals as well as by law enforcement.' }) dualUse?: boolean | null;
}

export const TechnologyConnection = Connection(Technology, 'Technology');

@InputType({ description: 'Narrows a list of technologies; all given conditions must hold.' })
export class TechnologyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) nameContains?: string | null;
  @Field(() => ID, { nullable: true }) ketAreaId?: string | null;
  @Field(() => ID, { nullable: true }) criticalAreaId?: string | null;
  @Field(() => Int, { nullable: true }) trlMin?: number | null;
  @Field(() => Int, { nullable: true }) trlMax?: number | null;
  @Field(() => String, { nullable: true }) euPosition?: string | null;
  @Field(() => Boolean, { nullable: true }) dualUse?: boolean | null;
}

@InputType({ description: 'A new technology. The id is made from the name when not given.' })
export class TechnologyInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) trl?: number | null;
  @Field(() => Int, { nullable: true }) trlYear?: number | null;
  @Field(() => String, { nullable: true }) horizon?: string | null;
  @Field(() => String, { nullable: true }) euPosition?: string | null;
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
  @Field(() => String, { nullable: true }) horizon?: string | null;
  @Field(() => String, { nullable: true }) euPosition?: string | null;
  @Field(() => Boolean, { nullable: true }) dualUse?: boolean | null;
  @Field(() => [ID], { nullable: true }) ketAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) criticalAreaIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@ObjectType({ description: 'What a delete removed.' })
export class DeletionResult {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Links removed with it.' }) relationshipsRemoved!: number;
  @Field(() => ID, { nullable: true, description: 'The DELETE change in history: an admin can restore it, links included.' }) changeId?: string | null;
}
