import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Entity } from '../entity/entity.type.js';
import { Connection } from '../graphql/connection.js';
import { CapabilityDomain } from '../vocabulary/graphql-enums.js';

@ObjectType({ implements: Entity, description: 'A capability of the EU internal-security portfolio, such as biometric identification.' })
export class Capability extends Entity {
  @Field(() => CapabilityDomain, { nullable: true, description: 'border management, law enforcement, drug markets, crisis management or cybersecurity.' })
  domain?: CapabilityDomain | null;
}

export const CapabilityConnection = Connection(Capability, 'Capability');

@InputType()
export class CapabilityFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' }) nameContains?: string | null;
  @Field(() => CapabilityDomain, { nullable: true }) domain?: CapabilityDomain | null;
}

@InputType({ description: 'A new capability. The id is made from the name when not given.' })
export class CapabilityInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => CapabilityDomain, { nullable: true }) domain?: CapabilityDomain | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@InputType({ description: 'Changes to a capability: only the fields given change.' })
export class CapabilityUpdate {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => CapabilityDomain, { nullable: true }) domain?: CapabilityDomain | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
