// GraphQL types of the dependency analysis. Plain data computed per request by the pure functions of this folder;
// only `DependencyNode.entity` and `DependencyEdge.sources` reach back to the database (batched by DataLoaders).
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityKind } from '../db/labels.js';
import { Entity, EntityKindEnum, Source, type EntityRecord } from '../entity/entity.type.js';
import { PageInfo } from '../graphql/connection.js';
import { SupplyBasis } from '../vocabulary/graphql-enums.js';

export enum AvailabilityStatus {
  AVAILABLE = 'available',
  UNKNOWN = 'unknown',
  UNAVAILABLE = 'unavailable',
}
registerEnumType(AvailabilityStatus, {
  name: 'AvailabilityStatus',
  description: 'Availability under the fault-tree semantics of docs/dependency-analysis.md; UNKNOWN when supply data is missing.',
});

@ObjectType({ description: 'A node of a dependency graph: a capability, technology, component, material, supplier or country.' })
export class DependencyNode {
  @Field(() => ID) id!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true, description: 'Technologies: readiness level.' }) trl?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Countries: an EU member state.' }) eu?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Countries: ISO 3166 code.' }) iso2?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Materials: on the EU critical raw materials list.' }) criticalRawMaterial?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'In a tree: the fewest steps from the root.' }) level?: number | null;
  @Field(() => Entity, { nullable: true, description: 'The full entity, with its sources and attributes.' }) entity?: EntityRecord | null;
}

@ObjectType({ description: 'A link of a dependency graph, in its stored direction, with its attributes.' })
export class DependencyEdge {
  @Field(() => String, { description: '"from|TYPE|to".' }) id!: string;
  @Field(() => String, { description: 'ENABLES, DEPENDS_ON, SUBSTITUTES, SUPPLIED_BY or LOCATED_IN.' }) type!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Float, { nullable: true, description: 'ENABLES: 0–1.' }) strength?: number | null;
  @Field(() => Float, { nullable: true, description: 'DEPENDS_ON: 0–1.' }) criticality?: number | null;
  @Field(() => Float, { nullable: true, description: 'DEPENDS_ON: 0–1, 0 = no substitute known.' }) substitutability?: number | null;
  @Field(() => Float, { nullable: true, description: 'SUPPLIED_BY: share of supply 0–1, null when no source gives one.' }) share?: number | null;
  @Field(() => Int, { nullable: true, description: 'SUPPLIED_BY: the year of the share.' }) year?: number | null;
  @Field(() => SupplyBasis, { nullable: true, description: 'SUPPLIED_BY: what the share measures.' }) basis?: SupplyBasis | null;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [ID]) sourceIds!: string[];
  @Field(() => [Source]) sources!: EntityRecord[];
}

@ObjectType({ description: 'One path from the root down; ENABLES and SUBSTITUTES steps are walked against their direction.' })
export class DependencyPath {
  @Field(() => [ID]) nodeIds!: string[];
  @Field(() => [Int], { description: 'The same nodes as positions in DependencyTree.nodes: a much smaller answer when there are many paths.' })
  nodes!: number[];
  @Field(() => [DependencyEdge]) steps!: DependencyEdge[];
  @Field(() => Boolean, { description: 'The last node occurs earlier on the path: a cycle, reported and not walked again.' }) cycle!: boolean;
}

@ObjectType({ description: 'Everything a capability or technology depends on, down to supplier countries.' })
export class DependencyTree {
  @Field(() => DependencyNode) root!: DependencyNode;
  @Field(() => [DependencyNode], { description: 'Nodes within maxDepth, by level.' }) nodes!: DependencyNode[];
  @Field(() => [DependencyEdge]) edges!: DependencyEdge[];
  @Field(() => [DependencyPath], { description: 'Every path from the root (one per path prefix): "the paths leading to X" end at X.' })
  paths!: DependencyPath[];
  @Field(() => [DependencyPath]) cycles!: DependencyPath[];
  @Field(() => Boolean, { description: 'More paths exist than were listed.' }) truncated!: boolean;
  @Field(() => Int, { nullable: true }) maxDepth?: number | null;
}

@ObjectType({ description: 'One factor of a criticality score.' })
export class ScoreComponent {
  @Field(() => String, { description: 'reach, concentration, nonEu, substitutability or maturity.' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Float, { nullable: true, description: 'The measured value (count, HHI, share, TRL); null when unknown or not applicable.' }) value?:
    number | null;
  @Field(() => Float, { nullable: true, description: '0 harmless – 1 critical; null when it does not apply (no weight then).' }) factor?: number | null;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: 'Its part of the score; the parts add up to the score.' }) contribution!: number;
  @Field(() => String) note!: string;
}

@ObjectType({ description: "One supplier's effective share of an item's supply." })
export class SupplierShare {
  @Field(() => DependencyNode) supplier!: DependencyNode;
  @Field(() => DependencyNode, { nullable: true }) country?: DependencyNode | null;
  @Field(() => Float) share!: number;
  @Field(() => Boolean, { description: 'Not declared by a source: an equal split of what declared shares leave.' }) estimated!: boolean;
}

