// The roadmap's shapes: the generated result types of roadmap.operations.ts (npm run codegen), named for this view.
import type * as Api from '../../lib/graphql/api-types';

export type ReadinessState = Api.RoadmapReadinessState;
export type ScenarioEventType = Api.ScenarioEventType;

export type CapabilityRoadmapData = Api.CapabilityRoadmapQuery['capabilityRoadmap'];
export type RoadmapLane = CapabilityRoadmapData['lanes'][number];
export type RoadmapEvent = CapabilityRoadmapData['events'][number];

export type RoadmapChoices = Api.RoadmapChoicesQuery;
