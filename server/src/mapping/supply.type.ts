// The supply links analysts map by hand: a supplier (located in a country), who supplies what share of an item, and
// which technology, component or material can substitute for another.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Entity, Source, type EntityRecord } from '../entity/entity.type.js';
import { SupplyBasis } from '../vocabulary/graphql-enums.js';

@InputType({ description: 'A new supplier, located in a country. The id is made from the name when not given.' })
export class SupplierInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { description: 'The country it is located in.' }) countryId!: string;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@ObjectType({ description: 'A component or material is supplied by a supplier, for a share of its supply.' })
export class SuppliedByLink {
  @Field(() => Entity, { description: 'The component or material.' }) item!: EntityRecord;
  @Field(() => Entity) supplier!: EntityRecord;
  @Field(() => Float, { nullable: true, description: 'Share of supply 0–1; null when unknown.' }) share?: number | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => SupplyBasis, { nullable: true }) basis?: SupplyBasis | null;
  @Field(() => Float, { description: 'The declared shares of all the item\u2019s suppliers after this change.' }) totalShare!: number;
  @Field(() => [Source]) sources!: EntityRecord[];
  sourceIds?: string[];
}

@InputType({ description: 'Map that a supplier supplies a component or material (creates or updates the link).' })
export class SuppliedByInput {
  @Field(() => ID, { description: 'A component or material.' }) itemId!: string;
  @Field(() => ID) supplierId!: string;
  @Field(() => Float, { nullable: true, description: 'Share of supply 0–1; all shares of one item may add up to at most 1.' }) share?: number | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => SupplyBasis, { nullable: true, description: 'global production, EU sourcing or global capacity.' }) basis?: SupplyBasis | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}

@ObjectType({ description: 'One technology, component or material can replace another in its uses.' })
export class SubstitutesLink {
  @Field(() => Entity, { description: 'The one that can replace.' }) substitute!: EntityRecord;
  @Field(() => Entity, { description: 'The one replaced.' }) replaces!: EntityRecord;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [Source]) sources!: EntityRecord[];
  sourceIds?: string[];
}

@InputType({ description: 'Map that substituteId can replace replacesId (creates or updates the link).' })
export class SubstitutesInput {
  @Field(() => ID) substituteId!: string;
  @Field(() => ID) replacesId!: string;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