@ObjectType({ description: 'A dependency with its criticality score and every part of the explanation.' })
export class CriticalDependency {
  @Field(() => DependencyNode) node!: DependencyNode;
  @Field(() => Float, { description: '0–1, the weighted mean of the applicable components.' }) score!: number;
  @Field(() => [ScoreComponent]) components!: ScoreComponent[];
  @Field(() => Int) capabilityCount!: number;
  @Field(() => [DependencyNode], { description: 'The capabilities of the portfolio that depend on it.' }) capabilities!: DependencyNode[];
  @Field(() => Float, { nullable: true, description: 'Herfindahl–Hirschman index 0–1 of its supply; null for unknown supply.' }) hhi?: number | null;
  @Field(() => Float, { nullable: true }) euShare?: number | null;
  @Field(() => Float, { nullable: true }) nonEuShare?: number | null;
  @Field(() => Float, { nullable: true }) unknownOriginShare?: number | null;
  @Field(() => Float, { nullable: true }) substitutability?: number | null;
  @Field(() => Boolean) hasSubstitute!: boolean;
  @Field(() => Int, { nullable: true }) trl?: number | null;
  @Field(() => Boolean, { description: 'A component or material with no supplier data: scored at worst case.' }) unknownSupply!: boolean;
  @Field(() => [SupplierShare]) suppliers!: SupplierShare[];
}

@ObjectType({ description: 'A weight of the criticality score.' })
export class ScoreWeight {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: 'Dependencies ranked by criticality, below one root or across the portfolio.' })
export class CriticalDependencies {
  @Field(() => DependencyNode, { nullable: true, description: 'Null for the portfolio-wide ranking.' }) root?: DependencyNode | null;
  @Field(() => [CriticalDependency], { description: 'This page of the ranking (see first / after).' }) items!: CriticalDependency[];
  @Field(() => Int, { description: 'How many are ranked in all pages.' }) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [ScoreWeight]) weights!: ScoreWeight[];
  @Field(() => Int, { description: 'A dependency under this many capabilities gets the full reach factor.' }) reachSaturation!: number;
}

@ObjectType({ description: 'A node whose loss alone makes an enabling technology unavailable.' })
export class SinglePointOfFailure {
  @Field(() => DependencyNode) node!: DependencyNode;
  @Field(() => [DependencyNode], { description: 'The enabling technologies its loss makes unavailable.' }) technologies!: DependencyNode[];
  @Field(() => Boolean, { description: 'Those are all the enablers: the capability itself is lost.' }) capabilityLost!: boolean;
  @Field(() => [DependencyNode], { description: 'What falls directly with it.' }) breaks!: DependencyNode[];
  @Field(() => String) reason!: string;
  @Field(() => Boolean, { description: 'It has no supplier data, so its own suppliers cannot be checked.' }) unknownSupply!: boolean;
  @Field(() => Int) level!: number;
}

@ObjectType()
export class EnablerStatus {
  @Field(() => DependencyNode) technology!: DependencyNode;
  @Field(() => AvailabilityStatus) status!: AvailabilityStatus;
}

@ObjectType({ description: 'The single points of failure of a capability (or of one technology).' })
export class SinglePointsOfFailure {
  @Field(() => DependencyNode) root!: DependencyNode;
  @Field(() => AvailabilityStatus, { description: 'With nothing lost.' }) status!: AvailabilityStatus;
  @Field(() => [EnablerStatus]) enablers!: EnablerStatus[];
  @Field(() => [SinglePointOfFailure]) points!: SinglePointOfFailure[];
}

@ObjectType()
export class TechnologySovereignty {
  @Field(() => DependencyNode) technology!: DependencyNode;
  @Field(() => Float, { nullable: true, description: 'Mean non-EU share over its components and materials with known supply.' }) nonEuShare?: number | null;
  @Field(() => Float, { nullable: true }) euShare?: number | null;
  @Field(() => Float, { nullable: true }) unknownOriginShare?: number | null;
  @Field(() => Int, { description: 'Components and materials with known supply counted.' }) items!: number;
  @Field(() => [DependencyNode], { description: 'Components and materials without supplier data (not counted).' }) unknownSupplyItems!: DependencyNode[];
  @Field(() => DependencyNode, { nullable: true }) mostExposedItem?: DependencyNode | null;
}

@ObjectType()
export class KetAreaSovereignty {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true, description: 'Mean of its technologies\u2019 non-EU shares.' }) nonEuShare?: number | null;
  @Field(() => [DependencyNode]) technologies!: DependencyNode[];
  @Field(() => Int, { description: 'Technologies with known supply counted in the mean.' }) measured!: number;
}

@ObjectType()
export class CapabilityExposure {
  @Field(() => DependencyNode) capability!: DependencyNode;
  @Field(() => Boolean, { description: 'Cutting the country makes the capability unavailable.' }) lostIfCut!: boolean;
  @Field(() => Float, { description: "Largest share of one item's supply in its chain located in the country." }) largestShare!: number;
  @Field(() => [DependencyNode]) items!: DependencyNode[];
}

@ObjectType()
export class CountryExposure {
  @Field(() => DependencyNode) country!: DependencyNode;
  @Field(() => [DependencyNode]) suppliers!: DependencyNode[];
  @Field(() => [CapabilityExposure]) capabilities!: CapabilityExposure[];
  @Field(() => Int) lostCount!: number;
}

@ObjectType({ description: "The EU's technological sovereignty: where supply comes from, per technology, KET area and country." })
export class SovereigntyReport {
  @Field(() => [TechnologySovereignty]) technologies!: TechnologySovereignty[];
  @Field(() => [KetAreaSovereignty]) ketAreas!: KetAreaSovereignty[];
  @Field(() => [CountryExposure]) countries!: CountryExposure[];
}
